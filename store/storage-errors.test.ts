import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { connectionOf, onEveryConnection } from "./client";
import { applyMigrations } from "./migrate";
import { createOrganization } from "./orgs";
import { assertWritable, storageProblemOf } from "./storage-errors";

const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-storage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("storage failures by kind", () => {
  it.each([
    ["SQLITE_FULL", "full"],
    ["ENOSPC", "full"],
    ["SQLITE_READONLY", "read-only"],
    ["SQLITE_READONLY_DBMOVED", "read-only"],
    ["EACCES", "read-only"],
    ["EROFS", "read-only"],
    ["SQLITE_CANTOPEN", "cannot-open"],
    ["ENOTDIR", "cannot-open"],
    ["SQLITE_NOTADB", "not-a-database"],
    ["SQLITE_CORRUPT", "not-a-database"],
  ])("%s is %s", (code, problem) => {
    expect(storageProblemOf(Object.assign(new Error("x"), { code }))).toBe(problem);
    expect(storageProblemOf(new Error("wrapped", { cause: Object.assign(new Error("x"), { code }) }))).toBe(problem);
  });

  it("an error that lost its code is known by SQLite's wording (as a dialog's failed step comes back)", () => {
    expect(storageProblemOf(new Error("Invalid `tx.organization.create()` invocation:\n\ndatabase or disk is full"))).toBe("full");
    expect(storageProblemOf(new Error("attempt to write a readonly database"))).toBe("read-only");
  });

  it("other errors are not storage failures", () => {
    for (const error of [
      new Error("x"),
      Object.assign(new Error("x"), { code: "P2002" }),
      { code: "SQLITE_FULLNESS" },
      null,
      "SQLITE_FULL",
    ]) {
      expect(storageProblemOf(error)).toBeNull();
    }
  });

  it("a real full database is recognised through Prisma", async () => {
    const { db, cleanup } = await freshDb();
    try {
      await onEveryConnection(db, `PRAGMA max_page_count = ${connectionOf(db).pragma("page_count", { simple: true })}`);
      const error = await createOrganization(db, { name: "x".repeat(100_000), kind: "branch" }, null, new Date()).catch((e) => e);
      expect(storageProblemOf(error)).toBe("full");
    } finally {
      await cleanup();
    }
  });

  it("a database that opens but cannot be written is refused at start, not at the first save", () => {
    const file = path.join(dir, "ro.db");
    applyMigrations(`file:${file}`);
    const readOnly = new Database(file, { readonly: true }); // as a read-only file or mount would open it
    try {
      expect(() => assertWritable(readOnly)).toThrow(expect.objectContaining({ code: "SQLITE_READONLY" }));
    } finally {
      readOnly.close();
    }
  });
});
