// The real bot in process for benchmarks: every middleware, the conversations, the SQLite file, and every update
// the way of a real one (into the durable inbox, handled by the dispatcher, marked handled), against a fake Bot API.
// With `zalo`, Zalo's chats are translated by the channel (bot/zalo/) and its calls answered by a fake Zalo API.
import type { Update } from "grammy/types";
import pino from "pino";
import { createBot } from "../bot/app";
import { createDispatcher } from "../bot/inbox/dispatcher";
import type { RateLimitSettings } from "../bot/rate-limit";
import { createZaloClient } from "../bot/zalo/client";
import { translateZaloUpdate } from "../bot/zalo/incoming";
import { type ZaloUpdate, zaloEventKey } from "../bot/zalo/zalo-types";
import type { Db } from "../store/client";
import { takeInZaloUpdate } from "../store/zalo";
import { FAKE_BOT_INFO, FAKE_TOKEN, fakeTelegramFetch } from "./fake-telegram";

export function inProcessBot(db: Db, options: { rateLimit?: RateLimitSettings; zalo?: boolean } = {}) {
  const api = fakeTelegramFetch();
  const zaloApi = fakeZaloFetch();
  const log = pino({ level: "silent" });
  const zalo = options.zalo
    ? createZaloClient({ token: "1:bench", apiRoot: "http://zalo.invalid", fetch: zaloApi.fetch, sendGapMs: 0 })
    : undefined;
  const { bot } = createBot({
    token: FAKE_TOKEN,
    apiRoot: "http://fake.invalid",
    db,
    log,
    fetch: api.fetch,
    rateLimit: options.rateLimit,
    zalo,
  });
  bot.botInfo = FAKE_BOT_INFO;
  const handled = new Map<number, () => void>();
  const clock = () => new Date();
  const dispatcher = createDispatcher({
    db,
    log,
    clock,
    handle: (u) => bot.handleUpdate(u),
    onHandled: (id) => handled.get(id)?.(),
  });
  function handledNow(updateId: number): Promise<void> {
    return new Promise<void>((resolve) => handled.set(updateId, resolve)).finally(() => handled.delete(updateId));
  }
  /** One update, from the inbox to its mark: resolves when it is handled and durably marked so. */
  async function step(update: Update): Promise<void> {
    const done = handledNow(update.update_id);
    await dispatcher.accept([update]);
    await done;
  }
  /** One Zalo update the way the channel takes it in (translated, committed with its mark), until handled. */
  async function zaloStep(update: ZaloUpdate): Promise<void> {
    const { message } = update;
    const event = { key: zaloEventKey(update), chatId: message.chat.id, senderId: message.from.id };
    const row = await takeInZaloUpdate(db, event, clock(), (intake) => translateZaloUpdate(update, intake));
    if (!row) throw new Error(`Zalo update taken twice: ${event.key}`);
    const done = handledNow(row.updateId);
    dispatcher.adopt([row]);
    await done;
  }
  return { step, zaloStep, apiCalls: () => api.calls() + zaloApi.calls() };
}

/**
 * A Zalo Bot API that answers every call at once: a send gets a message id and a date in milliseconds. Its answer
 * is as light as the fake Telegram's (bench/fake-telegram.ts): a full Response per call would be this harness's
 * cost, charged to the Zalo path alone.
 */
function fakeZaloFetch(): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const fetchImpl = async (): Promise<Response> => {
    calls++;
    const body = JSON.stringify({ ok: true, result: { message_id: calls.toString(16), date: Date.now() } });
    return { ok: true, status: 200, json: async () => JSON.parse(body) as unknown } as Response;
  };
  return { fetch: fetchImpl as unknown as typeof fetch, calls: () => calls };
}
