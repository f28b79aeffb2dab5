// Entry point: `npm start`. Long polling by default, webhook mode when WEBHOOK_URL is set.
import "dotenv/config";
import { run } from "@grammyjs/runner";
import { loadConfig } from "./config";
import { createBot } from "./app";
import { publishCommandMenu } from "./commands";
import { createLogger } from "./logger";
import { startScheduler } from "./scheduler";
import { exitOnStartupFailure } from "./startup-failure";
import { startWebhookServer } from "./webhook";
import { openDb } from "../store/client";
import { applyMigrations } from "../store/migrate";
import { keepNewFilesPrivate } from "../store/private-files";
import { pruneProcessedUpdates } from "../store/updates";

async function main() {
  keepNewFilesPrivate();
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const applied = applyMigrations(config.databaseUrl);
  if (applied.length) log.info({ applied }, "migrations applied");
  const db = await openDb(config.databaseUrl);
  const { bot, deps } = createBot({ token: config.botToken, apiRoot: config.apiRoot, db, log });
  await bot.init();
  await publishCommandMenu(bot.api).catch((error) => log.warn({ code: error?.error_code }, "command menu not published"));

  let stop: () => Promise<void>;
  if (config.webhook) {
    const server = await startWebhookServer(bot, config.webhook);
    log.info({ port: config.webhook.port }, "webhook mode");
    stop = server.stop;
  } else {
    await bot.api.deleteWebhook();
    const runner = run(bot);
    log.info({ username: bot.botInfo.username }, "long polling");
    stop = () => runner.stop();
  }
  // Reminders and alerts: one sweep a minute, driven by the database (survives restarts).
  const scheduler = startScheduler({ deps, api: bot.api, intervalMs: 60_000 });
  // The duplicate-update guard needs only recent ids (Telegram never re-sends old ones): trim it hourly.
  const housekeeping = setInterval(
    () => void pruneProcessedUpdates(db).catch((error) => log.warn({ name: (error as Error).name }, "update-id pruning failed")),
    60 * 60_000,
  );
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    clearInterval(housekeeping);
    await stop();
    await scheduler.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => exitOnStartupFailure(error));
