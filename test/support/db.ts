import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../store/client";
import { applyMigrations } from "../../store/migrate";

/** A real SQLite file with the migrations applied, as in production. */
export async function freshDb(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  applyMigrations(url);
  const db = await openDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
