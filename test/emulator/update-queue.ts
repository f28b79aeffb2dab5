import { request } from "node:http";
import { conflict } from "./api-error.js";

export type Update = { update_id: number; [key: string]: unknown };
type QueuedUpdate = { update: Update; chatId?: number; delivered: boolean };
type PollWaiter = { limit: number; resolve: (updates: Update[]) => void; timer: NodeJS.Timeout };
type Webhook = { url: string; secretToken?: string; lastErrorDate?: number; lastErrorMessage?: string };
export type WebhookReply = (method: string, payload: Record<string, unknown>) => void;

const WEBHOOK_RETRY_MS = 200;
const WEBHOOK_TIMEOUT_MS = 60_000;

/**
 * The updates of one bot token: served by long polling (`getUpdates`) or
 * pushed to a webhook. An update stays until it is confirmed (getUpdates with
 * a higher offset after delivery, or a 2xx webhook answer).
 */
export class UpdateQueue {
  private entries: QueuedUpdate[] = [];
  private readonly waiters = new Set<PollWaiter>();
  private nextUpdateId = 1000;
  private webhook?: Webhook;
  private deliveringToWebhook = false;
  private webhookAbort?: () => void;
  private closed = false;

  constructor(private readonly onWebhookReply: WebhookReply) {}

  push(update: Partial<Update>, chatId?: number): number {
    const updateId = update.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    this.entries.push({ update: { ...update, update_id: updateId }, chatId, delivered: false });
    this.wakeWaiters();
    void this.deliverToWebhook();
    return updateId;
  }

  /** Unconfirmed updates, optionally only those concerning one chat. */
  backlog(chatId?: number): number {
    return this.entries.filter((entry) => chatId === undefined || entry.chatId === chatId).length;
  }

  getUpdates(offset: number | undefined, limit = 100, timeoutSeconds = 0, onClientGone?: (cb: () => void) => void): Promise<Update[]> {
    if (this.webhook) {
      throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (offset !== undefined) this.confirm(offset);
    const limitClamped = Math.min(Math.max(limit, 1), 100);
    if (this.entries.length > 0 || timeoutSeconds <= 0 || this.closed) {
      return Promise.resolve(this.takeBatch(limitClamped));
    }
    return new Promise((resolve) => {
      const waiter: PollWaiter = { limit: limitClamped, resolve, timer: setTimeout(() => this.release(waiter, []), timeoutSeconds * 1000) };
      this.waiters.add(waiter);
      // An aborted poll (bot.stop()) must not swallow updates meant for the next poll.
      onClientGone?.(() => this.release(waiter, undefined));
    });
  }

  setWebhook(url: string, secretToken?: string, dropPending = false): void {
    if (dropPending) this.entries = [];
    this.webhook = { url, secretToken };
    for (const waiter of [...this.waiters]) this.release(waiter, []);
    void this.deliverToWebhook();
  }

  deleteWebhook(dropPending = false): void {
    if (dropPending) this.entries = [];
    this.webhook = undefined;
    this.webhookAbort?.();
  }

  webhookInfo(): object {
    const info: Record<string, unknown> = {
      url: this.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.entries.length,
    };
    if (this.webhook) Object.assign(info, { max_connections: 1, ip_address: "127.0.0.1" });
    if (this.webhook?.lastErrorDate) {
      Object.assign(info, { last_error_date: this.webhook.lastErrorDate, last_error_message: this.webhook.lastErrorMessage });
    }
    return info;
  }

  /** Answers pending long polls with [] and stops webhook delivery. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) this.release(waiter, []);
    this.webhookAbort?.();
  }

  private confirm(offset: number): void {
    if (offset < 0) {
      this.entries = this.entries.slice(offset); // negative offset: keep only the last |offset| updates
      return;
    }
    // Only delivered updates can be confirmed, so a re-pushed old update_id is still delivered once more.
    this.entries = this.entries.filter((entry) => !(entry.delivered && entry.update.update_id < offset));
  }

  /** Batches keep update_ids increasing, so the bot's next offset confirms exactly this batch. */
  private takeBatch(limit: number): Update[] {
    const batch: QueuedUpdate[] = [];
    for (const entry of this.entries) {
      if (batch.length >= limit || (batch.length > 0 && entry.update.update_id <= batch.at(-1)!.update.update_id)) break;
      batch.push(entry);
    }
    for (const entry of batch) entry.delivered = true;
    return batch.map((entry) => entry.update);
  }

  private wakeWaiters(): void {
    for (const waiter of [...this.waiters]) this.release(waiter, this.takeBatch(waiter.limit));
  }

  private release(waiter: PollWaiter, updates: Update[] | undefined): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    if (updates) waiter.resolve(updates);
  }

  private async deliverToWebhook(): Promise<void> {
    if (this.deliveringToWebhook) return;
    this.deliveringToWebhook = true;
    try {
      while (this.webhook && !this.closed && this.entries.length > 0) {
        const entry = this.entries[0];
        const delivered = await this.postUpdate(this.webhook, entry.update);
        if (delivered) this.entries = this.entries.filter((e) => e !== entry);
        else await this.sleep(WEBHOOK_RETRY_MS);
      }
    } finally {
      this.deliveringToWebhook = false;
    }
  }

  private postUpdate(webhook: Webhook, update: Update): Promise<boolean> {
    return new Promise((resolve) => {
      const body = JSON.stringify(update);
      const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      if (webhook.secretToken) headers["x-telegram-bot-api-secret-token"] = webhook.secretToken;
      const fail = (message: string) => {
        Object.assign(webhook, { lastErrorDate: Math.floor(Date.now() / 1000), lastErrorMessage: message });
        resolve(false);
      };
      // agent:false — no pooled keep-alive sockets that would keep test processes alive.
      const req = request(webhook.url, { method: "POST", headers, agent: false, timeout: WEBHOOK_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return fail(`Wrong response from the webhook: ${status} ${res.statusMessage ?? ""}`.trim());
          this.runWebhookReply(Buffer.concat(chunks).toString("utf8"));
          resolve(true);
        });
      });
      req.on("timeout", () => req.destroy(new Error("Read timeout expired")));
      req.on("error", (error) => fail(error.message));
      this.webhookAbort = () => req.destroy(new Error("webhook delivery stopped"));
      req.end(body);
    });
  }

  /** grammY may answer a webhook request with an API call in the response body. */
  private runWebhookReply(body: string): void {
    try {
      const reply = JSON.parse(body) as { method?: string };
      if (typeof reply.method === "string") this.onWebhookReply(reply.method, reply as Record<string, unknown>);
    } catch {
      // Empty or non-JSON answers are normal.
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.webhookAbort = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
