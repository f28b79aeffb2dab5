// Long polling through the durable inbox. Telegram keeps an update until a later getUpdates asks for a higher
// offset; the offset moves past a batch only after the batch is in the inbox, so a kill at any moment loses
// nothing: what Telegram still holds is fetched again (and dropped by the inbox if it was queued), what the inbox
// holds is handled at the next start.
import { GrammyError, type Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Dispatcher } from "./dispatcher";

export type PollingOptions = {
  api: Api;
  dispatcher: Dispatcher;
  log: Logger;
  /** Seconds Telegram holds a poll open when there is nothing to send. */
  timeoutSeconds?: number;
  /** Fetching pauses while this many updates wait to be handled (they are safe in the inbox meanwhile). */
  maxPending?: number;
  /** Told when a batch could not be put in the inbox (it stays unconfirmed, and is fetched again). */
  onAcceptFailed?: (updates: readonly Update[], error: unknown) => Promise<void>;
};

export type Polling = { stop(): Promise<void>; stopped: Promise<void> };

const RETRY_DELAYS_MS = [250, 1_000, 3_000, 10_000];

/** The pause before fetching again after `failures` failures in a row (growing, bounded). */
export const retryDelayMs = (failures: number): number => RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];

export function startPolling(options: PollingOptions): Polling {
  const { api, dispatcher, log } = options;
  const timeout = options.timeoutSeconds ?? 30;
  const maxPending = options.maxPending ?? 2_000;
  const abort = new AbortController();
  let running = true;
  let offset: number | undefined;

  async function loop(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        if (dispatcher.pending() >= maxPending) {
          await delay(50, abort.signal);
          continue;
        }
        // grammY types the signal with the abort-controller package's class; the platform's is what it uses.
        const updates = await api.getUpdates({ offset, limit: 100, timeout }, abort.signal as Parameters<Api["getUpdates"]>[1]);
        if (updates.length > 0) {
          await dispatcher.accept(updates).catch(async (error) => {
            await options.onAcceptFailed?.(updates, error);
            throw error;
          });
          offset = updates[updates.length - 1].update_id + 1;
        }
        failures = 0;
      } catch (error) {
        if (!running) break;
        if (error instanceof GrammyError && error.error_code === 401) throw error; // a revoked token: nothing to retry
        const wait = retryDelayMs(failures++);
        log.warn({ code: (error as GrammyError).error_code, name: (error as Error).name, retryInMs: wait }, "getUpdates failed");
        await delay(wait, abort.signal);
      }
    }
  }

  const stopped = loop();
  return {
    stopped,
    async stop() {
      running = false;
      abort.abort();
      await stopped.catch(() => undefined);
      // Confirm what is already in the inbox, so Telegram does not send it again to the next run.
      if (offset !== undefined) await api.getUpdates({ offset, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}

/** A pause that an abort ends early. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
