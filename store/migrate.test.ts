import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";

const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables, columns, indexes as SQLite reports them: what both ways of building a schema must agree on. */
function schemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name")
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

describe("migrations", () => {
  it("produce the same schema as `prisma db push` of schema.prisma (no drift)", () => {
    const migrated = path.join(dir, "migrated.db");
    const pushed = path.join(dir, "pushed.db");
    expect(applyMigrations(`file:${migrated}`).length).toBeGreaterThan(0);
    execFileSync("npx", ["prisma", "db", "push", "--skip-generate"], {
      env: { ...process.env, DATABASE_URL: `file:${pushed}` },
      stdio: "pipe",
    });
    const expected = schemaOf(pushed);
    expect(expected.length).toBeGreaterThan(10);
    expect(schemaOf(migrated)).toEqual(expected);
  }, 60_000);

  it("are applied once: a second run applies nothing", () => {
    const file = `file:${path.join(dir, "twice.db")}`;
    applyMigrations(file);
    expect(applyMigrations(file)).toEqual([]);
  });

  it("are recognised by `prisma migrate deploy` (same bookkeeping table)", () => {
    const file = path.join(dir, "deploy.db");
    applyMigrations(`file:${file}`);
    const out = execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(out).toContain("No pending migrations");
  }, 60_000);
});
