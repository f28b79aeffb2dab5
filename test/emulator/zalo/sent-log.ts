/** What the bot sent to a chat, as tests read it. */
export type ZaloSentMessage = {
  messageId: string;
  chatId: string;
  /** Epoch milliseconds, as in the API's answer. */
  date: number;
  kind: "text" | "photo" | "sticker" | "voice";
  /** sendMessage's text, exactly as sent (markup included when parseMode is set). */
  text?: string;
  parseMode?: "markdown" | "html";
  /** sendPhoto's URL and caption. */
  photo?: string;
  caption?: string;
  sticker?: string;
  voiceUrl?: string;
};

export type SentEvent = { message: ZaloSentMessage; seq: number };

type Waiter = {
  chatId: string;
  accept: (message: ZaloSentMessage) => boolean;
  resolve: (event: SentEvent) => void;
  reject: (reason: Error) => void;
};

/** Every bot message with a sequence number, so waiters can ask for "what came after point X" without races. */
export class SentLog {
  readonly messages: ZaloSentMessage[] = [];
  private readonly events: SentEvent[] = [];
  private readonly listeners = new Set<(message: ZaloSentMessage) => void>();
  private readonly lastAtByChat = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();

  get seq(): number {
    return this.events.length;
  }

  record(message: ZaloSentMessage): void {
    this.messages.push(message);
    this.events.push({ message, seq: this.events.length + 1 });
    this.lastAtByChat.set(message.chatId, Date.now());
    for (const listener of this.listeners) listener(message);
    const event = this.events.at(-1)!;
    for (const waiter of [...this.waiters]) {
      if (waiter.chatId === message.chatId && waiter.accept(message)) this.settle(waiter, () => waiter.resolve(event));
    }
  }

  /**
   * The first event of `chatId` after `afterSeq` that `accept`s, already logged or still to come; after timeoutMs
   * it rejects with `describeTimeout()`.
   */
  next(
    chatId: string,
    afterSeq: number,
    accept: (message: ZaloSentMessage) => boolean,
    timeoutMs: number,
    describeTimeout: () => string,
  ): Promise<SentEvent> {
    const logged = this.eventsSince(chatId, afterSeq).find((event) => accept(event.message));
    if (logged) return Promise.resolve(logged);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(waiter, () => reject(new Error(describeTimeout()))), timeoutMs);
      const waiter: Waiter = {
        chatId,
        accept,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
        reject: (reason) => {
          clearTimeout(timer);
          reject(reason);
        },
      };
      this.waiters.add(waiter); // a later record() settles it
    });
  }

  /** Rejects every waiting `next` (the emulator stops). */
  close(): void {
    for (const waiter of [...this.waiters]) this.settle(waiter, () => waiter.reject(new Error("Zalo emulator stopped")));
  }

  private settle(waiter: Waiter, outcome: () => void): void {
    if (this.waiters.delete(waiter)) outcome();
  }

  forChat(chatId: string): ZaloSentMessage[] {
    return this.messages.filter((message) => message.chatId === chatId);
  }

  eventsSince(chatId: string, seq: number): SentEvent[] {
    return this.events.slice(seq).filter((event) => event.message.chatId === chatId);
  }

  lastAt(chatId: string): number {
    return this.lastAtByChat.get(chatId) ?? 0;
  }

  subscribe(listener: (message: ZaloSentMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
