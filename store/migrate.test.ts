import { execFileSync, spawn } from "node:child_process";
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
