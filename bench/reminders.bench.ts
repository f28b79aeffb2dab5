// Fan-out of 10,000 reminders through the real scheduler (SQLite rows claimed and marked, grammY throttler and
// auto-retry) against the local Bot API emulator enforcing a rate limit with 429 + retry_after.
// Goal: throughput ≥ 95% of the limit, 0 messages lost, none twice.
import { Api } from "grammy";
import pino from "pino";
import { defaultTimeZone } from "../bot/config";
import { startScheduler, telegramThrottle } from "../bot/scheduler";
import { addMembers, createOrganization } from "../store/orgs";
import { openPeriod } from "../store/periods";
import { planAll } from "../store/reminder-planning";
import { listReminders } from "../store/reminders";
import { freshDb } from "../test/support/db";
import { TestClock } from "../test/support/clock";
import { startEmulatorThread } from "./emulator-worker";

const timeZone = defaultTimeZone();

const REMINDERS = Number(process.env.REMINDER_BENCH_COUNT ?? 10_000);
// grammY's throttler (Bottleneck) tops out near 300 calls/s in one process; 100/s is a generous real bot's rate
// (Telegram's own is ~30/s) and keeps the run under two minutes.
const LIMIT_PER_SECOND = Number(process.env.REMINDER_BENCH_RATE ?? 100);
const BATCH = Number(process.env.REMINDER_BENCH_BATCH ?? 50);
const WORKERS = Number(process.env.REMINDER_BENCH_WORKERS ?? 4);
const TOKEN = "123456789:BENCH_token_for_the_local_emulator";
const FIRST_CHAT = 10_000_000;

export async function run(): Promise<void> {
  const emulator = await startEmulatorThread({ perSecond: LIMIT_PER_SECOND, retryAfter: 1 });
  const database = await freshDb();
  const { db } = database;
  // The morning of the deadline day: exactly one reminder (offset 0) is due for every member.
  const clock = new TestClock("2026-12-20T01:00:00.000Z");
  try {
    const periodId = await seedMembers(db, emulator, clock.now());
    await planAll(db, clock.now(), timeZone.offsetMinutes);
    const scheduler = startScheduler({
      deps: { db, log: pino({ level: "silent" }), clock: clock.now, botUsername: () => "bench_bot", timeZone },
      api: new Api(TOKEN, { apiRoot: emulator.apiRoot }),
      throttle: telegramThrottle(LIMIT_PER_SECOND),
      batchSize: BATCH,
      workers: WORKERS,
    });
    const { monitorEventLoopDelay } = await import("node:perf_hooks");
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const startedAt = performance.now();
    const report = await scheduler.sweepOnce();
    const sweepSeconds = (performance.now() - startedAt) / 1000;
    await scheduler.stop();
    loop.disable();
    if (process.env.REMINDER_BENCH_SECONDS)
      console.log(
        `loop delay ms: mean ${(loop.mean / 1e6).toFixed(2)} p50 ${(loop.percentile(50) / 1e6).toFixed(2)} p99 ${(loop.percentile(99) / 1e6).toFixed(2)} max ${(loop.max / 1e6).toFixed(1)}`,
      );

    const received = await emulator.summary();
    // Two honest rates: first to last message the emulator accepted (the steady fan-out), and the whole sweep
    // (its planning pass, the first claims and the last marks included).
    const seconds = (received.lastAt - received.firstAt) / 1000;
    const throughput = (received.delivered - 1) / seconds;
    const sweepRate = received.delivered / sweepSeconds;
    const share = (rate: number) => `${((100 * rate) / LIMIT_PER_SECOND).toFixed(1)}%`;
    const rows = await listReminders(db, periodId);
    console.log(
      `limit enforced by the emulator: ${LIMIT_PER_SECOND} sendMessage/s over a sliding second (429, retry_after 1 s); ${WORKERS} workers × ${BATCH} rows`,
    );
    console.log(`reminders planned:          ${rows.length}`);
    console.log(
      `delivered:                  ${received.delivered} to ${received.distinctChats} chats; first to last ${seconds.toFixed(2)} s, whole sweep ${sweepSeconds.toFixed(2)} s`,
    );
    console.log(`throughput, first to last:  ${throughput.toFixed(1)} msg/s = ${share(throughput)} of the limit (goal ≥ 95%)`);
    console.log(`throughput, whole sweep:    ${sweepRate.toFixed(1)} msg/s = ${share(sweepRate)} of the limit`);
    console.log(
      `messages lost:              ${REMINDERS - received.distinctChats} (goal 0); sent twice: ${received.delivered - received.distinctChats}`,
    );
    console.log(`429 answers seen:           ${received.rejected429}`);
    console.log(
      `rows marked sent / failed:  ${rows.filter((r) => r.sentAt).length} / ${rows.filter((r) => r.failedAt).length} (report ${JSON.stringify(report)})`,
    );
    const failed = rows.filter((r) => r.failedAt).map((r) => r.error);
    if (failed.length > 0) console.log(`failures:                   ${JSON.stringify(failed.slice(0, 5))}`);
    if (process.env.REMINDER_BENCH_SECONDS) console.log(received.perSecond.join(" "));
  } finally {
    await database.cleanup();
  }
}

async function seedMembers(
  db: Awaited<ReturnType<typeof freshDb>>["db"],
  emulator: { addUsers(chats: number[]): Promise<void> },
  now: Date,
): Promise<string> {
  const org = await createOrganization(db, { name: "Chi bộ Benchmark", kind: "branch" }, null, now);
  const names = Array.from({ length: REMINDERS }, (_, i) => `Đảng viên ${i + 1}`);
  const memberIds = await addMembers(
    db,
    org.id,
    names.map((fullName) => ({ fullName, kind: "official" as const })),
    null,
    now,
  );
  const chats = names.map((_, i) => FIRST_CHAT + i);
  await db.user.createMany({ data: chats.map((chat) => ({ id: `u${chat}`, telegramId: String(chat) })) });
  await db.$transaction(memberIds.map((id, i) => db.member.update({ where: { id }, data: { userId: `u${chats[i]}` } })));
  await emulator.addUsers(chats);
  const period = await openPeriod(
    db,
    {
      orgId: org.id,
      year: 2026,
      rulebookId: "hd07-2011",
      selfReviewDeadline: "2026-12-20T16:59:59.000Z",
      reportDeadline: "2026-12-30T16:59:59.000Z",
    },
    null,
    now,
  );
  return period.id;
}
