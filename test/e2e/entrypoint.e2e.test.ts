// `npm start`'s process as a deployment runs it: bot/main.ts in a child process, configured by environment only,
// against the local Bot API emulator; long polling and webhook mode, and a clean exit on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../emulator/bot-api-emulator";
import { TEST_TOKEN } from "../support/bot-harness";

let emulator: BotApiEmulator | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function startMain(env: Record<string, string>): { exited: Promise<number | null>; output: () => string } {
  dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-main-"));
  let output = "";
  child = spawn(process.execPath, ["--no-allocation-site-pretenuring", "--import", "tsx", "bot/main.ts"], {
    // as `npm start`
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "bot.db")}`, LOG_LEVEL: "warn", BOT_TOKEN: TEST_TOKEN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
  return { exited, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe("the bot's entry point (npm start)", () => {
  it("without a token, says in one sentence how to get one, and exits", async () => {
    const main = startMain({ BOT_TOKEN: "" });
    expect(await main.exited).toBe(2);
    expect(main.output()).toMatch(/BOT_TOKEN is not set\..*@BotFather.*npm run demo/);
    expect(main.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("long polling: migrates a new database, publishes the menu, answers, and exits cleanly on SIGTERM", async () => {
    emulator = await BotApiEmulator.start();
    const main = startMain({ TELEGRAM_API_ROOT: emulator.apiRoot });
    const user = emulator.user(4242);
    await user.send("/start");
    expect((await user.waitForMessage(undefined, 20_000)).text).toContain("chưa có trong danh sách");
    expect(emulator.calls.some((c) => c.method === "setMyCommands")).toBe(true);
    child!.kill("SIGTERM");
    expect(await main.exited).toBe(0);
  }, 40_000);

  it("webhook mode: Telegram's posts with the secret are answered, a handler's failure ends nothing, a post without it is refused", async () => {
    emulator = await BotApiEmulator.start();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const main = startMain({
      TELEGRAM_API_ROOT: emulator.apiRoot,
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: "secret-of-the-test-1234",
      PORT: String(port),
      HOST: "127.0.0.1",
    });
    // The bot's answer to this user fails with 403 (blocked): logged by update id, and the process goes on.
    const blocker = emulator.user(4344);
    emulator.blockBot(4344);
    await blocker.send("/help");
    const user = emulator.user(4343);
    await user.send("/help");
    expect((await user.waitForMessage(undefined, 20_000)).text).toContain("chưa có trong danh sách");
    const forged = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ update_id: 1 }),
    });
    expect(forged.status).toBe(401);
    expect(main.output()).toMatch(/"updateId":\d+.*Telegram API error|Telegram API error.*"updateId":\d+/);
    expect(main.output()).not.toContain("/help"); // never an update's contents in the log
    child!.kill("SIGTERM");
    expect(await main.exited).toBe(0);
  }, 40_000);
});
