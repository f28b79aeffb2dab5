// The Bot API emulator in its own thread for the benchmarks: its HTTP work then does not delay the bot's timers
// (the throttler's heartbeat), as a real Telegram server would not.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { BotApiEmulator } from "../test/emulator/bot-api-emulator";
import type { RateLimitOptions } from "../test/emulator/rate-limiter";

type Summary = { delivered: number; distinctChats: number; rejected429: number; firstAt: number; lastAt: number; perSecond: number[] };

if (!isMainThread && workerData?.role === "bench-emulator") {
  const emulator = await BotApiEmulator.start({ rateLimit: workerData.rateLimit as RateLimitOptions });
  const arrivals: number[] = [];
  emulator.onBotMessage(() => arrivals.push(performance.timeOrigin + performance.now()));
  parentPort!.on("message", async (message: { type: string; chats?: number[] }) => {
    if (message.type === "users") {
      for (const chat of message.chats!) emulator.user(chat);
      parentPort!.postMessage({ type: "users-ready" });
    } else if (message.type === "summary") {
      const stats = emulator.stats();
      const summary: Summary = {
        delivered: emulator.sent.length,
        distinctChats: new Set(emulator.sent.map((m) => m.chatId)).size,
        rejected429: stats.rejected429,
        firstAt: arrivals[0] ?? 0,
        lastAt: arrivals.at(-1) ?? 0,
        perSecond: stats.perSecond.map((s) => s.sendMessage),
      };
      await emulator.stop();
      parentPort!.postMessage({ type: "summary", summary });
    }
  });
  parentPort!.postMessage({ type: "ready", apiRoot: emulator.apiRoot });
}

/** Starts the emulator in a worker thread; `summary()` stops it and returns what it received. */
export async function startEmulatorThread(rateLimit: RateLimitOptions) {
  // A worker does not inherit tsx's loader: register it, then load this file as TypeScript.
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { role: "bench-emulator", rateLimit } });
  const next = (type: string) =>
    new Promise<unknown>((resolve) => {
      const listener = (message: { type: string }) => {
        if (message.type !== type) return;
        worker.off("message", listener);
        resolve(message);
      };
      worker.on("message", listener);
    });
  const { apiRoot } = (await next("ready")) as { apiRoot: string };
  return {
    apiRoot,
    async addUsers(chats: number[]) {
      const ready = next("users-ready");
      worker.postMessage({ type: "users", chats });
      await ready;
    },
    async summary(): Promise<Summary> {
      const done = next("summary");
      worker.postMessage({ type: "summary" });
      const { summary } = (await done) as { summary: Summary };
      await worker.terminate();
      return summary;
    },
  };
}
