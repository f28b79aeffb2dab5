import { createServer } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./context";

/** Webhook mode: Telegram POSTs updates; the secret header is checked by grammY (401 otherwise). */
export async function startWebhookServer(
  bot: Bot<BotContext>,
  webhook: { url: string; secret: string; port: number; host?: string },
): Promise<{ stop: () => Promise<void>; port: number }> {
  const path = new URL(webhook.url).pathname;
  const handle = webhookCallback(bot, "http", { secretToken: webhook.secret });
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === path) return void handle(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(webhook.port, webhook.host ?? "0.0.0.0", resolve));
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : webhook.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
