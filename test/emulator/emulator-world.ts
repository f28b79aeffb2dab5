import { badRequest, forbidden } from "./api-error.js";
import { FileStore } from "./file-store.js";
import { MessageLog } from "./message-log.js";
import { SendRateLimiter, type RateLimitOptions } from "./rate-limiter.js";
import { UpdateQueue } from "./update-queue.js";

export type UserProfile = { id: number; firstName: string; username?: string; languageCode?: string };
/** A group chat several users write in; its id is negative, as Telegram's are. */
export type GroupProfile = { id: number; title: string; type: "group" | "supergroup" };
/** A chat the bot can write to: its id and the Telegram Chat object of its messages. */
export type ChatTarget = { id: number; chat: Record<string, unknown> };
export type ApiCall = { method: string; payload: any; at: number; token: string };
export type WebhookReplyHandler = (token: string, method: string, payload: Record<string, unknown>) => void;

/** An emoji reaction the bot set on a message of a chat (an empty list removes it). */
export type BotReaction = { chatId: number; messageId: number; emoji: string[] };

export const BOT_USERNAME = "kiemdiem_test_bot";

/** State shared by the HTTP layer, the Bot API methods and the emulated users. */
export class EmulatorWorld {
  readonly log = new MessageLog();
  readonly files = new FileStore();
  readonly rateLimiter: SendRateLimiter;
  readonly calls: ApiCall[] = [];
  readonly users = new Map<number, UserProfile>();
  readonly groups = new Map<number, GroupProfile>();
  readonly blocked = new Set<number>();
  readonly openCallbackQueries = new Set<string>();
  /** Per-token bot settings (commands, menu buttons), keyed by `${token}|${what}`. */
  readonly botSettings = new Map<string, unknown>();
  /** Reactions the bot set on messages (setMessageReaction), and who listens for them. */
  readonly reactions = new Map<string, string[]>();
  readonly reactionListeners = new Set<(reaction: BotReaction) => void>();
  /** Cancels pending waitForMessage/waitForIdle calls when the emulator stops. */
  readonly pendingWaits = new Set<(reason: Error) => void>();
  private readonly inflightByChat = new Map<number, number>();
  private readonly queues = new Map<string, UpdateQueue>();
  private readonly defaultQueue: UpdateQueue;
  private defaultQueueOwner?: string;

  constructor(
    rateLimit: RateLimitOptions | undefined,
    private readonly onWebhookReply: WebhookReplyHandler,
  ) {
    this.rateLimiter = new SendRateLimiter(rateLimit);
    this.defaultQueue = new UpdateQueue((method, payload) => {
      if (this.defaultQueueOwner) this.onWebhookReply(this.defaultQueueOwner, method, payload);
    });
  }

  /**
   * Users created without a bot token talk to the first bot that connects:
   * their updates wait in a default queue that this bot's token adopts.
   */
  queueFor(token?: string): UpdateQueue {
    if (token === undefined) return this.defaultQueue;
    let queue = this.queues.get(token);
    if (!queue) {
      if (this.defaultQueueOwner === undefined) {
        this.defaultQueueOwner = token;
        queue = this.defaultQueue;
      } else {
        queue = new UpdateQueue((method, payload) => this.onWebhookReply(token, method, payload));
      }
      this.queues.set(token, queue);
    }
    return queue;
  }

  /** The bot token behind a queue: the given one, or the bot that adopted the default queue. */
  tokenFor(token?: string): string | undefined {
    return token ?? this.defaultQueueOwner;
  }

  /** The chat (private or group) the bot wants to write to; Telegram's errors when it can't. */
  requireWritableChat(chatId: unknown): ChatTarget {
    const group = this.groups.get(Number(chatId));
    if (group) return { id: group.id, chat: groupChat(group) };
    const user = this.users.get(Number(chatId));
    if (!user) throw badRequest("chat not found");
    if (this.blocked.has(user.id)) throw forbidden("bot was blocked by the user");
    return { id: user.id, chat: privateChat(user) };
  }

  /** API calls still running for a chat count as "bot busy" for waitForIdle. */
  trackCall(chatId: number | undefined, delta: 1 | -1): void {
    if (chatId === undefined || Number.isNaN(chatId)) return;
    this.inflightByChat.set(chatId, (this.inflightByChat.get(chatId) ?? 0) + delta);
  }

  inflightCalls(chatId: number): number {
    return this.inflightByChat.get(chatId) ?? 0;
  }

  close(): void {
    this.defaultQueue.close();
    for (const queue of this.queues.values()) queue.close();
    for (const cancel of [...this.pendingWaits]) cancel(new Error("BotApiEmulator stopped"));
  }
}

export function botUser(token: string) {
  return { id: Number(token.split(":")[0]), is_bot: true, first_name: "Kiemdiem Test Bot", username: BOT_USERNAME };
}

export function telegramUser(user: UserProfile) {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.firstName,
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };
}

export function privateChat(user: UserProfile) {
  return { id: user.id, type: "private" as const, first_name: user.firstName, ...(user.username ? { username: user.username } : {}) };
}

export function groupChat(group: GroupProfile) {
  return { id: group.id, type: group.type, title: group.title };
}
