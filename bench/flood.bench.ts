// One account floods while another asks for /help: the other user's reply time (goal p99 < 1 s) and what became
// of the flood. The real bot through the e2e harness (whatever update loop it runs) against the local emulator on
// 127.0.0.1, in this process. Bounded: FLOOD messages, HELPS questions, every wait capped.
import { PEOPLE_RATE_LIMIT } from "../bot/rate-limit";
import { startHarness } from "../test/support/bot-harness";

const FLOOD = Number(process.env.BENCH_FLOOD ?? 1000);
const HELPS = Number(process.env.BENCH_HELPS ?? 20);
const HELP_GAP_MS = 100;
const REPLY_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 120_000;
const FLOODER = 910_001;
const BYSTANDER = 910_002;
/** Telegram's overall limit of a bot's messages: the flood's answers spend the budget everyone shares. */
const TELEGRAM_LIMIT = { perSecond: 30, retryAfter: 1 };

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const h = await startHarness({ telegramLimit: TELEGRAM_LIMIT, rateLimit: PEOPLE_RATE_LIMIT });
  try {
    const flooder = h.user(FLOODER);
    const bystander = h.user(BYSTANDER, { languageCode: "en" });
    const started = performance.now();
    for (let i = 0; i < FLOOD; i++) await flooder.send(`spam ${i}`);

    const latencies: number[] = [];
    let unanswered = 0;
    for (let i = 0; i < HELPS; i++) {
      const t0 = performance.now();
      await bystander.send("/help");
      const reply = await bystander.waitForMessage(undefined, REPLY_TIMEOUT_MS).catch(() => null);
      if (reply) latencies.push(performance.now() - t0);
      else unanswered++;
      await pause(HELP_GAP_MS);
    }

    const drained = await flooder.waitForIdle(500, DRAIN_TIMEOUT_MS).then(
      () => true,
      () => false,
    );
    const seconds = (performance.now() - started) / 1000;
    const answered = h.emulator.sent.filter((m) => m.chatId === FLOODER).length;
    const sorted = latencies.sort((a, b) => a - b);
    console.log(
      `flood: ${FLOOD} messages from one account, ${HELPS} × /help from another (${HELP_GAP_MS} ms apart), real bot via the e2e harness, emulator refusing over ${TELEGRAM_LIMIT.perSecond} messages/s`,
    );
    console.log(
      `/help reply time: p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms; unanswered within ${REPLY_TIMEOUT_MS / 1000} s: ${unanswered}`,
    );
    console.log(
      `flood: ${answered} bot messages to the flooder for ${FLOOD} updates (${Math.max(0, FLOOD - answered)} without an answer); ${drained ? "drained" : "NOT drained"} after ${seconds.toFixed(1)} s`,
    );
    const met = unanswered === 0 && percentile(sorted, 0.99) < 1000;
    console.log(`goal (/help p99 < 1 s while flooded): ${met ? "met" : "NOT met"}`);
  } finally {
    await h.stop();
  }
}
