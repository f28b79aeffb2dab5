// `npm start`'s two steps (scripts/migrate.ts, then bot/main.ts) against a database they cannot use: one sentence
// on the console, a non-zero exit, no stack trace, nothing changed.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../store/migrate";
import { TEST_TOKEN } from "../support/bot-harness";

const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A database whose last migration came from a newer version of the bot. */
function databaseFromTheFuture(name: string): string {
  const migrations = path.join(dir, `${name}-migrations`);
  cpSync(path.resolve("prisma/migrations"), migrations, { recursive: true });
  mkdirSync(path.join(migrations, "29991231000000_later"));
  writeFileSync(path.join(migrations, "29991231000000_later", "migration.sql"), 'CREATE TABLE "Later" ("id" TEXT NOT NULL PRIMARY KEY);\n');
  const file = path.join(dir, `${name}.db`);
  applyMigrations(`file:${file}`, migrations);
  return `file:${file}`;
}

describe("a database the bot cannot use stops the start with one sentence", () => {
  const notADirectory = path.join(dir, "a-file");
  writeFileSync(notADirectory, "");
  const cases = [
    {
      what: "a directory that cannot be made",
      url: `file:${path.join(notADirectory, "data", "bot.db")}`,
      sentence: /cannot be opened or created: check that DATABASE_URL/,
    },
    {
      what: "migrations from a newer version",
      url: "",
      sentence: /was migrated by a newer version of the bot \(migration 29991231000000_later is unknown here\)/,
    },
  ];
  for (const script of ["scripts/migrate.ts", "bot/main.ts"]) {
    for (const c of cases) {
      it(`${script}: ${c.what}`, async () => {
        const { code, output } = await run(script, c.url || databaseFromTheFuture(path.basename(script, ".ts")));
        expect(code).toBe(3);
        expect(output).toMatch(c.sentence);
        expect(output.trim().split("\n")).toHaveLength(1);
        expect(output).not.toMatch(/\n\s+at /);
      }, 30_000);
    }
  }
});
