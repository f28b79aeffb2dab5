import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "./client";
import { applyMigrations } from "./migrate";
import { createOrganization } from "./orgs";

const root = mkdtempSync(path.join(tmpdir(), "kiemdiem-modes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("database files are readable by the bot's own user only", () => {
  it("a new database, its WAL and SHM files are created 0600 in a 0700 directory, whatever the umask", async () => {
    const previous = process.umask(0o022);
    try {
      const file = path.join(root, "new", "data", "bot.db");
      applyMigrations(`file:${file}`);
      const db = await openDb(`file:${file}`);
      await createOrganization(db, { name: "Chi bộ A", kind: "branch" }, null, new Date());
      expect(modeOf(path.dirname(file))).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, modeOf(f)]).toEqual([f, 0o600]);
      await db.$disconnect();
    } finally {
      process.umask(previous);
    }
  });

  it("existing files left readable by everyone (an older version's) are made 0600 at start", () => {
    const file = path.join(root, "old.db");
    applyMigrations(`file:${file}`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(f, "", { flag: "a" });
      chmodSync(f, 0o644);
    }
    applyMigrations(`file:${file}`);
    for (const f of [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f))) {
      expect([f, modeOf(f)]).toEqual([f, 0o600]);
    }
    expect(modeOf(file)).toBe(0o600);
  });
});
