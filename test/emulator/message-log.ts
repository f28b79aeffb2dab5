/** What the bot sent, as tests want to see it (edits update the same object in place). */
export type SentMessage = {
  messageId: number;
  chatId: number;
  /** Text exactly as the bot sent it (may contain HTML/Markdown markup, see parseMode). */
  text?: string;
  /** Text as the user sees it, markup removed. */
  plainText?: string;
  document?: { fileName: string; bytes: Buffer; caption?: string; mimeType?: string };
  replyMarkup?: any;
  parseMode?: string;
  edited?: boolean;
  deleted?: boolean;
  /** Id of the bot (token prefix) that sent it, for emulators shared by several bots. */
  botId: number;
};

export type TelegramMessage = { message_id: number; [key: string]: unknown };
export type MessageEvent = { message: SentMessage; seq: number };
type Entry = { message: SentMessage; raw: TelegramMessage; seq: number };

/**
 * Every bot message with a sequence number of its latest change (send or edit),
 * so waiters can ask for "what happened after point X" without races.
 */
export class MessageLog {
  readonly sent: SentMessage[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly lastMessageIdByChat = new Map<number, number>();
  private readonly lastChangeAtByChat = new Map<number, number>();
  private readonly listeners = new Set<(message: SentMessage) => void>();
  private seq = 0;

  currentSeq(): number {
    return this.seq;
  }

  /** Private chats number user and bot messages in one sequence, as Telegram does. */
  nextMessageId(chatId: number): number {
    const id = (this.lastMessageIdByChat.get(chatId) ?? 0) + 1;
    this.lastMessageIdByChat.set(chatId, id);
    return id;
  }

  isKnownMessageId(chatId: number, messageId: number): boolean {
    return messageId >= 1 && messageId <= (this.lastMessageIdByChat.get(chatId) ?? 0);
  }

  record(message: SentMessage, raw: TelegramMessage): void {
    this.sent.push(message);
    this.entries.set(key(message.chatId, message.messageId), { message, raw, seq: ++this.seq });
    this.notify(message);
  }

  /** Applies an edit: `changes` to the public record, `rawChanges` to the Telegram Message object. */
  edit(
    entry: { message: SentMessage; raw: TelegramMessage },
    changes: Partial<SentMessage>,
    rawChanges: Record<string, unknown>,
  ): TelegramMessage {
    const stored = this.entries.get(key(entry.message.chatId, entry.message.messageId))!;
    Object.assign(stored.message, changes, { edited: true });
    for (const [field, value] of Object.entries(rawChanges)) {
      if (value === undefined) delete stored.raw[field];
      else stored.raw[field] = value;
    }
    stored.seq = ++this.seq;
    this.notify(stored.message);
    return stored.raw;
  }

  markDeleted(chatId: number, messageId: number): void {
    const entry = this.entries.get(key(chatId, messageId));
    if (entry) entry.message.deleted = true;
    this.lastChangeAtByChat.set(chatId, Date.now());
  }

  find(chatId: number, messageId: number): { message: SentMessage; raw: TelegramMessage } | undefined {
    return this.entries.get(key(chatId, messageId));
  }

  forChat(chatId: number): SentMessage[] {
    return this.sent.filter((message) => message.chatId === chatId);
  }

  /** Sends and edits in a chat after `seq`, oldest first, deleted messages skipped. */
  eventsSince(chatId: number, seq: number): MessageEvent[] {
    return [...this.entries.values()]
      .filter((entry) => entry.message.chatId === chatId && entry.seq > seq && !entry.message.deleted)
      .sort((a, b) => a.seq - b.seq)
      .map(({ message, seq: eventSeq }) => ({ message, seq: eventSeq }));
  }

  lastChangeAt(chatId: number): number {
    return this.lastChangeAtByChat.get(chatId) ?? 0;
  }

  subscribe(listener: (message: SentMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(message: SentMessage): void {
    this.lastChangeAtByChat.set(message.chatId, Date.now());
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch {
        // A faulty transcript listener must not break the bot's API call.
      }
    }
  }
}

const key = (chatId: number, messageId: number) => `${chatId}:${messageId}`;
