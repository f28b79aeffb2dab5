// The database holds review texts and ballot counts: its files are for the bot's own user only (0600), never
// readable by the other local accounts that a default umask of 022 would let in.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

export const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

/** Every file this process creates from now on is owner-only (the WAL and SHM files SQLite makes, exports). */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}

/** The database file and the files SQLite keeps beside it. */
export function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/**
 * Creates the database file owner-only if it is new (SQLite then gives its WAL and SHM files the same mode), and
 * makes existing ones owner-only: a database created by an older version keeps no wider access.
 */
export function prepareDatabaseFiles(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  closeSync(openSync(file, "a", OWNER_ONLY_FILE));
  for (const existing of databaseFiles(file).filter(existsSync)) chmodSync(existing, OWNER_ONLY_FILE);
}
