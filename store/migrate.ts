import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabaseFiles } from "./private-files";
import { assertWritable } from "./storage-errors";

/** The embedded database when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/bot.db";

/**
 * Applies prisma/migrations in process, recording them in Prisma's own `_prisma_migrations` table
 * (same checksum), so `prisma migrate deploy` and this function agree about what has been applied.
 * In process because the bot migrates at every start and tests create many fresh databases.
 */
export function applyMigrations(databaseUrl: string, migrationsDir = defaultMigrationsDir()): string[] {
  const file = sqliteFilePath(databaseUrl);
  if (file !== ":memory:") prepareDatabaseFiles(file);
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(MIGRATIONS_TABLE);
    const known = new Map(
      listMigrations(migrationsDir).map((name) => [name, readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")]),
    );
    const applied = sqlite
      .prepare("SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as AppliedMigration[];
    refuseUnknownMigrations(file, applied, known);
    const appliedNames = new Set(applied.map((m) => m.name));
    const pending = [...known.keys()].filter((name) => !appliedNames.has(name));
    for (const name of pending) {
      const sql = known.get(name)!;
      const startedAt = new Date().toISOString();
      sqlite.transaction(() => {
        sqlite.exec(sql);
        sqlite
          .prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, ?, 1)`,
          )
          .run(randomUUID(), checksumOf(sql), new Date().toISOString(), name, startedAt);
      })();
    }
    assertWritable(sqlite);
    return pending;
  } finally {
    sqlite.close();
  }
}

type AppliedMigration = { name: string; checksum: string };

/** The database was migrated by code this version does not have: starting would run on a schema nobody tested. */
export class UnknownMigrationError extends Error {}

/** Prisma's checksum of a migration: the SHA-256 of its SQL. */
function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** A newer version's migration, or one whose SQL changed after it was applied: refuse, in one sentence. */
function refuseUnknownMigrations(file: string, applied: AppliedMigration[], known: Map<string, string>): void {
  for (const { name, checksum } of applied) {
    const sql = known.get(name);
    if (sql === undefined) {
      throw new UnknownMigrationError(
        `The database ${file} was migrated by a newer version of the bot (migration ${name} is unknown here): ` +
          "run that version, or restore a backup made before it.",
      );
    }
    if (checksumOf(sql) !== checksum) {
      throw new UnknownMigrationError(
        `Migration ${name} was changed after it was applied to the database ${file}: restore its migration.sql as ` +
          "it was applied, and put the change in a new migration.",
      );
    }
  }
}

/** `file:./data/bot.db` → `./data/bot.db` (relative to the working directory, as Prisma resolves it). */
export function sqliteFilePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${databaseUrl}"`);
  return databaseUrl.slice("file:".length).split("?")[0];
}

function defaultMigrationsDir(): string {
  return path.resolve(import.meta.dirname, "..", "prisma", "migrations");
}

function listMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
