import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../../test/support/db";
import type { Db } from "../client";
import { durably, durablyWithNext, inTransaction, statement } from ".";

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let observer: Database.Database;
beforeEach(async () => {
  ({ db, url, cleanup } = await freshDb());
  observer = new Database(url.replace(/^file:/, ""), { readonly: true });
});
afterEach(async () => {
  observer.close();
  await cleanup();
});

const insertSql = 'INSERT INTO "InboundUpdate" ("updateId", "chatKey", "receivedAt") VALUES (?, \'k\', ?)';
const seenByAnotherConnection = (id: number) =>
  observer.prepare('SELECT COUNT(*) AS n FROM "InboundUpdate" WHERE "updateId" = ?').get(id) as { n: number };
const commitsSeen = () => observer.pragma("data_version", { simple: true }) as number;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("group commit of the per-update writes", () => {
  it("gives each caller its result once committed, and concurrent writes share one commit", async () => {
    const insert = statement(db, insertSql);
    const before = commitsSeen();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((id) =>
        durably(db, () => {
          insert.run(id, "2026-12-01T00:00:00.000+00:00");
          return id * 10;
        }).then((value) => ({ value, visible: seenByAnotherConnection(id).n })),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5].map((id) => ({ value: id * 10, visible: 1 })));
    expect(commitsSeen() - before).toBe(1);
  });

  it("a write with the next commit brings none of its own: it waits, in order, for the next write's commit", async () => {
    const insert = statement(db, insertSql);
    const before = commitsSeen();
    const order: number[] = [];
    const riding = durablyWithNext(db, () => void insert.run(60, "x")).then(() => order.push(60));
    for (let turn = 0; turn < 3; turn++) await new Promise(setImmediate); // where a commit of its own would have run
    expect([seenByAnotherConnection(60).n, commitsSeen() - before]).toEqual([0, 0]);
    await durably(db, () => insert.run(61, "x")).then(() => order.push(61));
    await riding;
    expect([60, 61].map((id) => seenByAnotherConnection(id).n)).toEqual([1, 1]);
    expect(commitsSeen() - before).toBe(1);
    expect(order).toEqual([60, 61]);
  });

  it("a failing write is refused alone: the others of its batch are kept", async () => {
    const insert = statement(db, insertSql);
    await durably(db, () => insert.run(7, "x"));
    const outcomes = await Promise.allSettled([8, 7, 9].map((id) => durably(db, () => insert.run(id, "x"))));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect([7, 8, 9].map((id) => seenByAnotherConnection(id).n)).toEqual([1, 1, 1]);
  });

  it("waits out an interactive Prisma transaction, commits as soon as it ended, and neither is rolled back with the other", async () => {
    const insert = statement(db, insertSql);
    let written: Promise<unknown> | undefined;
    let seenDuring = -1;
    await expect(
      db.$transaction(async (tx) => {
        await tx.inboundUpdate.create({ data: { updateId: 20, chatKey: "k", receivedAt: new Date() } });
        written = durably(db, () => insert.run(21, "x"));
        await later(20);
        seenDuring = seenByAnotherConnection(21).n;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await written;
    expect(seenDuring).toBe(0);
    expect([20, 21].map((id) => seenByAnotherConnection(id).n)).toEqual([0, 1]);
  });

  it("a Prisma transaction that read before a batch was queued still writes after it (no SQLITE_BUSY)", async () => {
    const insert = statement(db, insertSql);
    let written: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      await tx.inboundUpdate.count();
      written = durably(db, () => insert.run(31, "x"));
      await later(20);
      await tx.inboundUpdate.create({ data: { updateId: 30, chatKey: "k", receivedAt: new Date() } });
    });
    await written;
    expect([30, 31].map((id) => seenByAnotherConnection(id).n)).toEqual([1, 1]);
  });

  it("a write from another chat while inTransaction runs is not refused: it waits for the end", async () => {
    const insert = statement(db, insertSql);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = inTransaction(db, async (tx) => {
      await tx.inboundUpdate.create({ data: { updateId: 50, chatKey: "k", receivedAt: new Date() } });
      await held;
    });
    await later(10);
    const written = durably(db, () => insert.run(51, "x")); // started outside the transaction's work
    await later(10);
    expect(seenByAnotherConnection(51).n).toBe(0);
    release();
    await Promise.all([transaction, written]);
    expect([50, 51].map((id) => seenByAnotherConnection(id).n)).toEqual([1, 1]);
  });

  it("refuses, with a clear error, to be awaited inside a Prisma transaction (it would wait for itself)", async () => {
    const insert = statement(db, insertSql);
    const inside = inTransaction(db, async (tx) => {
      await tx.inboundUpdate.create({ data: { updateId: 40, chatKey: "k", receivedAt: new Date() } });
      await durably(db, () => insert.run(41, "x"));
    });
    await expect(inside).rejects.toThrow(/inside a Prisma transaction/);
    expect([40, 41].map((id) => seenByAnotherConnection(id).n)).toEqual([0, 0]);
    await durably(db, () => insert.run(42, "x")); // and after it, as usual
    expect(seenByAnotherConnection(42).n).toBe(1);
  });
});
