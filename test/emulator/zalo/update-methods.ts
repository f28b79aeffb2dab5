import { badRequest, conflict, dailyLimit, noUpdate } from "./zalo-error.js";
import { hexId } from "./zalo-ids.js";
import { isSuccess, type WebhookSender } from "./webhook-sender.js";
import { privateUpdate, type ZaloUpdate } from "./zalo-updates.js";
import type { ZaloWorld } from "./zalo-world.js";

type Payload = Record<string, any>;
const DEFAULT_POLL_SECONDS = "30";

/**
 * One update per call, no offset. 408 when none arrives within `timeout` seconds (a string; the emulator also takes
 * a number and fractions, so tests need not wait whole seconds); 409 while another poll waits or a webhook is set.
 */
export async function getUpdates(world: ZaloWorld, payload: Payload, onHangUp: (cancel: () => void) => void): Promise<ZaloUpdate> {
  world.counters.polls++;
  if (world.webhook) {
    world.counters.pollsWhileWebhook++;
    throw conflict("getUpdates is not available while a webhook is set");
  }
  if (world.feed.polling) {
    world.counters.concurrentPolls++;
    throw conflict("another getUpdates request is waiting");
  }
  const poll = world.feed.poll(pollTimeoutMs(payload.timeout ?? DEFAULT_POLL_SECONDS));
  onHangUp(poll.cancel); // a stopped bot must not leave a poll that takes the next update
  const update = await poll.result;
  if (update) return update;
  world.counters.emptyPolls++;
  throw noUpdate();
}

/** HTTPS only, as Zalo; plain http is allowed to 127.0.0.1 and localhost so tests need no certificate. */
export function setWebhook(world: ZaloWorld, webhooks: WebhookSender, payload: Payload): { url: string; updated_at: number } {
  const url = webhookUrl(payload.url);
  const secretToken = payload.secret_token;
  if (typeof secretToken !== "string" || secretToken.length < 8 || secretToken.length > 256) {
    throw badRequest("secret_token must be 8 to 256 characters");
  }
  return installWebhook(world, webhooks, url, secretToken);
}

/** From now on updates go to `url`; a waiting poll ends (408). */
export function installWebhook(
  world: ZaloWorld,
  webhooks: WebhookSender,
  url: string,
  secretToken: string,
): { url: string; updated_at: number } {
  world.webhook = { url, secretToken, updatedAt: Date.now() };
  world.feed.releasePoll();
  webhooks.kick();
  return { url, updated_at: world.webhook.updatedAt };
}

export function deleteWebhook(world: ZaloWorld): { url: string; updated_at: number } {
  world.webhook = undefined;
  return { url: "", updated_at: Date.now() };
}

export function getWebhookInfo(world: ZaloWorld): { url: string; updated_at: number } {
  return { url: world.webhook?.url ?? "", updated_at: world.webhook?.updatedAt ?? 0 };
}

/**
 * POSTs a probe to the webhook and tells how it went; 426 past the daily limit. ZALO.md does not show the probe:
 * the emulator sends a `message.unsupported.received` from a user the bot never saw (a bot must tolerate it).
 */
export async function testWebhook(world: ZaloWorld, webhooks: WebhookSender): Promise<{ ok: boolean; url: string; outcome: string }> {
  const webhook = world.webhook;
  if (!webhook) throw badRequest("no webhook is set");
  if (world.testWebhookCallsToday >= world.testWebhookDailyLimit) throw dailyLimit();
  world.testWebhookCallsToday++;
  const probe = privateUpdate({ id: hexId(), displayName: "Zalo Bot Platform" }, { kind: "unsupported" }, world.shape);
  const { status } = await webhooks.post(webhook, probe);
  return { ok: isSuccess(status), url: webhook.url, outcome: isSuccess(status) ? "success" : `failed: ${status}` };
}

function pollTimeoutMs(value: unknown): number {
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) throw badRequest("timeout must be a number of seconds");
  return seconds * 1000;
}

function webhookUrl(value: unknown): string {
  if (typeof value !== "string") throw badRequest("url is required");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest("url is not a valid URL");
  }
  const loopback = url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !loopback) throw badRequest("url must be HTTPS");
  return value;
}
