/**
 * Local Telegram Bot API emulator for kiemdiem's end-to-end tests, demo and benchmarks.
 * Point grammY at it: `new Bot(token, { client: { apiRoot: emulator.apiRoot } })`.
 * Stop order: `await bot.stop()` first, then `await emulator.stop()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramApiError, notFound, unauthorized } from "./api-error.js";
import { findMethod } from "./bot-methods.js";
import { EmulatedUser } from "./emulated-user.js";
import { EmulatorWorld, telegramUser, botUser, privateChat, type ApiCall, type BotReaction } from "./emulator-world.js";
import { onClientGone, readPayload, sendJson } from "./http-payload.js";
import type { SentMessage } from "./message-log.js";
import type { EmulatorStats, RateLimitOptions } from "./rate-limiter.js";

export { EmulatedUser } from "./emulated-user.js";
export type { MessageMatcher } from "./emulated-user.js";
export type { SentMessage } from "./message-log.js";
export type { BotReaction } from "./emulator-world.js";
export type { EmulatorStats } from "./rate-limiter.js";

export type EmulatorOptions = { port?: number; rateLimit?: RateLimitOptions };
export type UserOptions = { firstName?: string; languageCode?: string; username?: string; botToken?: string };

const TOKEN_FORMAT = /^\d+:[A-Za-z0-9_-]+$/;
const FORCE_CLOSE_AFTER_MS = 100;

export class BotApiEmulator {
  readonly apiRoot: string;
  private readonly users = new Map<number, EmulatedUser>();

  private constructor(
    private readonly server: Server,
    private readonly world: EmulatorWorld,
  ) {
    this.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  static async start(opts: EmulatorOptions = {}): Promise<BotApiEmulator> {
    let emulator: BotApiEmulator | undefined;
    const world = new EmulatorWorld(opts.rateLimit, (token, method, payload) => emulator?.runWebhookReply(token, method, payload));
    const server = createServer((req, res) => void emulator?.handleRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
    });
    emulator = new BotApiEmulator(server, world);
    return emulator;
  }

  /** Answers pending long polls with [], rejects pending waits, closes every connection. */
  async stop(): Promise<void> {
    this.world.close();
    await new Promise((resolve) => setImmediate(resolve)); // let the released polls write their [] answers
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const force = setTimeout(() => this.server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
    await closed;
    clearTimeout(force);
  }

  /** The user (private chat id == user id). Without botToken it talks to the first bot that connects. */
  user(id: number, opts: UserOptions = {}): EmulatedUser {
    const existing = this.users.get(id);
    if (existing) return existing;
    const profile = { id, firstName: opts.firstName ?? `User ${id}`, username: opts.username, languageCode: opts.languageCode };
    this.world.users.set(id, profile);
    const user = new EmulatedUser(this.world, profile, opts.botToken);
    this.users.set(id, user);
    return user;
  }

  /** A group chat (id negative); its members write in it with `user(id).inGroup(groupId)`. */
  group(id: number, title = `Group ${id}`, type: "group" | "supergroup" = "group"): void {
    if (id >= 0) throw new Error("group chat ids are negative");
    this.world.groups.set(id, { id, title, type });
  }

  /** Afterwards the bot gets 403 for this chat; like Telegram, the bot receives a my_chat_member update. */
  blockBot(userId: number, botToken?: string): void {
    this.world.blocked.add(userId);
    this.pushMemberStatus(userId, "member", "kicked", botToken);
  }

  unblockBot(userId: number, botToken?: string): void {
    this.world.blocked.delete(userId);
    this.pushMemberStatus(userId, "kicked", "member", botToken);
  }

  get sent(): SentMessage[] {
    return this.world.log.sent;
  }

  get calls(): ApiCall[] {
    return this.world.calls;
  }

  onBotMessage(listener: (message: SentMessage) => void): () => void {
    return this.world.log.subscribe(listener);
  }

  /** Every reaction the bot sets from now on. */
  onReaction(listener: (reaction: BotReaction) => void): () => void {
    this.world.reactionListeners.add(listener);
    return () => this.world.reactionListeners.delete(listener);
  }

  /** The emoji the bot set on a message (none: an empty list). */
  reactionsOn(chatId: number, messageId: number): string[] {
    return this.world.reactions.get(`${chatId}:${messageId}`) ?? [];
  }

  stats(): EmulatorStats {
    return this.world.rateLimiter.stats();
  }

  /** Enqueues a raw update (update_id assigned when missing; an old update_id is delivered again). */
  /** Updates not yet confirmed by the bot (fetched with a higher offset, or answered 2xx by its webhook). */
  backlog(botToken?: string): number {
    return this.world.queueFor(botToken).backlog();
  }

  /** The id the chat's next message takes, as Telegram numbers a chat's messages (for updates a test builds). */
  nextMessageId(chatId: number): number {
    return this.world.log.nextMessageId(chatId);
  }

  pushUpdate(update: object, botToken?: string): number {
    return this.world.queueFor(botToken).push(update, chatIdOf(update));
  }

  private pushMemberStatus(userId: number, oldStatus: string, newStatus: string, botToken?: string): void {
    const profile = this.world.users.get(userId);
    if (!profile) throw new Error(`Unknown user ${userId}: create it with emulator.user(${userId}) first`);
    const token = this.world.tokenFor(botToken) ?? "0:unknown"; // bot not connected yet
    const member = (status: string) => ({ user: botUser(token), status, ...(status === "kicked" ? { until_date: 0 } : {}) });
    this.pushUpdate(
      {
        my_chat_member: {
          chat: privateChat(profile),
          from: telegramUser(profile),
          date: Math.floor(Date.now() / 1000),
          old_chat_member: member(oldStatus),
          new_chat_member: member(newStatus),
        },
      },
      botToken,
    );
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? "/", this.apiRoot);
      const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (fileRoute) return this.serveFile(res, decodeURIComponent(fileRoute[2]));
      const apiRoute = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
      if (!apiRoute) throw notFound("method not found");
      const payload = await readPayload(req, url);
      const result = await this.invoke(apiRoute[1], apiRoute[2], payload, onClientGone(res));
      sendJson(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof TelegramApiError) return sendJson(res, error.errorCode, error.toResponseBody());
      const description = `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`;
      sendJson(res, 500, { ok: false, error_code: 500, description });
    }
  }

  private async invoke(
    token: string,
    methodName: string,
    payload: Record<string, any>,
    clientGone?: (cb: () => void) => void,
  ): Promise<unknown> {
    this.world.calls.push({ method: methodName, payload, at: Date.now(), token });
    if (!TOKEN_FORMAT.test(token)) throw unauthorized();
    const method = findMethod(methodName);
    if (!method) throw notFound("method not found");
    const chatId = payload.chat_id === undefined ? undefined : Number(payload.chat_id);
    this.world.trackCall(chatId, 1);
    try {
      return await method.handler({ world: this.world, token, onClientGone: clientGone }, payload);
    } finally {
      this.world.trackCall(chatId, -1);
    }
  }

  private runWebhookReply(token: string, method: string, payload: Record<string, unknown>): void {
    this.invoke(token, method, payload).catch(() => {
      // Telegram ignores failures of API calls made in a webhook answer.
    });
  }

  private serveFile(res: ServerResponse, filePath: string): void {
    const file = this.world.files.getByPath(filePath);
    if (!file) {
      sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.length });
    res.end(file.bytes);
  }
}

function chatIdOf(update: any): number | undefined {
  const source = update.message ?? update.edited_message ?? update.my_chat_member;
  return source?.chat?.id ?? update.callback_query?.message?.chat?.id ?? update.callback_query?.from?.id;
}
