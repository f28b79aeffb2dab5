// Entry point: `npm start`. Long polling by default, webhook mode when WEBHOOK_URL is set.
import "dotenv/config";
import { loadConfig } from "./config";
import { createBot } from "./app";
import { publishCommandMenu } from "./commands";
import { startHousekeeping } from "./housekeeping";
import { createLogger } from "./logger";
import { startScheduler } from "./scheduler";
import { startUpdateLoop } from "./inbox/update-loop";
import { exitOnStartupFailure } from "./startup-failure";
import { openDb } from "../store/client";
import { applyMigrations } from "../store/migrate";
import { keepNewFilesPrivate } from "../store/private-files";
import { zaloBotInfo } from "./zalo/bot-info";
import { createZaloClient } from "./zalo/client";
import { createFileLinks } from "./zalo/file-links";

async function main() {
  keepNewFilesPrivate();
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const applied = applyMigrations(config.databaseUrl);
  if (applied.length) log.info({ applied }, "migrations applied");
  const db = await openDb(config.databaseUrl);
  // Telegram, Zalo or both from one process (issue 14): Zalo's chats are translated by bot/zalo/.
  const zalo = config.zalo ? createZaloClient(config.zalo) : undefined;
  const telegram = config.botToken !== undefined;
  const botInfo = !telegram && zalo ? await zaloBotInfo(zalo) : undefined;
  const token = config.botToken ?? "zalo-only";
  const files = config.zalo?.files;
  const zaloFileLinks = files ? createFileLinks({ baseUrl: files.url }) : undefined;
  if (files && zaloFileLinks) log.info({ port: await zaloFileLinks.listen(files.port, files.host) }, "Zalo document links");
  const { bot, deps } = createBot({
    token,
    apiRoot: config.apiRoot,
    db,
    log,
    timeZone: config.timeZone,
    zalo,
    telegram,
    botInfo,
    zaloFileLinks,
  });
  await bot.init();
  await publishCommandMenu(bot.api).catch((error) => log.warn({ code: error?.error_code }, "command menu not published"));

  const zaloMode = zalo && { client: zalo, webhook: config.zalo?.webhook };
  const loop = await startUpdateLoop(bot, deps, { webhook: config.webhook, telegram, zalo: zaloMode });
  if (zalo) log.info(config.zalo?.webhook ? { port: loop.zaloPort } : {}, config.zalo?.webhook ? "Zalo webhook mode" : "Zalo long polling");
  if (loop.resumed) log.info({ resumed: loop.resumed }, "updates of the previous run handled again");
  log.info(config.webhook ? { port: loop.port } : { username: bot.botInfo.username }, config.webhook ? "webhook mode" : "long polling");
  loop.failed.then(undefined, (error) => {
    log.fatal({ code: (error as { error_code?: number }).error_code }, "updates can no longer be fetched");
    process.exit(1);
  });
  // Reminders and alerts: one sweep a minute, driven by the database (survives restarts).
  const scheduler = startScheduler({ deps, api: bot.api, intervalMs: 60_000 });
  const housekeeping = startHousekeeping(deps);
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    housekeeping.stop();
    await loop.stop();
    await zaloFileLinks?.stop();
    await scheduler.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => exitOnStartupFailure(error));
