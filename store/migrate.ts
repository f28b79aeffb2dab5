import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabaseFiles } from "./private-files";

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
    const applied = new Set(
      sqlite
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const pending = listMigrations(migrationsDir).filter((name) => !applied.has(name));
    for (const name of pending) {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const startedAt = new Date().toISOString();
      sqlite.transaction(() => {
        sqlite.exec(sql);
        sqlite
          .prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, ?, 1)`,
          )
          .run(randomUUID(), createHash("sha256").update(sql).digest("hex"), new Date().toISOString(), name, startedAt);
      })();
    }
    return pending;
  } finally {
    sqlite.close();
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
