import { groupChat, privateChat, telegramUser, type ChatTarget, type EmulatorWorld, type UserProfile } from "./emulator-world.js";
import { toTelegramDocument } from "./file-store.js";
import type { MessageEvent, SentMessage } from "./message-log.js";
import { commandEntities } from "./telegram-text.js";
import type { UpdateQueue } from "./update-queue.js";

export type MessageMatcher = string | RegExp | ((message: SentMessage) => boolean);
type InlineButton = { text: string; callback_data?: string; url?: string; [kind: string]: unknown };

const IDLE_POLL_MS = 10;
let callbackQueryCounter = 0;

/** A Telegram user in a private chat with the bot (chat id == user id), or the same user in a group (`inGroup`). */
export class EmulatedUser {
  readonly id: number;
  /** The chat this user writes in and reads: their private chat, or a group's (negative) id. */
  readonly chatId: number;
  private readonly chat: ChatTarget["chat"];
  /** waitForMessage returns events after this point; it advances with actions and returned messages. */
  private cursor: number;
  private lastActionSeq: number;
  private lastActionAt = 0;

  constructor(
    private readonly world: EmulatorWorld,
    readonly profile: UserProfile,
    private readonly botToken?: string,
    chat?: ChatTarget,
  ) {
    this.id = profile.id;
    this.chatId = chat?.id ?? profile.id;
    this.chat = chat?.chat ?? privateChat(profile);
    // Starting at creation lets a test await a message the bot pushed before waitForMessage was called.
    this.cursor = this.lastActionSeq = world.log.currentSeq();
  }

  /** The same user writing in a group created with `emulator.group(...)`: sends and reads that group's chat. */
  inGroup(groupId: number): EmulatedUser {
    const group = this.world.groups.get(groupId);
    if (!group) throw new Error(`Unknown group ${groupId}: create it with emulator.group(${groupId}) first`);
    return new EmulatedUser(this.world, this.profile, this.botToken, { id: group.id, chat: groupChat(group) });
  }

  /** Sends a text message; resolves to its message id (what the bot's reactions and edits point at). */
  async send(text: string): Promise<number> {
    const entities = commandEntities(text);
    return this.pushMessage({ text, ...(entities.length > 0 ? { entities } : {}) });
  }

  /** Edits a message this user sent: the bot gets an `edited_message` update with the new text. */
  async edit(messageId: number, text: string): Promise<void> {
    this.markAction();
    const message = { message_id: messageId, from: telegramUser(this.profile), chat: this.chat, date: Math.floor(Date.now() / 1000) };
    this.queue.push({ edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000), text } }, this.chatId);
  }

  async sendSticker(): Promise<void> {
    const file = this.world.files.add("sticker.webp", Buffer.from("RIFF-emulated-sticker"), "image/webp", "stickers");
    this.pushMessage({
      sticker: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: "👍",
        file_size: file.bytes.length,
      },
    });
  }

  async sendPhoto(): Promise<void> {
    const file = this.world.files.add("photo.jpg", Buffer.from("emulated-jpeg"), "image/jpeg", "photos");
    const size = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length };
    this.pushMessage({
      photo: [
        { ...size, width: 90, height: 90 },
        { ...size, width: 800, height: 800 },
      ],
    });
  }

  async sendVoice(): Promise<void> {
    const file = this.world.files.add("voice.ogg", Buffer.from("OggS-emulated-voice"), "audio/ogg", "voice");
    this.pushMessage({
      voice: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        duration: 2,
        mime_type: file.mimeType,
        file_size: file.bytes.length,
      },
    });
  }

  async sendDocument(fileName: string, content: string | Buffer, mimeType?: string): Promise<void> {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const file = this.world.files.add(fileName, bytes, mimeType);
    this.pushMessage({ document: toTelegramDocument(file) });
  }

  /** Presses the inline button (by text or callback_data) on the newest bot message that has it. */
  async click(button: string | RegExp): Promise<void> {
    const { message, found } = this.findButton(button);
    if (found.callback_data === undefined) {
      throw new Error(
        `Button "${found.text}" is not a callback button (${Object.keys(found)
          .filter((k) => k !== "text")
          .join(", ")})`,
      );
    }
    this.pushCallback(message, found.callback_data);
  }

  /** A forged press: any callback data, as if it were a button on the newest bot message of this chat. */
  async pressForged(data: string): Promise<void> {
    const newest = this.lastMessage();
    if (!newest) throw new Error(`No bot message in chat ${this.chatId} to attach a forged button to`);
    this.pushCallback(this.world.log.find(this.chatId, newest.messageId)!.raw, data);
  }

  private pushCallback(message: object, data: string): void {
    const queryId = `${this.id}${++callbackQueryCounter}`;
    this.world.openCallbackQueries.add(queryId);
    this.markAction();
    this.queue.push(
      {
        callback_query: {
          id: queryId,
          from: telegramUser(this.profile),
          message: structuredClone(message),
          chat_instance: String(this.chatId),
          data,
        },
      },
      this.chatId,
    );
  }

  /** Resolves with the emoji once the bot has set a reaction on one of this user's messages (at once if it has). */
  waitForReaction(messageId: number, timeoutMs = 5000): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const set = () => this.world.reactions.get(`${this.chatId}:${messageId}`);
      const finish = () => {
        clearTimeout(timer);
        this.world.reactionListeners.delete(listener);
        this.world.pendingWaits.delete(fail);
      };
      const fail = (reason: Error) => {
        finish();
        reject(reason);
      };
      const listener = () => {
        const emoji = set();
        if (emoji === undefined) return;
        finish();
        resolve(emoji);
      };
      const timer = setTimeout(
        () => fail(new Error(`waitForReaction(${messageId}) timed out after ${timeoutMs}ms in chat ${this.chatId}`)),
        timeoutMs,
      );
      this.world.reactionListeners.add(listener);
      this.world.pendingWaits.add(fail);
      listener();
    });
  }

  messages(): SentMessage[] {
    return this.world.log.forChat(this.chatId);
  }

  /** Newest bot message in this chat that was not deleted. */
  lastMessage(): SentMessage | undefined {
    return this.messages()
      .filter((message) => !message.deleted)
      .at(-1);
  }

  /**
   * First bot message (send or edit) after the user's last action that matches.
   * Successive calls return successive messages: each call consumes what it returned.
   */
  waitForMessage(match?: MessageMatcher, timeoutMs = 5000): Promise<SentMessage> {
    return new Promise((resolve, reject) => {
      const tryResolve = () => {
        const hit = this.world.log.eventsSince(this.chatId, this.cursor).find((event) => matches(event.message, match));
        if (!hit) return;
        this.cursor = hit.seq;
        finish();
        resolve(hit.message);
      };
      const fail = (reason: Error) => {
        finish();
        reject(reason);
      };
      const timer = setTimeout(() => fail(new Error(this.describeTimeout(match, timeoutMs))), timeoutMs);
      const unsubscribe = this.world.log.subscribe((message) => {
        if (message.chatId === this.chatId) tryResolve();
      });
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
        this.world.pendingWaits.delete(fail);
      };
      this.world.pendingWaits.add(fail);
      tryResolve();
    });
  }

  /** Resolves once the bot has handled this chat's updates and stayed quiet for quietMs. */
  waitForIdle(quietMs = 150, timeoutMs = 5000): Promise<SentMessage[]> {
    const startedAt = Date.now();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.isIdle(quietMs)) {
          finish();
          resolve(this.eventsSinceAction().map((event) => event.message));
        } else if (Date.now() - startedAt > timeoutMs) {
          fail(
            new Error(
              `waitForIdle: chat ${this.chatId} still busy after ${timeoutMs}ms ` +
                `(unconfirmed updates: ${this.queue.backlog(this.chatId)}, running API calls: ${this.world.inflightCalls(this.chatId)})`,
            ),
          );
        }
      };
      const fail = (reason: Error) => {
        finish();
        reject(reason);
      };
      const timer = setInterval(check, IDLE_POLL_MS);
      const finish = () => {
        clearInterval(timer);
        this.world.pendingWaits.delete(fail);
      };
      this.world.pendingWaits.add(fail);
    });
  }

  private get queue(): UpdateQueue {
    return this.world.queueFor(this.botToken);
  }

  private isIdle(quietMs: number): boolean {
    const lastActivity = Math.max(this.world.log.lastChangeAt(this.chatId), this.lastActionAt);
    return Date.now() - lastActivity >= quietMs && this.queue.backlog(this.chatId) === 0 && this.world.inflightCalls(this.chatId) === 0;
  }

  private pushMessage(content: Record<string, unknown>): number {
    this.markAction();
    const message = {
      message_id: this.world.log.nextMessageId(this.chatId),
      from: telegramUser(this.profile),
      chat: this.chat,
      date: Math.floor(Date.now() / 1000),
      ...content,
    };
    this.queue.push({ message }, this.chatId);
    return message.message_id;
  }

  private markAction(): void {
    this.cursor = this.lastActionSeq = this.world.log.currentSeq();
    this.lastActionAt = Date.now();
  }

  private eventsSinceAction(): MessageEvent[] {
    return this.world.log.eventsSince(this.chatId, this.lastActionSeq);
  }

  private findButton(wanted: string | RegExp): { message: object; found: InlineButton } {
    const isWanted = (value?: string) =>
      value !== undefined && (typeof wanted === "string" ? value === wanted : value.search(wanted) !== -1);
    const candidates = this.messages()
      .filter((message) => !message.deleted)
      .reverse();
    for (const candidate of candidates) {
      const raw = this.world.log.find(this.chatId, candidate.messageId)!.raw;
      const rows = (raw.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard ?? [];
      const found = rows.flat().find((button) => isWanted(button.text) || isWanted(button.callback_data));
      if (found) return { message: raw, found };
    }
    const available = candidates.flatMap((m) => (m.replyMarkup?.inline_keyboard ?? []).flat().map((b: InlineButton) => `"${b.text}"`));
    throw new Error(`No inline button matching ${String(wanted)} in chat ${this.chatId}. Buttons: ${available.join(", ") || "none"}`);
  }

  private describeTimeout(match: MessageMatcher | undefined, timeoutMs: number): string {
    const arrived = this.eventsSinceAction().map((event) => `  #${event.message.messageId}: ${summarize(event.message)}`);
    return (
      `waitForMessage(${match === undefined ? "" : String(match)}) timed out after ${timeoutMs}ms in chat ${this.chatId}.\n` +
      (arrived.length > 0
        ? `Bot messages since the user's last action:\n${arrived.join("\n")}`
        : "The bot sent nothing since the user's last action.") +
      `\nUnconfirmed updates for this chat: ${this.queue.backlog(this.chatId)}`
    );
  }
}

function matches(message: SentMessage, match?: MessageMatcher): boolean {
  if (match === undefined) return true;
  if (typeof match === "function") return match(message);
  const haystacks = [message.text, message.plainText, message.document?.fileName, message.document?.caption].filter(
    (value): value is string => value !== undefined,
  );
  return haystacks.some((value) => (typeof match === "string" ? value.includes(match) : value.search(match) !== -1));
}

function summarize(message: SentMessage): string {
  const body = message.document
    ? `[document ${message.document.fileName}] ${message.document.caption ?? ""}`
    : JSON.stringify(message.text);
  return `${body.slice(0, 200)}${message.edited ? " (edited)" : ""}`;
}
