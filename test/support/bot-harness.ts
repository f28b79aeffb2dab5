import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createBot } from "../../bot/app";
import { startUpdateLoop, type UpdateLoop } from "../../bot/inbox/update-loop";
import { SCRIPTED_USERS_RATE_LIMIT, type RateLimitSettings } from "../../bot/rate-limit";
import { startScheduler, type Scheduler } from "../../bot/scheduler";
import { openDb, type Db } from "../../store/client";
import { BotApiEmulator, type EmulatorOptions } from "../emulator/bot-api-emulator";
import { zaloBotInfo } from "../../bot/zalo/bot-info";
import { createZaloClient } from "../../bot/zalo/client";
import { createFileLinks } from "../../bot/zalo/file-links";
import { ZaloEmulator } from "../emulator/zalo/zalo-emulator";
import { TestClock } from "./clock";
import { freshDb } from "./db";

export const TEST_TOKEN = "123456789:TEST_token_for_the_local_emulator";

/**
 * The real bot (update loop with its durable inbox, middlewares, conversations, SQLite) against the local Bot API emulator on 127.0.0.1,
 * with a clock the test controls. `restart()` replaces the bot with a new instance on the same database file.
 */
export type HarnessOptions = {
  now?: string;
  /** Telegram's flood control in the emulator (none by default). */
  telegramLimit?: EmulatorOptions["rateLimit"];
  /** The bot's per-person limit; by default loose, as tests play users faster than people type. */
  rateLimit?: RateLimitSettings;
  /** Also serve Zalo, polling a local Zalo emulator (issue 14); `h.zalo` is the emulator. */
  zalo?: boolean;
  /** Zalo in webhook mode instead of polling (with `zalo`). */
  zaloWebhook?: boolean;
  /** Zalo only (with `zalo`): no Telegram token's calls reach the Telegram emulator. */
  zaloOnly?: boolean;
  /** Documents for Zalo chats as links to a local file server (with `zalo`); `h.zaloFileLinks`. */
  zaloFiles?: boolean;
};

export async function startHarness(options: HarnessOptions = {}) {
  const emulator = await BotApiEmulator.start({ rateLimit: options.telegramLimit });
  const zalo = options.zalo ? await ZaloEmulator.start() : undefined;
  const zaloWebhook = options.zaloWebhook
    ? { url: `http://127.0.0.1:${await freePort()}/zalo-hook`, secret: "zalo-test-secret", port: 0, host: "127.0.0.1" }
    : undefined;
  if (zaloWebhook) zaloWebhook.port = Number(new URL(zaloWebhook.url).port);
  const database = await freshDb();
  const filesPort = options.zaloFiles ? await freePort() : 0;
  const clock = new TestClock(options.now ?? "2026-12-01T02:00:00.000Z");
  const log = pino({ level: "silent" });
  let db: Db = database.db;
  let loop: UpdateLoop | undefined;
  let current: ReturnType<typeof createBot>;
  let scheduler: Scheduler | undefined;
  // Expiry follows the test's clock; the server lives as long as the harness (a restart loses the links, as it would).
  const zaloFileLinks = options.zaloFiles
    ? createFileLinks({ baseUrl: `http://127.0.0.1:${filesPort}/files`, now: () => clock.now().getTime() })
    : undefined;
  await zaloFileLinks?.listen(filesPort, "127.0.0.1");

  async function launch() {
    // Sends unspaced and retried at once: the emulator has no rate limit, and tests play users faster than people.
    const zaloClient = zalo && createZaloClient({ token: zalo.token, apiRoot: zalo.apiRoot, sendGapMs: 0, retryDelaysMs: [10, 20] });
    const telegram = !options.zaloOnly;
    current = createBot({
      zalo: zaloClient,
      zaloFileLinks,
      telegram,
      botInfo: !telegram && zaloClient ? await zaloBotInfo(zaloClient) : undefined,
      token: TEST_TOKEN,
      apiRoot: emulator.apiRoot,
      db,
      log,
      clock: clock.now,
      rateLimit: options.rateLimit ?? SCRIPTED_USERS_RATE_LIMIT,
    });
    await current.bot.init();
    loop = await startUpdateLoop(current.bot, current.deps, {
      telegram,
      pollTimeoutSeconds: 1,
      zalo: zaloClient && { client: zaloClient, pollTimeoutSeconds: 1, webhook: zaloWebhook },
    });
  }

  async function halt() {
    await scheduler?.stop();
    scheduler = undefined;
    await loop?.stop();
    loop = undefined;
  }

  await launch();
  return {
    emulator,
    /** Zalo's webhook (URL and secret) with `zaloWebhook: true`. */
    zaloWebhook,
    /** The Zalo emulator, with `zalo: true`. */
    get zalo() {
      if (!zalo) throw new Error("startHarness({ zalo: true }) to play users on Zalo");
      return zalo;
    },
    clock,
    get db() {
      return db;
    },
    get deps() {
      return current.deps;
    },
    get bot() {
      return current.bot;
    },
    /** Resolves when every update sent so far is fetched from the emulator, handled, and marked so in the inbox. */
    async settled() {
      while (emulator.backlog() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await loop?.dispatcher.idle();
    },
    user: (id: number, opts?: Parameters<BotApiEmulator["user"]>[1]) => emulator.user(id, opts),
    /** One reminder sweep now, at the test clock's time, by the current bot instance's scheduler (no timer). */
    sweep() {
      scheduler ??= startScheduler({ deps: current.deps, api: current.bot.api });
      return scheduler.sweepOnce();
    },
    /**
     * A new process on the same database file: nothing in memory survives. `whileDown` changes the database
     * between the two, as a kill at an unlucky moment would have left it.
     */
    async restart(whileDown?: (db: Db) => Promise<void>) {
      await halt();
      await db.$disconnect();
      db = await openDb(database.url);
      await whileDown?.(db);
      await launch();
    },
    async stop() {
      await halt();
      await emulator.stop();
      await zalo?.stop();
      await zaloFileLinks?.stop();
      await db.$disconnect();
      await database.cleanup();
    },
  };
}

/** A port nothing listens on now (the Zalo webhook's URL must be known before its server starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
