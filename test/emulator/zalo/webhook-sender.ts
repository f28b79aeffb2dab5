import type { WebhookConfig, ZaloWorld } from "./zalo-world.js";
import type { ZaloUpdate } from "./zalo-updates.js";

export const SECRET_HEADER = "X-Bot-Api-Secret-Token";
const POST_TIMEOUT_MS = 5000;

/**
 * While a webhook is set, POSTs each update to it, one at a time and in order, with the secret header.
 * Zalo documents no retry: a failed POST is counted and logged (`deliveries`), and the update is gone unless the
 * test calls `redeliverLast()`.
 */
export class WebhookSender {
  private running?: Promise<void>;

  constructor(private readonly world: ZaloWorld) {
    world.feed.onChange(() => this.kick());
  }

  /** Starts delivering what is queued (after setWebhook, a push, a redelivery). */
  kick(): void {
    if (this.running || !this.world.webhook) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.world.feed.pending > 0) this.kick(); // something arrived while the last POST was finishing
    });
  }

  /** Resolves once the POST in progress (if any) has finished. */
  async settle(): Promise<void> {
    await this.running;
  }

  /** One POST of `update` to `webhook`, bare or wrapped as the world says; the body sent and the HTTP status. */
  async post(webhook: WebhookConfig, update: ZaloUpdate): Promise<{ body: object; status: number | "unreachable" }> {
    const body = this.world.webhookBody === "wrapped" ? { ok: true, result: update } : update;
    let status: number | "unreachable";
    try {
      const response = await fetch(webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", [SECRET_HEADER]: webhook.secretToken },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = "unreachable";
    }
    return { body, status };
  }

  private async drain(): Promise<void> {
    for (;;) {
      const webhook = this.world.webhook;
      if (!webhook || this.world.closed) return;
      const update = this.world.feed.take();
      if (!update) return;
      this.world.counters.webhookPosts++;
      this.world.inflight++;
      const { body, status } = await this.post(webhook, update).finally(() => this.world.inflight--);
      if (!isSuccess(status)) this.world.counters.webhookFailures++;
      this.world.deliveries.push({ update, body, status, at: Date.now() });
    }
  }
}

export function isSuccess(status: number | "unreachable"): boolean {
  return status !== "unreachable" && status >= 200 && status <= 299;
}
