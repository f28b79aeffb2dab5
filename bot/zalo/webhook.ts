// Zalo's webhook mode: Zalo POSTs one update at a time, bare or wrapped in {ok, result}, with the secret in
// X-Bot-Api-Secret-Token. The secret is checked in constant time, the body is bounded (bot/webhook.ts), and the
// answer is 200 as soon as the update and its de-duplication mark are committed (a redelivery is answered 200 and
// dropped); the handlers run later, from the inbox. If the inbox cannot take it, 500: nothing is confirmed unsaved.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Db } from "../../store/client";
import type { Dispatcher } from "../inbox/dispatcher";
import { readJsonBody, secretMatches } from "../webhook";
import type { ZaloClient } from "./client";
import { takeIn } from "./polling";
import { readZaloUpdate } from "./zalo-types";

export type ZaloWebhookSettings = { url: string; secret: string; port: number; host?: string };

type Deps = { client: ZaloClient; db: Db; dispatcher: Dispatcher; log: Logger; clock: () => Date };

export async function startZaloWebhook(deps: Deps, webhook: ZaloWebhookSettings): Promise<{ port: number; stop(): Promise<void> }> {
  const path = new URL(webhook.url).pathname;
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== path) return void res.writeHead(404).end();
    if (!secretMatches(req.headers["x-bot-api-secret-token"], webhook.secret)) return void res.writeHead(401).end();
    void receive(deps, req, res);
  });
  await new Promise<void>((resolve) => server.listen(webhook.port, webhook.host ?? "0.0.0.0", resolve));
  const set = await deps.client.call("setWebhook", { url: webhook.url, secret_token: webhook.secret });
  if (!set.ok) {
    server.close();
    throw new Error(`Zalo setWebhook failed (${set.error_code}): check ZALO_WEBHOOK_URL (HTTPS) and ZALO_WEBHOOK_SECRET`);
  }
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : webhook.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(deps: Deps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const update = readZaloUpdate(await readJsonBody(req).catch(() => null));
  if (!update) return void res.writeHead(400).end();
  try {
    await takeIn(deps, update);
    res.writeHead(200).end();
  } catch (error) {
    deps.log.error({ name: (error as Error)?.name, code: (error as { code?: string }).code }, "Zalo update not queued");
    res.writeHead(500).end();
  }
}
