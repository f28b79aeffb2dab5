// Webhook mode through the durable inbox: an update is answered 200 as soon as it is in the inbox, so Telegram
// never waits on a handler (a slow one, or one that fails, cannot hold the answer up or end the process), and an
// update Telegram sends again is not handled twice. If the inbox cannot take it (a full disk), the answer is 500
// and Telegram tries again later: nothing is confirmed that is not saved.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Dispatcher } from "./inbox/dispatcher";
import type { StorageNotice } from "./inbox/storage-notice";

/** Telegram's updates are small; a larger body is not one of them. */
const MAX_BODY_BYTES = 1 << 20;

export type WebhookSettings = { url: string; secret: string; port: number; host?: string };

export async function startWebhookServer(
  api: Api,
  dispatcher: Dispatcher,
  log: Logger,
  webhook: WebhookSettings,
  onAcceptFailed?: StorageNotice,
): Promise<{ stop: () => Promise<void>; port: number }> {
  const path = new URL(webhook.url).pathname;
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== path) return void res.writeHead(404).end();
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) return void res.writeHead(401).end();
    void receive(req, res, dispatcher, log, onAcceptFailed);
  });
  await new Promise<void>((resolve) => server.listen(webhook.port, webhook.host ?? "0.0.0.0", resolve));
  await api.setWebhook(webhook.url, { secret_token: webhook.secret });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : webhook.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  dispatcher: Dispatcher,
  log: Logger,
  onAcceptFailed?: StorageNotice,
): Promise<void> {
  const update = await readUpdate(req).catch(() => null);
  if (!update) return void res.writeHead(400).end();
  try {
    await dispatcher.accept([update]);
    res.writeHead(200).end();
  } catch (error) {
    log.error({ updateId: update.update_id, name: (error as Error)?.name, code: (error as { code?: string }).code }, "update not queued");
    res.writeHead(500).end();
    await onAcceptFailed?.([update], error);
  }
}

async function readUpdate(req: IncomingMessage): Promise<Update | null> {
  const body = await readJsonBody(req);
  const id = (body as { update_id?: unknown } | null)?.update_id;
  return Number.isSafeInteger(id) ? (body as Update) : null;
}

/** The request's JSON body; null when it is larger than an update can be (the Zalo channel's webhook too). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** A secret header compared in constant time. */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
