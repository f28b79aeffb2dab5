// Issue 14: persisted self-review steps per second through the Zalo channel, as a ratio of the same run on the
// Telegram path (bench/self-review.bench.ts, same members, steps and concurrency). On Zalo every step is a Zalo
// update taken in by the channel (its event mark and its translation committed with the inbox row), every button a
// reply with the number of that button in the chat's stored menu, and every answer a Zalo send (numbered menu, split
// text). Goal: ratio >= 0.8.
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
import { ANSWER, CONCURRENT_CHATS, feed, line, MEMBERS, selfReviewSteps, type Stats, WARMUP_MEMBERS } from "./self-review.bench";

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

async function zaloSelfReviewSteps(): Promise<Stats & { submitted: number; apiCalls: number }> {
  const database = await freshDb();
  const { db } = database;
  const total = WARMUP_MEMBERS + MEMBERS;
  // Each member already reached the bot on Zalo: account i is bound to the roster's user 2^52 + i.
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
  const scripts = accounts.map((id) => memberScript(db, id, () => messageId++));
  const step = (next: Typed) => zaloStep(next());
  await feed(step, scripts.slice(0, WARMUP_MEMBERS));
  const measured = await feed(step, scripts.slice(WARMUP_MEMBERS));
  const submitted = await db.selfReview.count({ where: { periodId, submittedAt: { not: null } } });
  const calls = apiCalls();
  await database.cleanup();
  return { ...measured, submitted, apiCalls: calls };
}

export async function run(): Promise<void> {
  const telegram = await selfReviewSteps();
  const zalo = await zaloSelfReviewSteps();
  console.log(
    `self-review on Zalo vs Telegram: ${MEMBERS} members × ${zalo.count / MEMBERS} steps, ${CONCURRENT_CHATS} chats at a time, real SQLite file`,
  );
  console.log(line("Telegram path: persisted steps", telegram));
  console.log(line("Zalo channel: persisted steps", zalo));
  const ratio = zalo.perSecond / telegram.perSecond;
  console.log(`ratio Zalo / Telegram = ${ratio.toFixed(3)}`);
  console.log(
    `checks: ${zalo.submitted}/${WARMUP_MEMBERS + MEMBERS} reviews submitted on Zalo (${telegram.submitted} on Telegram), ${zalo.apiCalls} fake API calls`,
  );
  console.log(`goal (Zalo >= 0.8 × Telegram): ${ratio >= 0.8 && zalo.submitted === telegram.submitted ? "met" : "NOT met"}`);
}
