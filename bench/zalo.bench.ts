// Issue 14: persisted self-review steps per second through the Zalo channel, as a ratio of the same work on the
// Telegram path (bench/self-review.bench.ts, same members, steps and concurrency). On Zalo every step is a Zalo
// update taken in by the channel (its event mark and its translation committed with the inbox row), every button a
// reply with the number of that button in the chat's stored menu, and every answer a Zalo send (numbered menu, split
// text). Goal: ratio >= 0.8.
// Why rounds: the machine this runs on is shared, and a load that changes over seconds made one Telegram run
// followed by one Zalo run read anywhere from 0.5 to 1.0. Both paths are built first, warmed up, then measured in
// short rounds that alternate (T Z, Z T, T Z …), so a load that rises or falls during the run weighs on both alike;
// the ratio is the median of the rounds' ratios, and the CPU time per step (which another process's load hardly
// changes) is printed beside it.
import { availableParallelism, loadavg } from "node:os";
import type { StepButton } from "../bot/kit/buttons";
import { zaloNumber } from "../bot/zalo/ids";
import type { ZaloUpdate } from "../bot/zalo/zalo-types";
import { stepButtonData } from "../conversations/self-review-buttons";
import { REVIEW_PARTS } from "../domain/self-review-parts";
import type { Db } from "../store/client";
import { zaloMenuOf } from "../store/zalo";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { inProcessBot } from "./in-process-bot";
import {
  ANSWER,
  CONCURRENT_CHATS,
  feed,
  line,
  MEMBERS,
  type ReviewWorld,
  type Stats,
  telegramReviewWorld,
  WARMUP_MEMBERS,
} from "./self-review.bench";

/** Measured rounds per path; MEMBERS are shared out among them (short rounds: the load changes within seconds). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
/** Members whose steps are not measured, per path, fed alternately in two halves (the first round ran slower). */
const WARMUP = 2 * WARMUP_MEMBERS;

type Typed = () => ZaloUpdate;

/** The Zalo update of a member typing `text`; message ids are unique per run, as Zalo's are. */
function typed(zaloId: string, text: string, nextId: () => number): ZaloUpdate {
  const from = { id: zaloId, display_name: zaloId, is_bot: false };
  const message = { message_id: `m${nextId().toString(16)}`, date: Date.now(), from, chat: { id: zaloId, chat_type: "PRIVATE" }, text };
  return { event_name: "message.text.received", message };
}

/** The same steps as the Telegram run; a press is typed as its number in the chat's menu at that moment. */
function memberScript(db: Db, accountId: number, nextId: () => number): Typed[] {
  const zaloId = `zalo-bench-${accountId}`;
  const say =
    (text: string): Typed =>
    () =>
      typed(zaloId, text, nextId);
  const press =
    (button: StepButton): Typed =>
    () => {
      const options = zaloMenuOf(db, accountId)?.options ?? [];
      const at = options.indexOf(stepButtonData(button));
      if (at < 0) throw new Error(`no ${JSON.stringify(button)} in the menu of account ${accountId}`);
      return typed(zaloId, String(at + 1), nextId);
    };
  const steps: Typed[] = [say("/review")];
  for (const part of REVIEW_PARTS) {
    if (part === "rating") steps.push(press({ kind: "rate", level: "L2" }));
    else steps.push(say(`${part}: ${ANSWER}`), press({ kind: "done", part }));
  }
  steps.push(press({ kind: "confirm" }));
  return steps;
}

/** A seeded branch of `total` members who each reached the bot on Zalo (account i is the roster's user 2^52 + i). */
async function zaloReviewWorld(total: number): Promise<ReviewWorld<Typed>> {
  const database = await freshDb();
  const { db } = database;
  const accounts = Array.from({ length: total }, (_, i) => i + 1);
  for (const id of accounts) await db.zaloAccount.create({ data: { id, zaloId: `zalo-bench-${id}`, createdAt: new Date() } });
  const members = accounts.map((id) => ({ fullName: `Đảng viên ${id}`, kind: "official" as const, telegramId: zaloNumber(id) }));
  const { periodId } = await seedBranch(db, {
    members,
    selfReviewDeadline: "2099-12-20T16:59:59.000Z",
    reportDeadline: "2099-12-30T16:59:59.000Z",
  });
  const { zaloStep, apiCalls } = inProcessBot(db, { zalo: true });
  let messageId = 1;
  return {
    scripts: accounts.map((id) => memberScript(db, id, () => messageId++)),
    step: (next) => zaloStep(next()),
    submitted: () => db.selfReview.count({ where: { periodId, submittedAt: { not: null } } }),
    apiCalls,
    cleanup: database.cleanup,
  };
}

type Round = { telegram: Stats; zalo: Stats; ratio: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The rounds of one path as one run: every step, the time of every round added up. */
function together(rounds: Stats[]): Stats {
  const count = rounds.reduce((sum, r) => sum + r.count, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const latencies = rounds.flatMap((r) => r.latenciesMs ?? []).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const cpu = rounds.reduce((sum, r) => sum + (r.cpuMsPerItem ?? 0) * r.count, 0) / count;
  return { count, seconds, perSecond: count / seconds, p50: at(0.5), p99: at(0.99), cpuMsPerItem: cpu };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

export async function run(): Promise<void> {
  const total = WARMUP + MEMBERS;
  const loadBefore = load();
  const telegram = await telegramReviewWorld(total);
  const zalo = await zaloReviewWorld(total);
  for (const half of [0, 1]) {
    const members = <T>(world: ReviewWorld<T>) => world.scripts.slice((half * WARMUP) / 2, ((half + 1) * WARMUP) / 2);
    await feed(telegram.step, members(telegram));
    await feed(zalo.step, members(zalo));
  }
  const perRound = Math.floor(MEMBERS / ROUNDS);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const members = <T>(world: ReviewWorld<T>) => world.scripts.slice(WARMUP + r * perRound, WARMUP + (r + 1) * perRound);
    const onTelegram = () => feed(telegram.step, members(telegram));
    const onZalo = () => feed(zalo.step, members(zalo));
    const [t, z] = r % 2 === 0 ? [await onTelegram(), await onZalo()] : [await onZalo(), await onTelegram()].reverse();
    rounds.push({ telegram: t, zalo: z, ratio: z.perSecond / t.perSecond });
  }
  const measured = ROUNDS * perRound;
  const submitted = { telegram: await telegram.submitted(), zalo: await zalo.submitted() };
  const calls = zalo.apiCalls();
  await telegram.cleanup();
  await zalo.cleanup();

  const steps = rounds[0].telegram.count / perRound;
  console.log(
    `self-review on Zalo vs Telegram: ${measured} members × ${steps} steps per path, in ${ROUNDS} alternating rounds of ${perRound}, after ${WARMUP} each to warm up; ${CONCURRENT_CHATS} chats at a time, real SQLite files`,
  );
  console.log(`machine: ${availableParallelism()} CPUs, load average ${loadBefore} before, ${load()} after (other processes share it)`);
  for (const [i, r] of rounds.entries()) {
    const side = (s: Stats) => `${s.perSecond.toFixed(0).padStart(5)}/s ${(s.cpuMsPerItem ?? 0).toFixed(2)} ms CPU`;
    console.log(
      `  round ${i + 1} (${i % 2 === 0 ? "T Z" : "Z T"}): Telegram ${side(r.telegram)}, Zalo ${side(r.zalo)}: ratio ${r.ratio.toFixed(3)}`,
    );
  }
  const all = { telegram: together(rounds.map((r) => r.telegram)), zalo: together(rounds.map((r) => r.zalo)) };
  console.log(line("Telegram path: persisted steps", all.telegram));
  console.log(line("Zalo channel: persisted steps", all.zalo));
  const ratios = rounds.map((r) => r.ratio);
  const ratio = median(ratios);
  console.log(
    `ratio Zalo / Telegram = ${ratio.toFixed(3)} (median of the rounds; they range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}; all rounds together ${(all.zalo.perSecond / all.telegram.perSecond).toFixed(3)}); CPU per step Telegram / Zalo = ${((all.telegram.cpuMsPerItem ?? 0) / (all.zalo.cpuMsPerItem ?? 1)).toFixed(3)}`,
  );
  console.log(
    `checks: ${submitted.zalo}/${total} reviews submitted on Zalo (${submitted.telegram} on Telegram), ${calls} fake API calls on Zalo`,
  );
  const met = ratio >= 0.8 && submitted.zalo === total && submitted.telegram === total;
  console.log(`goal (Zalo >= 0.8 × Telegram, median of the rounds): ${met ? "met" : "NOT met"}`);
}
