import type { SentEvent, ZaloSentMessage } from "./sent-log.js";
import { privateUpdate, type UserContent, type ZaloUpdate, type ZaloUserProfile } from "./zalo-updates.js";
import type { ZaloWorld } from "./zalo-world.js";

/** A string is found inside the text or caption; a RegExp is searched there; a function sees the whole message. */
export type ZaloMessageMatcher = string | RegExp | ((message: ZaloSentMessage) => boolean);

const IDLE_CHECK_MS = 10;

/** A Zalo user in a private chat with the bot (chat id == user id, a hex-like string). */
export class ZaloUser {
  readonly id: string;
  readonly displayName: string;
  /** waitFor returns messages after this point; it advances with the user's actions and with what waitFor returned. */
  private cursor: number;
  private lastActionSeq: number;
  private lastActionAt = 0;

  constructor(
    private readonly world: ZaloWorld,
    profile: ZaloUserProfile,
  ) {
    this.id = profile.id;
    this.displayName = profile.displayName;
    this.cursor = this.lastActionSeq = world.log.seq; // a message the bot pushes before the first waitFor is still found
  }

  /** Each send returns the update queued (its `message.message_id` is the key a channel de-duplicates on). */
  send(text: string): ZaloUpdate {
    return this.push({ kind: "text", text });
  }

  sendImage(url: string, caption?: string): ZaloUpdate {
    return this.push({ kind: "image", url, ...(caption === undefined ? {} : { caption }) });
  }

  sendSticker(sticker = "emulated-sticker"): ZaloUpdate {
    return this.push({ kind: "sticker", sticker });
  }

  sendVoice(url = "https://voice.zalo.invalid/emulated.aac"): ZaloUpdate {
    return this.push({ kind: "voice", url });
  }

  /** What Zalo sends for a protected user: an event with no content. */
  sendUnsupported(): ZaloUpdate {
    return this.push({ kind: "unsupported" });
  }

  /** Everything the bot sent to this user, oldest first. */
  messages(): ZaloSentMessage[] {
    return this.world.log.forChat(this.id);
  }

  lastMessage(): ZaloSentMessage | undefined {
    return this.messages().at(-1);
  }

  /**
   * The first bot message after the user's last action (or after the last one waitFor returned) that matches.
   * Successive calls return successive messages.
   */
  async waitFor(match?: ZaloMessageMatcher, timeoutMs = 5000): Promise<ZaloSentMessage> {
    const accept = (message: ZaloSentMessage) => matches(message, match);
    const event = await this.world.log.next(this.id, this.cursor, accept, timeoutMs, () => this.describeTimeout(match, timeoutMs));
    this.cursor = Math.max(this.cursor, event.seq);
    return event.message;
  }

  /**
   * Resolves with the messages since the user's last action once every update was handed out, no API call or webhook
   * POST is under way, and for quietMs neither this chat got a message nor an update was handed out.
   */
  waitForIdle(quietMs = 150, timeoutMs = 5000): Promise<ZaloSentMessage[]> {
    const startedAt = Date.now();
    return new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        const lastActivity = Math.max(this.world.log.lastAt(this.id), this.lastActionAt, this.world.feed.lastTakenAt);
        if (Date.now() - lastActivity >= quietMs && this.world.feed.pending === 0 && this.world.inflight === 0) {
          clearInterval(timer);
          resolve(this.world.log.eventsSince(this.id, this.lastActionSeq).map((event) => event.message));
        } else if (Date.now() - startedAt > timeoutMs) {
          clearInterval(timer);
          reject(new Error(`waitForIdle: still busy after ${timeoutMs}ms (queued updates: ${this.world.feed.pending})`));
        }
      }, IDLE_CHECK_MS);
    });
  }

  private push(content: UserContent): ZaloUpdate {
    this.cursor = this.lastActionSeq = this.world.log.seq;
    this.lastActionAt = Date.now();
    const update = privateUpdate({ id: this.id, displayName: this.displayName }, content, this.world.shape);
    this.world.feed.push(update);
    return structuredClone(update);
  }

  private describeTimeout(match: ZaloMessageMatcher | undefined, timeoutMs: number): string {
    const arrived = this.world.log.eventsSince(this.id, this.cursor).map((event: SentEvent) => `  ${summarize(event.message)}`);
    return (
      `waitFor(${match === undefined ? "" : String(match)}) timed out after ${timeoutMs}ms for ${this.displayName} (${this.id}).\n` +
      (arrived.length > 0 ? `Bot messages since:\n${arrived.join("\n")}` : "The bot sent nothing since.") +
      `\nQueued updates: ${this.world.feed.pending}`
    );
  }
}

function matches(message: ZaloSentMessage, match?: ZaloMessageMatcher): boolean {
  if (match === undefined) return true;
  if (typeof match === "function") return match(message);
  const haystacks = [message.text, message.caption].filter((value): value is string => value !== undefined);
  return haystacks.some((value) => (typeof match === "string" ? value.includes(match) : value.search(match) !== -1));
}

function summarize(message: ZaloSentMessage): string {
  const body =
    message.kind === "text"
      ? JSON.stringify(message.text)
      : `[${message.kind}] ${message.photo ?? message.sticker ?? message.voiceUrl ?? ""}`;
  return body.slice(0, 200);
}
