import { afterEach, beforeEach, expect, it } from "vitest";
import { freshDb } from "../../test/support/db";
import type { Db } from "../client";
import { flag, instant, integer, oneOf, optionalText, query, row, statement, text, tuple, tupleQuery } from ".";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

it("rows are decoded at the boundary: instants as ISO strings, 0/1 as booleans, only the named columns", () => {
  const select = query(
    db,
    "SELECT '2026-12-01T00:00:00.000+00:00' AS at, 1 AS yes, NULL AS missing, 'x' AS other",
    row({ at: instant, yes: flag, missing: optionalText }),
  );
  expect(select.get()).toEqual({ at: "2026-12-01T00:00:00.000Z", yes: true, missing: null });
  expect(tupleQuery(db, "SELECT 1733011200000, 0", tuple(instant, flag)).all()).toEqual([["2024-12-01T00:00:00.000Z", false]]);
});

it("a row of another shape is refused by column and type, without its values", () => {
  statement(
    db,
    `INSERT INTO "ConversationState" ("key", "value", "updatedAt") VALUES ('k', 'secret text', '2026-12-01T00:00:00.000+00:00')`,
  ).run();
  const select = query(db, 'SELECT "value" FROM "ConversationState"', row({ value: integer }));
  expect(() => select.get()).toThrow(
    'unexpected row from SQLite for SELECT "value" FROM "ConversationState"…: column "value": expected an integer',
  );
  expect(() => select.get()).not.toThrow(/secret/);
  expect(() => query(db, "SELECT 2 AS yes", row({ yes: flag })).get()).toThrow('column "yes": expected 0 or 1');
  expect(() => query(db, "SELECT 'soon' AS at", row({ at: instant })).get()).toThrow('column "at": expected an instant');
  expect(() => query(db, "SELECT NULL AS t", row({ t: text })).get()).toThrow('column "t": expected text');
  expect(() => query(db, "SELECT 'chief' AS role", row({ role: oneOf(["secretary", "committee"]) })).get()).toThrow(
    "expected one of secretary, committee",
  );
  expect(() => tupleQuery(db, "SELECT 'a', 'b'", tuple(text)).get()).toThrow("expected 1 columns");
  expect(() => tupleQuery(db, "SELECT 'a', 'b'", tuple(text, integer)).get()).toThrow("column 1: expected an integer");
});
