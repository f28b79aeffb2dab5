// What kind of storage failure an error is, from the code SQLite (through better-sqlite3 or Prisma) or the file
// system gives it: the bot answers users and the operator by kind, never with a stack trace.
import type BetterSqlite3 from "better-sqlite3";

export type StorageProblem = "full" | "read-only" | "cannot-open" | "not-a-database";

/** SQLite's primary result codes (extended codes such as SQLITE_READONLY_DBMOVED start with them) and errno. */
const PROBLEMS: Array<[StorageProblem, string[]]> = [
  ["full", ["SQLITE_FULL", "ENOSPC"]],
  ["read-only", ["SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH", "EROFS", "EACCES", "EPERM"]],
  ["cannot-open", ["SQLITE_CANTOPEN", "ENOTDIR", "EISDIR", "ENOENT"]],
  ["not-a-database", ["SQLITE_NOTADB", "SQLITE_CORRUPT"]],
];

/**
 * SQLite's own wording of each code (sqlite3_errstr), for errors that lost their code on the way: the
 * conversations plugin hands a dialog's failed step back as a plain Error with the message only.
 */
const MESSAGES: Array<[StorageProblem, RegExp]> = [
  ["full", /database or disk is full/],
  ["read-only", /attempt to write a readonly database/],
  ["cannot-open", /unable to open database file/],
  ["not-a-database", /file is not a database|database disk image is malformed/],
];

/** The storage problem behind an error (its cause too), or null when it is something else. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const byCode = typeof code === "string" && PROBLEMS.find(([, codes]) => codes.some((c) => code === c || code.startsWith(`${c}_`)));
    if (byCode) return byCode[0];
    const byMessage = typeof message === "string" && MESSAGES.find(([, wording]) => wording.test(message));
    if (byMessage) return byMessage[0];
  }
  return null;
}

/**
 * One small write at start: a database that opens but cannot be written (a read-only file, a directory
 * where the WAL cannot be made, a read-only connection) fails here, at start, rather than at a member's first save.
 */
export function assertWritable(sqlite: BetterSqlite3.Database): void {
  // Rewriting the header's user_version with its own value: a real write (BEGIN IMMEDIATE alone passes read-only).
  const version = Number(sqlite.pragma("user_version", { simple: true }));
  sqlite.pragma(`user_version = ${version}`);
}
