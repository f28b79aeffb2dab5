import type { ZaloApiError } from "./zalo-error.js";
import { SentLog } from "./sent-log.js";
import { UpdateFeed } from "./update-feed.js";
import { CURRENT_SHAPE, type UpdateShape, type ZaloUpdate } from "./zalo-updates.js";

export type WebhookConfig = { url: string; secretToken: string; updatedAt: number };
/** Zalo's webhook body is either the bare update or `{ ok: true, result: update }`: ZALO.md says accept both. */
export type WebhookBody = "bare" | "wrapped";

/** Counters a test asserts on (a channel that polls twice at once, or never waits, shows here). */
export type ZaloCounters = {
  /** getUpdates calls with a valid token. */
  polls: number;
  /** getUpdates answered 408 (no update in time). */
  emptyPolls: number;
  /** getUpdates answered 409 because another one was waiting. */
  concurrentPolls: number;
  /** getUpdates answered 409 because a webhook is set. */
  pollsWhileWebhook: number;
  /** Webhook POSTs made (deliveries, duplicates and redeliveries; not testWebhook). */
  webhookPosts: number;
  /** Webhook POSTs answered non-2xx or not answered. */
  webhookFailures: number;
  /** Messages the bot sent successfully (sendMessage, sendPhoto, sendSticker, sendVoice). */
  sends: number;
  /** Requests answered { ok: false } (any error code, 408 included). */
  errors: number;
};

export type ApiCall = { method: string; payload: Record<string, any>; at: number; errorCode?: number };
export type WebhookDelivery = { update: ZaloUpdate; body: object; status: number | "unreachable"; at: number };

/** The emulator's state, shared by the HTTP handlers, the webhook sender and the emulated users. */
export class ZaloWorld {
  /** Chats the bot may send to: each emulated user's private chat, and any chat a pushed update came from. */
  readonly chats = new Set<string>();
  readonly log = new SentLog();
  readonly feed = new UpdateFeed();
  readonly calls: ApiCall[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  readonly counters: ZaloCounters = {
    polls: 0,
    emptyPolls: 0,
    concurrentPolls: 0,
    pollsWhileWebhook: 0,
    webhookPosts: 0,
    webhookFailures: 0,
    sends: 0,
    errors: 0,
  };
  /** Errors a test queued for a method's next calls (e.g. to check the bot's bounded retry). */
  readonly injectedErrors = new Map<string, ZaloApiError[]>();
  webhook?: WebhookConfig;
  webhookBody: WebhookBody = "bare";
  shape: UpdateShape = CURRENT_SHAPE;
  testWebhookCallsToday = 0;
  /** API calls being answered (long polls excepted) plus webhook POSTs under way: a test waits for 0. */
  inflight = 0;
  closed = false;

  constructor(
    readonly token: string,
    readonly accountName: string,
    readonly testWebhookDailyLimit: number,
  ) {}

  get botId(): string {
    return this.token.split(":")[0];
  }

  /** Rejects every pending waitFor (the emulator stops). */
  close(): void {
    this.closed = true;
    this.feed.releasePoll();
    this.log.close();
  }
}
