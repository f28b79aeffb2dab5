// The scheduler: every `intervalMs` (or by hand in tests), plan the rows, then claim → send → mark them in small
// batches (the delivery guarantee is written down in store/reminders.ts). Only in the daytime window of each period's
// rulebook (T1), in the review's time zone (Deps.timeZone).
import { Api, GrammyError, HttpError, type Transformer } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler, type APIThrottlerOptions } from "@grammyjs/transformer-throttler";
import { planAll } from "../store/reminder-planning";
import { planReportReminders } from "../store/report-reminders";
import { claimDue, expireStaleClaims, markOutcomes, type ReminderJob, type SendOutcome } from "../store/reminders";
import type { Deps } from "./kit/context";
import { renderJob } from "./reminder-messages";

export type SchedulerOptions = {
  deps: Deps;
  /** The bot's API; the scheduler sends through its own throttled copy (same token and API root). */
  api: Api;
  /** 0 or absent: no timer, sweeps only by hand (tests, the demo). */
  intervalMs?: number;
  /** Rows claimed per transaction; at most `batchSize × workers` rows are in doubt after a kill. */
  batchSize?: number;
  workers?: number;
  /** A claim older than this without a mark belongs to a dead process. */
  leaseMs?: number;
  throttle?: APIThrottlerOptions;
};

export type SweepReport = { planned: number; sent: number; failed: number; retry: number; inDoubt: number; expired: number };

/**
 * Telegram's limits for a bulk fan-out: about 30 messages a second overall and 1 a second per chat, counted by the
 * server over a sliding second (one refused call costs a whole `retry_after` of silence). The global limiter admits
 * `perSecond` calls at a time and each call keeps its place until a second after its answer (`slotHolding` below): every
 * call the server counted in the last second still holds a place, so a sliding second never holds more than the
 * limit, whatever the timers' lateness or a stalled event loop. Reservoir refills cannot promise that: a burst of one
 * refill can straggle into the next one's second. `minTime` spaces the starts so the calls do not queue at the
 * server (a queued call holds its place longer and lowers the rate).
 * Tuned with bench/reminders.bench.ts.
 */
export function telegramThrottle(perSecond = 30): APIThrottlerOptions {
  return {
    global: { maxConcurrent: perSecond, minTime: 500 / perSecond },
    out: { maxConcurrent: 1, minTime: 1000 },
    group: { maxConcurrent: 1, minTime: 3000 },
  };
}

/** A second after the answer, plus a little for the server's clock rounding. */
export const SLOT_HOLD_MS = 1005;

/**
 * Two transformers around the throttler: `inner` runs inside the throttler's job and keeps the job (its place among
 * the `maxConcurrent`) busy for `holdMs` after the answer; `outer` hands the answer to the caller as soon as it
 * arrives, so a sender never waits for the hold.
 */
function slotHolding(holdMs: number): { inner: Transformer; outer: Transformer } {
  type Settle = (answer: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
  const earlyAnswer = new WeakMap<object, Settle>();
  const counted = (payload: unknown): payload is object => typeof payload === "object" && payload !== null && "chat_id" in payload;
  const inner: Transformer = async (prev, method, payload, signal) => {
    const settle = counted(payload) ? earlyAnswer.get(payload) : undefined;
    try {
      const value = await prev(method, payload, signal);
      settle?.({ ok: true, value });
      return value;
    } catch (error) {
      settle?.({ ok: false, error });
      throw error;
    } finally {
      if (counted(payload)) await new Promise((resolve) => setTimeout(resolve, holdMs).unref());
    }
  };
  const outer: Transformer = (prev, method, payload, signal) => {
    if (!counted(payload)) return prev(method, payload, signal);
    return new Promise((resolve, reject) => {
      const settle: Settle = (answer) => (answer.ok ? resolve(answer.value as never) : reject(answer.error));
      earlyAnswer.set(payload, settle); // a retry of the same payload registers its own
      prev(method, payload, signal)
        .then(resolve, reject)
        .finally(() => {
          if (earlyAnswer.get(payload) === settle) earlyAnswer.delete(payload);
        });
    });
  };
  return { inner, outer };
}

/** The fan-out API: throttled, and retrying only what provably was not delivered (429 with retry_after). */
export function outboundApi(api: Api, throttle: APIThrottlerOptions = telegramThrottle()): Api {
  const outbound = new Api(api.token, api.options);
  const hold = slotHolding(SLOT_HOLD_MS);
  outbound.config.use(hold.inner);
  outbound.config.use(apiThrottler(throttle));
  outbound.config.use(hold.outer);
  // Installed last, so it runs first: a retried call queues in the throttler again. Network and 5xx errors are not
  // retried here: the message may have arrived, and a retry could send it twice.
  outbound.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
  return outbound;
}

export function startScheduler(options: SchedulerOptions) {
  const { deps } = options;
  const batchSize = options.batchSize ?? 25;
  const workers = options.workers ?? 4;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const api = outboundApi(options.api, options.throttle);
  let stopping = false;
  let queue: Promise<unknown> = Promise.resolve();
  // SQLite has one writer: claims and marks of the concurrent workers take turns; sends overlap.
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = writes.then(work);
    writes = result.catch(() => undefined);
    return result;
  };

  async function worker(report: SweepReport): Promise<void> {
    while (!stopping) {
      const jobs = await serial(() => claimDue(deps.db, deps.clock(), batchSize, deps.timeZone.offsetMinutes));
      if (jobs.length === 0) return;
      const outcomes = await Promise.all(jobs.map((job) => send(api, job, deps)));
      await serial(() => markOutcomes(deps.db, outcomes, deps.clock()));
      for (const o of outcomes) report[o.status === "in-doubt" ? "inDoubt" : o.status]++;
    }
  }

  async function sweep(): Promise<SweepReport> {
    const now = deps.clock();
    const report: SweepReport = { planned: 0, sent: 0, failed: 0, retry: 0, inDoubt: 0, expired: 0 };
    report.expired = await serial(() => expireStaleClaims(deps.db, now, leaseMs));
    report.planned = await serial(
      async () =>
        (await planAll(deps.db, now, deps.timeZone.offsetMinutes)) + (await planReportReminders(deps.db, now, deps.timeZone.offsetMinutes)),
    );
    await Promise.all(Array.from({ length: workers }, () => worker(report)));
    if (report.sent + report.failed + report.inDoubt + report.expired > 0) deps.log.info(report, "reminder sweep");
    return report;
  }

  /** One sweep after any sweep in progress (the timer's or a test's): sweeps never overlap. */
  function sweepOnce(): Promise<SweepReport> {
    const result = queue.then(sweep);
    queue = result.catch(() => undefined);
    return result;
  }

  const timer = options.intervalMs
    ? setInterval(
        () => sweepOnce().catch((error) => deps.log.error({ name: (error as Error).name }, "reminder sweep failed")),
        options.intervalMs,
      )
    : undefined;

  return {
    sweepOnce,
    /** Stops the timer and lets the batches in flight finish and be marked: a graceful stop leaves nothing in doubt. */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearInterval(timer);
      await queue;
    },
  };
}

export type Scheduler = ReturnType<typeof startScheduler>;

async function send(api: Api, job: ReminderJob, deps: Deps): Promise<SendOutcome> {
  const message = renderJob(job, deps.timeZone);
  let delivered = 0;
  try {
    for (const [index, text] of message.parts.entries()) {
      const last = index === message.parts.length - 1;
      await api.sendMessage(message.chatId, text, last && message.keyboard ? { reply_markup: message.keyboard } : {});
      delivered++;
    }
    return { id: job.id, status: "sent" };
  } catch (error) {
    if (delivered > 0) return { id: job.id, status: "in-doubt", error: "partly-sent" };
    return classify(job, error);
  }
}

/** Which failures provably did not deliver the message: only those may be tried again. */
function classify(job: ReminderJob, error: unknown): SendOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 403) return { id: job.id, status: "failed", error: "403", blocked: { userId: job.recipient.userId } };
    if (error.error_code === 429) return { id: job.id, status: "retry", error: "429" };
    if (error.error_code < 500) return { id: job.id, status: "failed", error: String(error.error_code) };
    return { id: job.id, status: "in-doubt", error: String(error.error_code) };
  }
  if (error instanceof HttpError && connectionRefused(error.error)) {
    return { id: job.id, status: "retry", error: "no-connection" };
  }
  const e = error as { name?: string; error?: { code?: string; name?: string } };
  return { id: job.id, status: "in-doubt", error: `unknown:${e?.name}:${e?.error?.code ?? e?.error?.name ?? ""}` };
}

function connectionRefused(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === "ECONNREFUSED" || e?.cause?.code === "ECONNREFUSED";
}
