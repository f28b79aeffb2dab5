import { describe, expect, it } from "vitest";
import { ConfigError } from "./config";
import { UnknownMigrationError } from "../store/migrate";
import { exitOnStartupFailure } from "./startup-failure";

/** Runs the entry points' last word with a console and an exit that only record. */
function lastWord(error: unknown, env: Record<string, string | undefined> = { DATABASE_URL: "file:./data/bot.db" }) {
  const lines: unknown[] = [];
  let code: number | undefined;
  const exit = ((c: number) => {
    code = c;
  }) as (c: number) => never;
  exitOnStartupFailure(error, env, { error: (line) => lines.push(line), exit });
  return { lines, code };
}

const sqliteError = (code: string) => Object.assign(new Error("SQLite says"), { code, name: "SqliteError" });

describe("a start that fails says why in one sentence and exits non-zero", () => {
  it.each([
    ["SQLITE_READONLY", /^The database \.\/data\/bot\.db cannot be written \(a read-only file, directory or disk\)/],
    ["SQLITE_FULL", /^The disk holding the database \.\/data\/bot\.db is full/],
    ["SQLITE_CANTOPEN", /^The database \.\/data\/bot\.db cannot be opened or created/],
    ["EACCES", /cannot be written/],
    ["SQLITE_NOTADB", /is not a usable SQLite database/],
  ])("%s", (code, sentence) => {
    const { lines, code: exitCode } = lastWord(sqliteError(code));
    expect(exitCode).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(sentence);
    expect(String(lines[0])).not.toContain("\n");
  });

  it("names the default database when DATABASE_URL is not set", () => {
    expect(lastWord(sqliteError("SQLITE_FULL"), {}).lines[0]).toContain("./data/bot.db");
  });

  it("unknown migrations and configuration errors keep their own sentence", () => {
    expect(lastWord(new UnknownMigrationError("The database x was migrated by a newer version."))).toEqual({
      lines: ["The database x was migrated by a newer version."],
      code: 3,
    });
    expect(lastWord(new ConfigError("BOT_TOKEN is not set."))).toEqual({ lines: ["BOT_TOKEN is not set."], code: 2 });
  });

  it("an unforeseen error is shown as it is", () => {
    const error = new TypeError("boom");
    expect(lastWord(error)).toEqual({ lines: [error], code: 1 });
  });
});
