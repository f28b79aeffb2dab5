// Kept apart from ./db.ts: scripts and benchmarks use freshDb outside vitest, where importing vitest throws.
import { afterEach, beforeEach } from "vitest";
import type { Db } from "../../store/client";
import { freshDb } from "./db";

/** A fresh database for each test of the file (the hooks are registered here), handed to `use` before each test. */
export function freshDbForEachTest(use: (db: Db) => void): void {
  let database: Awaited<ReturnType<typeof freshDb>>;
  beforeEach(async () => {
    database = await freshDb();
    use(database.db);
  });
  afterEach(async () => database.cleanup());
}
