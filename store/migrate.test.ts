import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, UnknownMigrationError } from "./migrate";

const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables, columns, indexes as SQLite reports them: what both ways of building a schema must agree on. */
function schemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    return tables.map(({ name }) => ({
      name,
      columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
      indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number }>)
        .map((index) => ({ unique: index.unique, columns: db.prepare(`PRAGMA index_info("${index.name}")`).all() }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
    }));
  } finally {
    db.close();
  }
}

/**
 * `prisma db push` on a fresh file. Prisma 6.19's CLI with the JS engine finishes its work in well under a
 * second but then keeps its process alive for a minute here, so we wait for its success line and end it.
 */
function prismaDbPush(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = path.resolve("node_modules/prisma/build/index.js"); // not npx: the kill must reach Prisma itself
    const child = spawn(process.execPath, [cli, "db", "push", "--skip-generate"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("in sync with your Prisma schema")) {
        child.kill();
        resolve();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => reject(new Error(`prisma db push exited (${code}) without success:\n${output}`)));
  });
}

describe("migrations", () => {
  it("produce the same schema as `prisma db push` of schema.prisma (no drift)", async () => {
    const migrated = path.join(dir, "migrated.db");
    const pushed = path.join(dir, "pushed.db");
    expect(applyMigrations(`file:${migrated}`).length).toBeGreaterThan(0);
    await prismaDbPush(pushed);
    const expected = schemaOf(pushed);
    expect(expected.length).toBeGreaterThan(10);
    expect(schemaOf(migrated)).toEqual(expected);
  }, 60_000);

  it("are applied once: a second run applies nothing", () => {
    const file = `file:${path.join(dir, "twice.db")}`;
    applyMigrations(file);
    expect(applyMigrations(file)).toEqual([]);
  });

  it("are recognised by `prisma migrate deploy` (same bookkeeping table, same checksums both ways)", () => {
    const file = path.join(dir, "deploy.db");
    applyMigrations(`file:${file}`);
    const deploy = (url: string) =>
      execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(deploy(`file:${file}`)).toContain("No pending migrations");
    const deployed = path.join(dir, "deployed-by-prisma.db");
    deploy(`file:${deployed}`);
    expect(applyMigrations(`file:${deployed}`)).toEqual([]);
  }, 60_000);

  describe("a database holding migrations this code does not know is refused before anything changes", () => {
    /** A copy of prisma/migrations that a test may change. */
    function migrationsCopy(name: string): string {
      const copy = path.join(dir, name);
      cpSync(path.resolve("prisma/migrations"), copy, { recursive: true });
      return copy;
    }
    const rowsOf = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name").all();
      } finally {
        db.close();
      }
    };

    it("a newer version's migration", () => {
      const newer = migrationsCopy("newer");
      mkdirSync(path.join(newer, "29991231000000_from_the_future"));
      writeFileSync(
        path.join(newer, "29991231000000_from_the_future", "migration.sql"),
        'CREATE TABLE "Future" ("id" TEXT NOT NULL PRIMARY KEY);\n',
      );
      const file = path.join(dir, "newer.db");
      applyMigrations(`file:${file}`, newer);
      const before = rowsOf(file);
      expect(() => applyMigrations(`file:${file}`)).toThrow(UnknownMigrationError);
      expect(() => applyMigrations(`file:${file}`)).toThrow(
        /migrated by a newer version of the bot \(migration 29991231000000_from_the_future is unknown here\)/,
      );
      expect(rowsOf(file)).toEqual(before);
    });

    it("an applied migration whose file was edited since", () => {
      const edited = migrationsCopy("edited");
      const file = path.join(dir, "edited.db");
      applyMigrations(`file:${file}`);
      appendFileSync(path.join(edited, "20261127000000_init", "migration.sql"), "\n-- tidied up\n");
      expect(() => applyMigrations(`file:${file}`, edited)).toThrow(/Migration 20261127000000_init was changed after it was applied/);
    });
  });
});
