// Persisted self-review steps per second, in process: the real bot (durable inbox, dispatcher, every middleware,
// conversations, SQLite file with synchronous=FULL) against a fake Bot API; beside it a bare grammY echo bot on the same fake API and a raw
// better-sqlite3 durable commit loop, to read the result as ratios. Goal: >= 2,000 steps/s with p99 < 20 ms.
// Run it as `npm run bench` does, with the V8 flags of `npm start` (see README, "Notes on the design").
import Database from "better-sqlite3";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { StepButton } from "../bot/kit/buttons";
import { stepButtonData } from "../conversations/self-review-buttons";
import { REVIEW_PARTS } from "../domain/self-review-parts";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { callbackUpdate, FAKE_BOT_INFO, FAKE_TOKEN, fakeTelegramFetch, textUpdate } from "./fake-telegram";
import { inProcessBot } from "./in-process-bot";

export const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 300);
export const WARMUP_MEMBERS = 20;
export const CONCURRENT_CHATS = Number(process.env.BENCH_CHATS ?? 8);
const FIRST_USER = 700_000;
export const ANSWER = "Luôn kiên định lập trường chính trị, chấp hành nghiêm chủ trương, đường lối của Đảng; ".repeat(6);

export type Stats = {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuMsPerItem?: number;
  /** Every item's time, when a caller joins several runs (bench/zalo.bench.ts). */
  latenciesMs?: number[];
};

function stats(latenciesMs: number[], seconds: number): Stats {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, seconds, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Every update one member sends to write and submit a whole self-review (a step = one update, persisted). */
function memberScript(userId: number, nextId: () => number): Update[] {
  const click = (button: StepButton) => callbackUpdate(nextId(), userId, stepButtonData(button)) as unknown as Update;
  const updates: Update[] = [textUpdate(nextId(), userId, "/review") as unknown as Update];
  for (const part of REVIEW_PARTS) {
    if (part === "rating") updates.push(click({ kind: "rate", level: "L2" }));
    else updates.push(textUpdate(nextId(), userId, `${part}: ${ANSWER}`) as unknown as Update, click({ kind: "done", part }));
  }
  updates.push(click({ kind: "confirm" }));
  return updates;
}

/** Feeds each chat's updates in order, CONCURRENT_CHATS chats at a time, timing every update. */
export async function feed<T>(handle: (u: T) => Promise<void>, scripts: T[][]): Promise<Stats> {
  const latencies: number[] = [];
  const queue = [...scripts];
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT_CHATS }, async () => {
      for (let script = queue.shift(); script; script = queue.shift()) {
        for (const update of script) {
          const t0 = performance.now();
          await handle(update);
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return { ...stats(latencies, seconds), cpuMsPerItem: (user + system) / 1000 / latencies.length, latenciesMs: latencies };
}

/** A branch whose members each write and submit a self-review, one script of steps per member, fed by `step`. */
export type ReviewWorld<T> = {
  scripts: T[][];
  step: (update: T) => Promise<void>;
  /** Self-reviews submitted so far. */
  submitted: () => Promise<number>;
  apiCalls: () => number;
  cleanup: () => Promise<void>;
};

/** A seeded branch of `total` members on the Telegram path (its own SQLite file, its own bot). */
export async function telegramReviewWorld(total: number): Promise<ReviewWorld<Update>> {
  const database = await freshDb();
  const members = Array.from({ length: total }, (_, i) => ({
    fullName: `Đảng viên ${i}`,
    kind: "official" as const,
    telegramId: FIRST_USER + i,
  }));
  const { periodId } = await seedBranch(database.db, {
    members,
    selfReviewDeadline: "2099-12-20T16:59:59.000Z",
    reportDeadline: "2099-12-30T16:59:59.000Z",
  });
  const { step, apiCalls } = inProcessBot(database.db);
  let updateId = 1;
  return {
    scripts: members.map((_, i) => memberScript(FIRST_USER + i, () => updateId++)),
    step,
    submitted: () => database.db.selfReview.count({ where: { periodId, submittedAt: { not: null } } }),
    apiCalls,
    cleanup: database.cleanup,
  };
}

export async function selfReviewSteps(): Promise<Stats & { submitted: number; apiCalls: number }> {
  const world = await telegramReviewWorld(WARMUP_MEMBERS + MEMBERS);
  await feed(world.step, world.scripts.slice(0, WARMUP_MEMBERS));
  const measured = await feed(world.step, world.scripts.slice(WARMUP_MEMBERS));
  const submitted = await world.submitted();
  const apiCalls = world.apiCalls();
  await world.cleanup();
  return { ...measured, submitted, apiCalls };
}

async function echoBot(count: number): Promise<Stats> {
  const bot = new Bot(FAKE_TOKEN, { client: { apiRoot: "http://fake.invalid", fetch: fakeTelegramFetch().fetch } });
  bot.botInfo = FAKE_BOT_INFO;
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  const perChat = 13;
  const scripts = Array.from({ length: Math.ceil(count / perChat) }, (_, chat) =>
    Array.from({ length: perChat }, (_, i) => textUpdate(chat * perChat + i + 1, FIRST_USER + chat, ANSWER) as unknown as Update),
  );
  return feed((u) => bot.handleUpdate(u), scripts);
}

/** Raw durable commits: WAL, synchronous=FULL, one INSERT per transaction. */
function rawSqliteCommits(count: number): Stats {
  const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-bench-"));
  const db = new Database(path.join(dir, "raw.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
  const commit = db.transaction((body: string) => insert.run(body));
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    commit(ANSWER);
    latencies.push(performance.now() - t0);
  }
  const result = stats(latencies, (performance.now() - started) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export const line = (name: string, s: Stats) =>
  `${name.padEnd(34)} ${s.perSecond.toFixed(0).padStart(7)}/s   p50 ${s.p50.toFixed(2).padStart(6)} ms   p99 ${s.p99.toFixed(2).padStart(6)} ms   (${s.count} in ${s.seconds.toFixed(2)} s${s.cpuMsPerItem === undefined ? "" : `, ${s.cpuMsPerItem.toFixed(2)} ms CPU each`})`;

export async function run(): Promise<void> {
  const review = await selfReviewSteps();
  const echo = await echoBot(review.count);
  const raw = rawSqliteCommits(review.count);
  console.log(
    `self-review: ${MEMBERS} members × ${review.count / MEMBERS} steps, ${CONCURRENT_CHATS} chats at a time, real SQLite file; node ${process.version} ${process.execArgv.filter((a) => a.startsWith("--no-") || a.startsWith("--max")).join(" ") || "(no V8 flags)"}`,
  );
  console.log(line("persisted self-review steps", review));
  console.log(line("bare grammY echo bot (same fake API)", echo));
  console.log(line("raw better-sqlite3 durable commits", raw));
  console.log(
    `ratios: self-review / echo bot = ${(review.perSecond / echo.perSecond).toFixed(3)}, self-review / raw commits = ${(review.perSecond / raw.perSecond).toFixed(3)}`,
  );
  console.log(`checks: ${review.submitted}/${WARMUP_MEMBERS + MEMBERS} reviews submitted, ${review.apiCalls} fake API calls`);
  const met = review.perSecond >= 2000 && review.p99 < 20;
  console.log(`goal (>= 2,000 steps/s, p99 < 20 ms): ${met ? "met" : "NOT met"}`);
}
