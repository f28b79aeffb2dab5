import { afterEach, beforeEach, expect, it } from "vitest";
import { z } from "zod";
import { freshDb } from "../../test/support/db";
import type { Db } from "../client";
import { flag, instant, optionalText, query, statement, text, tupleQuery } from ".";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

it("rows are decoded at the boundary: instants as ISO strings, 0/1 as booleans", () => {
  const row = query(db, "SELECT '2026-12-01T00:00:00.000+00:00' AS at, 1 AS yes, NULL AS missing",
    z.object({ at: instant, yes: flag, missing: optionalText })).get();
  expect(row).toEqual({ at: "2026-12-01T00:00:00.000Z", yes: true, missing: null });
  expect(tupleQuery(db, "SELECT 1733011200000, 0", z.tuple([instant, flag])).all()).toEqual([["2024-12-01T00:00:00.000Z", false]]);
});

it("a row of another shape is refused by column and type, without its values", () => {
  statement(db, `INSERT INTO "ConversationState" ("key", "value", "updatedAt") VALUES ('k', 'secret text', '2026-12-01T00:00:00.000+00:00')`).run();
  const select = query(db, 'SELECT "value" FROM "ConversationState"', z.object({ value: z.number() }));
  expect(() => select.get()).toThrow(/unexpected row from SQLite for SELECT "value".*value/s);
  expect(() => select.get()).not.toThrow(/secret text/);
  expect(() => query(db, "SELECT 2 AS yes", z.object({ yes: flag })).get()).toThrow(/yes/);
  expect(() => query(db, "SELECT 'soon' AS at", z.object({ at: instant })).get()).toThrow(/not an instant/);
  expect(() => query(db, "SELECT NULL AS t", z.object({ t: text })).get()).toThrow(/unexpected row/);
});
