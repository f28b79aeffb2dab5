// Long polling of Zalo: one update per getUpdates, no offset (an update returned is gone from Zalo), 408 when
// nothing came, 409 when a second poll waits. So: one poll at a time, from one loop; each update is committed to the
// inbox together with its de-duplication mark (store/zalo.ts) before the next poll; a failed answer is retried after
// a growing pause (bounded), and a refused token ends the loop.
import type { Logger } from "pino";
import type { Db } from "../../store/client";
import { takeInZaloUpdate } from "../../store/zalo";
import type { Dispatcher } from "../inbox/dispatcher";
import { delay, retryDelayMs } from "../inbox/polling";
import type { ZaloClient } from "./client";
import { translateZaloUpdate } from "./incoming";
import { readZaloUpdate, type ZaloUpdate, zaloEventKey } from "./zalo-types";

export type ZaloPollingOptions = {
  client: ZaloClient;
  db: Db;
  dispatcher: Dispatcher;
  log: Logger;
  clock: () => Date;
  /** Seconds Zalo holds a poll open when there is nothing to send. */
  timeoutSeconds?: number;
  /** Polling pauses while this many updates wait to be handled. */
  maxPending?: number;
};

export type ZaloPolling = { stop(): Promise<void>; stopped: Promise<void> };

const NOTHING_NEW = 408;
const BAD_TOKEN = 401;

export class ZaloTokenRefused extends Error {}

/** Takes one update in: into the inbox and the dispatcher's queue, or nowhere if it was taken in before. */
export async function takeIn(options: Pick<ZaloPollingOptions, "db" | "dispatcher" | "clock">, update: ZaloUpdate): Promise<boolean> {
  const { message } = update;
  const event = { key: zaloEventKey(update), chatId: message.chat.id, senderId: message.from.id };
  const row = await takeInZaloUpdate(options.db, event, options.clock(), (intake) => translateZaloUpdate(update, intake));
  if (row) options.dispatcher.adopt([row]);
  return row !== null;
}

export function startZaloPolling(options: ZaloPollingOptions): ZaloPolling {
  const { client, dispatcher, log } = options;
  const timeout = String(options.timeoutSeconds ?? 30);
  const maxPending = options.maxPending ?? 2_000;
  const abort = new AbortController();
  let running = true;

  const pause = (ms: number) => delay(ms, abort.signal);

  /** The update is only in memory now: it is kept until the inbox takes it (a full disk passes, a kill loses it). */
  async function keep(update: ZaloUpdate): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        return void (await takeIn(options, update));
      } catch (error) {
        const wait = retryDelayMs(failures);
        log.error({ name: (error as Error).name, code: (error as { code?: string }).code, retryInMs: wait }, "Zalo update not queued");
        if (!running) return;
        await pause(wait);
      }
    }
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (running) {
      if (dispatcher.pending() >= maxPending) {
        await pause(50);
        continue;
      }
      let answer: Awaited<ReturnType<ZaloClient["call"]>>;
      try {
        answer = await client.call("getUpdates", { timeout }, abort.signal);
      } catch {
        break; // aborted: stopping
      }
      if (answer.ok) {
        failures = 0;
        const update = readZaloUpdate(answer.result);
        if (update) await keep(update);
        else log.warn("Zalo update of an unknown shape skipped");
        continue;
      }
      if (answer.error_code === NOTHING_NEW) {
        failures = 0;
        continue;
      }
      if (answer.error_code === BAD_TOKEN) throw new ZaloTokenRefused("Zalo refused ZALO_BOT_TOKEN");
      const wait = retryDelayMs(failures++);
      log.warn({ code: answer.error_code, retryInMs: wait }, "Zalo getUpdates failed");
      await pause(wait);
    }
  }

  const stopped = loop();
  const stop = async () => {
    running = false;
    abort.abort(); // ends a poll in flight: Zalo keeps what it had not answered yet
    await stopped.catch(() => undefined);
  };
  return { stopped, stop };
}
