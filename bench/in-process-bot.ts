// The real bot in process for benchmarks: every middleware, the conversations, the SQLite file, and every update
// the way of a real one (into the durable inbox, handled by the dispatcher, marked handled), against a fake Bot API.
import type { Update } from "grammy/types";
import pino from "pino";
import { createBot } from "../bot/app";
import { createDispatcher } from "../bot/inbox/dispatcher";
import type { RateLimitSettings } from "../bot/rate-limit";
import type { Db } from "../store/client";
import { FAKE_BOT_INFO, FAKE_TOKEN, fakeTelegramFetch } from "./fake-telegram";

export function inProcessBot(db: Db, options: { rateLimit?: RateLimitSettings } = {}) {
  const api = fakeTelegramFetch();
  const log = pino({ level: "silent" });
  const { bot } = createBot({ token: FAKE_TOKEN, apiRoot: "http://fake.invalid", db, log, fetch: api.fetch, rateLimit: options.rateLimit });
  bot.botInfo = FAKE_BOT_INFO;
  const handled = new Map<number, () => void>();
  const dispatcher = createDispatcher({
    db,
    log,
    clock: () => new Date(),
    handle: (u) => bot.handleUpdate(u),
    onHandled: (id) => handled.get(id)?.(),
  });
  /** One update, from the inbox to its mark: resolves when it is handled and durably marked so. */
  async function step(update: Update): Promise<void> {
    const done = new Promise<void>((resolve) => handled.set(update.update_id, resolve));
    await dispatcher.accept([update]);
    await done;
    handled.delete(update.update_id);
  }
  return { step, apiCalls: () => api.calls() };
}
