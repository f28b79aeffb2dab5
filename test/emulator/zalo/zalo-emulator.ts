/**
 * Local Zalo Bot API emulator on 127.0.0.1, written from docs/../shared/spec/ZALO.md (see README.md here).
 * A client calls `POST ${emulator.apiRoot}/bot${emulator.token}/${method}` with a JSON body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { badRequest, invalidApiName, notFound, unauthorized, ZaloApiError } from "./zalo-error.js";
import { onHangUp, parseJsonObject, readBody, sendJson } from "./zalo-http.js";
import { numericId, hexId } from "./zalo-ids.js";
import { findMethod, NO_RESULT } from "./zalo-methods.js";
import { installWebhook } from "./update-methods.js";
import { WebhookSender } from "./webhook-sender.js";
import { ZaloUser } from "./zalo-user.js";
import { CURRENT_SHAPE, type UpdateShape, type ZaloUpdate } from "./zalo-updates.js";
import { ZaloWorld, type ApiCall, type WebhookBody, type WebhookDelivery, type ZaloCounters } from "./zalo-world.js";
import type { ZaloSentMessage } from "./sent-log.js";

export { SECRET_HEADER } from "./webhook-sender.js";
export { MAX_TEXT_UNITS } from "./send-methods.js";
export { MAX_BODY_BYTES } from "./zalo-http.js";
export type { ZaloSentMessage } from "./sent-log.js";
export type { UpdateShape, ZaloUpdate } from "./zalo-updates.js";
export type { ZaloMessageMatcher, ZaloUser } from "./zalo-user.js";
export type { ApiCall, WebhookBody, WebhookDelivery, ZaloCounters } from "./zalo-world.js";

export type ZaloEmulatorOptions = {
  /** `{bot_id}:{secret}`; any other token gets 401. Default: a fresh numeric-like bot id and a random secret. */
  token?: string;
  port?: number;
  accountName?: string;
  /** Webhook mode from the start, as if set in Zalo Bot Manager (the bot may also call setWebhook). */
  webhook?: { url: string; secretToken: string };
  /** How webhook POSTs carry the update (default "bare"). */
  webhookBody?: WebhookBody;
  /** Field names of updates (default display_name and photo_url). */
  shape?: Partial<UpdateShape>;
  /** "mirror" (default): the HTTP status equals error_code; "always200": errors come with HTTP 200 (read the body). */
  errorStatus?: "mirror" | "always200";
  /** testWebhook calls allowed per emulated day (default 3; `newDay()` resets). */
  testWebhookDailyLimit?: number;
};

const FORCE_CLOSE_AFTER_MS = 100;

export class ZaloEmulator {
  /** `http://127.0.0.1:<port>`: the client's base is `${apiRoot}/bot${token}/`. */
  readonly apiRoot: string;
  private readonly webhooks: WebhookSender;

  private constructor(
    private readonly server: Server,
    private readonly world: ZaloWorld,
    private readonly errorStatus: "mirror" | "always200",
  ) {
    this.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.webhooks = new WebhookSender(world);
  }

  static async start(opts: ZaloEmulatorOptions = {}): Promise<ZaloEmulator> {
    const token = opts.token ?? `${numericId()}:${hexId()}`;
    const world = new ZaloWorld(token, opts.accountName ?? "kiemdiem", opts.testWebhookDailyLimit ?? 3);
    world.webhookBody = opts.webhookBody ?? "bare";
    world.shape = { ...CURRENT_SHAPE, ...opts.shape };
    let emulator: ZaloEmulator | undefined;
    const server = createServer((req, res) => void emulator?.handleRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
    });
    emulator = new ZaloEmulator(server, world, opts.errorStatus ?? "mirror");
    if (opts.webhook) emulator.setWebhook(opts.webhook.url, opts.webhook.secretToken);
    return emulator;
  }

  /** Ends a waiting poll (408), rejects pending waitFor, waits for the webhook POST under way, closes connections. */
  async stop(): Promise<void> {
    this.world.close();
    await this.webhooks.settle();
    await new Promise((resolve) => setImmediate(resolve)); // let the released poll write its answer
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const force = setTimeout(() => this.server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
    await closed;
    clearTimeout(force);
  }

  get token(): string {
    return this.world.token;
  }

  get botId(): string {
    return this.world.botId;
  }

  /** A new Zalo user (fresh hex-like id) who writes to the bot in a private chat. */
  user(displayName: string): ZaloUser {
    const profile = { id: hexId(), displayName };
    this.world.chats.add(profile.id);
    return new ZaloUser(this.world, profile);
  }

  /** "webhook" while a webhook is set (by the bot or `setWebhook`), else "polling". */
  get delivery(): "polling" | "webhook" {
    return this.world.webhook ? "webhook" : "polling";
  }

  /** Sets the webhook as Zalo Bot Manager would (no validation); queued updates start flowing to it. */
  setWebhook(url: string, secretToken: string): void {
    installWebhook(this.world, this.webhooks, url, secretToken);
  }

  deleteWebhook(): void {
    this.world.webhook = undefined;
  }

  get webhook(): { url: string; secretToken: string } | undefined {
    const webhook = this.world.webhook;
    return webhook && { url: webhook.url, secretToken: webhook.secretToken };
  }

  get webhookBody(): WebhookBody {
    return this.world.webhookBody;
  }

  set webhookBody(body: WebhookBody) {
    this.world.webhookBody = body;
  }

  set shape(shape: Partial<UpdateShape>) {
    this.world.shape = { ...CURRENT_SHAPE, ...shape };
  }

  /** The next update handed out (poll or webhook POST) is handed out twice in a row. */
  duplicateNext(): void {
    this.world.feed.duplicateNext();
  }

  /** The last update handed out is handed out again, before anything queued. */
  redeliverLast(): void {
    this.world.feed.redeliverLast();
  }

  /** Queues any update as is (a group message, an old field name, a forged event); the bot may answer its chat. */
  pushUpdate(update: ZaloUpdate): void {
    const chatId = update.message?.chat?.id;
    if (typeof chatId === "string") this.world.chats.add(chatId);
    this.world.feed.push(structuredClone(update));
  }

  /** What the bot sent to a chat (a pushed update's chat; users have `messages()`). */
  sentTo(chatId: string): ZaloSentMessage[] {
    return this.world.log.forChat(chatId);
  }

  /** The method's next `times` calls answer this error instead of working (after the token and method checks). */
  failNext(method: string, errorCode: number, description: string, times = 1): void {
    const queued = this.world.injectedErrors.get(method) ?? [];
    for (let i = 0; i < times; i++) queued.push(new ZaloApiError(errorCode, description));
    this.world.injectedErrors.set(method, queued);
  }

  /** Resets the testWebhook daily count. */
  newDay(): void {
    this.world.testWebhookCallsToday = 0;
  }

  /** A snapshot of the counters. */
  get counters(): ZaloCounters {
    return { ...this.world.counters };
  }

  /** Every message the bot sent, oldest first. */
  get sent(): ZaloSentMessage[] {
    return this.world.log.messages;
  }

  /** Every API call with a valid token, with its error code when it failed. */
  get calls(): ApiCall[] {
    return this.world.calls;
  }

  /** Every webhook POST made for an update, with the body sent and the bot's answer. */
  get deliveries(): WebhookDelivery[] {
    return this.world.deliveries;
  }

  /** Updates queued and not yet handed out. */
  get pending(): number {
    return this.world.feed.pending;
  }

  onBotMessage(listener: (message: ZaloSentMessage) => void): () => void {
    return this.world.log.subscribe(listener);
  }

  /** Resolves once the queued updates were POSTed to the webhook (or the webhook was removed). */
  async flushWebhook(): Promise<void> {
    while (this.world.webhook && this.world.feed.pending > 0 && !this.world.closed) {
      this.webhooks.kick();
      await this.webhooks.settle();
    }
    await this.webhooks.settle();
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const route = /^\/bot([^/]+)\/([^/?]*)$/.exec(new URL(req.url ?? "/", this.apiRoot).pathname);
      if (!route) throw notFound();
      const body = await readBody(req);
      if (safeDecode(route[1]) !== this.world.token) throw unauthorized();
      const result = await this.invoke(route[2], req.method ?? "GET", body, (cancel) => onHangUp(res, cancel));
      sendJson(res, 200, result === NO_RESULT ? { ok: true } : { ok: true, result });
    } catch (error) {
      const apiError = error instanceof ZaloApiError ? error : new ZaloApiError(500, `Internal error: ${String(error)}`);
      this.world.counters.errors++;
      sendJson(res, this.errorStatus === "mirror" ? apiError.errorCode : 200, apiError.toResponseBody());
    }
  }

  private async invoke(name: string, httpMethod: string, body: Buffer, hangUp: (cancel: () => void) => void): Promise<unknown> {
    const call: ApiCall = { method: name, payload: {}, at: Date.now() };
    this.world.calls.push(call);
    const longPoll = name === "getUpdates";
    if (!longPoll) this.world.inflight++;
    try {
      const method = findMethod(name);
      if (!method) throw invalidApiName();
      if (httpMethod !== "POST") throw badRequest("use POST with a JSON body");
      call.payload = parseJsonObject(body);
      // Zalo has no buttons: a keyboard must never vanish silently, so a request carrying one is refused.
      if (call.payload.reply_markup !== undefined) throw badRequest("reply_markup is not supported: Zalo bots have no buttons");
      const injected = this.world.injectedErrors.get(name)?.shift();
      if (injected) throw injected;
      return await method({ world: this.world, webhooks: this.webhooks, onHangUp: hangUp }, call.payload);
    } catch (error) {
      call.errorCode = error instanceof ZaloApiError ? error.errorCode : 500;
      throw error;
    } finally {
      if (!longPoll) this.world.inflight--;
    }
  }
}

function safeDecode(component: string): string | undefined {
  try {
    return decodeURIComponent(component);
  } catch {
    return undefined; // malformed escapes: a bad token, not a server error
  }
}
