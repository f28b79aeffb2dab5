// `npm run soak` (not a test): the real bot, as `npm start` runs it, SIGKILLed at random moments while many members
// write their self-reviews through the local Bot API emulator (127.0.0.1), then restarted once more to drain. Prints
// acknowledged answers lost, updates never handled and duplicates applied (goal 0 each); exits 1 otherwise.
// Settings: SOAK_KILLS (25), SOAK_CHATS (40 writing at once, each at a person's pace), SOAK_MEMBERS (200), SOAK_TIME_LIMIT_S (300).
import { BotApiEmulator } from "../../test/emulator/bot-api-emulator";
import { TEST_TOKEN } from "../../test/support/bot-harness";
import { sleep, startBot, type BotProcess } from "./bot-process";
import { failedUpdateIds, figuresOf, passed, report } from "./figures";
import { createSoakDatabase } from "./soak-database";
import { startWriters } from "./writers";

const KILLS = Number(process.env.SOAK_KILLS ?? 25);
const CHATS = Number(process.env.SOAK_CHATS ?? 40);
const MEMBERS = Number(process.env.SOAK_MEMBERS ?? 200);
const TIME_LIMIT_MS = Number(process.env.SOAK_TIME_LIMIT_S ?? 300) * 1000;
const FIRST_USER = 810_000;
const READY_TIMEOUT_MS = 60_000;
const ACK_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 60_000;

const startedAt = Date.now();
const userIds = Array.from({ length: MEMBERS }, (_, i) => FIRST_USER + i);
const database = await createSoakDatabase(userIds);
const emulator = await BotApiEmulator.start();
let bot: BotProcess | undefined;
let kills = 0;
let crashes = 0;
process.once("SIGINT", () => {
  // interrupted: no bot left behind, no temp files
  void (bot?.kill() ?? Promise.resolve()).finally(() => {
    database.remove();
    process.exit(130);
  });
});
const problems: string[] = []; // what the bot logged as warnings or errors, run after run
const inFlightAtKills = { inbox: 0, telegram: 0 }; // evidence that the kills hit work in progress

/** Updates Telegram still holds for the bot (not confirmed by a later getUpdates), as Telegram itself tells it. */
async function backlog(): Promise<number> {
  const response = await fetch(`${emulator.apiRoot}/bot${TEST_TOKEN}/getWebhookInfo`);
  return ((await response.json()) as { result: { pending_update_count: number } }).result.pending_update_count;
}

/** A fresh bot process, polling; a process that died by itself is counted and replaced. */
async function launch(): Promise<BotProcess> {
  for (;;) {
    const next = (bot = startBot(emulator, database.url)); // known at once, so an interrupt can kill it
    if (await next.ready(READY_TIMEOUT_MS)) return next;
    crashes++;
    console.error(`soak: the bot did not start:\n${next.output().slice(-2000)}`);
    await next.kill();
    if (Date.now() - startedAt > TIME_LIMIT_MS) throw new Error("the bot does not start");
  }
}

try {
  const writers = startWriters(emulator, { userIds, concurrency: CHATS, ackTimeoutMs: ACK_TIMEOUT_MS, partBudget: 1_200 });
  while (kills < KILLS && Date.now() - startedAt < TIME_LIMIT_MS) {
    bot = await launch();
    await sleep(200 + Math.random() * 1300);
    if (bot.diedAlone()) {
      crashes++;
      console.error(`soak: the bot exited by itself:\n${bot.output().slice(-2000)}`);
      continue;
    }
    await bot.kill();
    kills++;
    problems.push(...bot.problems());
    inFlightAtKills.inbox += await database.unhandledInbox();
    inFlightAtKills.telegram += await backlog();
  }
  // The last run: no new messages, every chat's last one answered, nothing left at Telegram; then a clean stop.
  bot = await launch();
  writers.stopSending();
  await Promise.race([writers.done, sleep(DRAIN_TIMEOUT_MS)]);
  const drainUntil = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await backlog()) > 0 && Date.now() < drainUntil) await sleep(50);
  const exitCode = await bot.terminate(10_000);
  if (exitCode !== 0) console.error(`soak: the bot's clean stop exited with ${exitCode}:\n${bot.output().slice(-2000)}`);
  problems.push(...bot.problems());
  if (problems.length > 0)
    console.error(`soak: the bot logged ${problems.length} warnings or errors:\n${problems.slice(0, 20).join("\n")}`);
  const figures = figuresOf(writers.records(), await database.read(), await backlog(), failedUpdateIds(problems).size);
  console.log(report(figures, { ...writers.totals(), kills, crashes, inFlightAtKills, seconds: (Date.now() - startedAt) / 1000 }));
  if (kills < KILLS) console.log(`soak: stopped by the time limit after ${kills} of ${KILLS} kills`);
  process.exitCode = passed(figures) && kills >= KILLS ? 0 : 1;
} finally {
  await bot?.kill();
  await emulator.stop();
  database.remove();
}
process.exit(); // bounded: nothing the soak started may keep it alive
