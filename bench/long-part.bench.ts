// A self-review part written in many short messages: the cost of a message must not grow with the messages before
// it in the part (the dialog rewinds after each one, so its replay log stays one message long). One member sends
// MESSAGES messages into part a through the real bot in process; the time of each is printed by slices.
import type { Update } from "grammy/types";
import { SCRIPTED_USERS_RATE_LIMIT } from "../bot/rate-limit";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { textUpdate } from "./fake-telegram";
import { inProcessBot } from "./in-process-bot";

const MESSAGES = Number(process.env.BENCH_PART_MESSAGES ?? 3_000);
const SLICE = MESSAGES / 6;
const USER = 900_001;

export async function run(): Promise<void> {
  const database = await freshDb();
  await seedBranch(database.db, {
    members: [{ fullName: "Đảng viên Một", kind: "official", telegramId: USER }],
    selfReviewDeadline: "2099-12-20T16:59:59.000Z",
  });
  const { step } = inProcessBot(database.db, { rateLimit: SCRIPTED_USERS_RATE_LIMIT }); // one scripted member, far faster than a person
  let updateId = 1;
  await step(textUpdate(updateId++, USER, "/review") as unknown as Update);
  const times: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const t0 = performance.now();
    await step(textUpdate(updateId++, USER, `Ý ${i}.`) as unknown as Update);
    times.push(performance.now() - t0);
  }
  const stored = await database.db.selfReview.findFirstOrThrow({ select: { contentA: true } });
  const state = await database.db.conversationState.findFirstOrThrow({ select: { value: true } });
  await database.cleanup();
  console.log(`long part: ${MESSAGES} messages into one part by one member (real SQLite file, through the inbox)`);
  for (let from = 0; from < MESSAGES; from += SLICE) {
    const slice = times.slice(from, from + SLICE).sort((a, b) => a - b);
    const mean = slice.reduce((sum, t) => sum + t, 0) / slice.length;
    console.log(
      `  messages ${String(from + 1).padStart(5)}–${String(from + slice.length).padEnd(5)} mean ${mean.toFixed(2).padStart(6)} ms   p50 ${slice[Math.floor(slice.length / 2)].toFixed(2).padStart(6)} ms`,
    );
  }
  const lines = stored.contentA?.split("\n").length ?? 0;
  console.log(`checks: ${lines} lines stored in the part, the dialog's stored state is ${state.value.length} characters`);
}
