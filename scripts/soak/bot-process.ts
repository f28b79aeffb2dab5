// The bot as `npm start` runs it (bot/main.ts in its own process, configured by environment only), started,
// SIGKILLed and stopped by the soak. What it writes to its console is kept (the tail is shown if it dies alone).
import { spawn, type ChildProcess } from "node:child_process";
import type { BotApiEmulator } from "../../test/emulator/bot-api-emulator";
import { TEST_TOKEN } from "../../test/support/bot-harness";

const ROOT = new URL("../../", import.meta.url).pathname;
const OUTPUT_KEPT = 20_000;

export type BotProcess = {
  /** Resolves when the bot asks the emulator for updates (it is polling, and handling what the last run left). */
  ready(timeoutMs: number): Promise<boolean>;
  kill(): Promise<void>;
  /** SIGTERM, as a deployment stops it; resolves with the exit code. */
  terminate(timeoutMs: number): Promise<number | null>;
  /** Lines it logged at level warn or above (ids and counts only: the bot never logs texts). */
  problems(): string[];
  /** True when it exited without the soak asking (a crash). */
  diedAlone(): boolean;
  output(): string;
};

export function startBot(emulator: BotApiEmulator, databaseUrl: string): BotProcess {
  let output = "";
  let asked = false;
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
  const child: ChildProcess = spawn(process.execPath, ["--no-allocation-site-pretenuring", "--import", "tsx", "bot/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let seen = emulator.calls.length; // calls before this run are not this process's
  const polling = () => {
    for (; seen < emulator.calls.length; seen++) if (emulator.calls[seen].method === "getUpdates") return true;
    return false;
  };

  return {
    async ready(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!polling()) {
        if (child.exitCode !== null || Date.now() > until) return false;
        await sleep(10);
      }
      return true;
    },
    async kill() {
      asked = true;
      child.kill("SIGKILL");
      await exited;
    },
    async terminate(timeoutMs) {
      asked = true;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    diedAlone: () => child.exitCode !== null && !asked,
    output: () => output,
    problems: () => output.split("\n").filter((line) => /"level":(40|50|60)/.test(line)),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
