import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import type { Db } from "./client";
import { enqueueUpdates, markHandled, pruneInbox, unhandledUpdates } from "./inbox";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const NOW = new Date("2026-12-02T03:00:00Z");
const update = (updateId: number, chatKey = "42") => ({
  updateId,
  chatKey,
  payload: JSON.stringify({ update_id: updateId, text: "bí mật" }),
});

describe("the durable inbox", () => {
  it("queues an update id once only: a second delivery is not new", async () => {
    expect(await enqueueUpdates(db, [update(7), update(8)], NOW)).toEqual([update(7), update(8)]);
    expect(await enqueueUpdates(db, [update(8), update(9)], NOW)).toEqual([update(9)]);
    await markHandled(db, 7, NOW);
    expect(await enqueueUpdates(db, [update(7)], NOW)).toEqual([]);
  });

  it("gives back, oldest first, what was received and not handled (a restart after a kill)", async () => {
    await enqueueUpdates(db, [update(12, "a"), update(10, "b"), update(11, "a")], NOW);
    await markHandled(db, 11, NOW);
    expect((await unhandledUpdates(db)).map((u) => [u.updateId, u.chatKey])).toEqual([
      [10, "b"],
      [12, "a"],
    ]);
  });

  it("forgets a handled update's payload (it may hold a member's text) but keeps its id", async () => {
    await enqueueUpdates(db, [update(5)], NOW);
    await markHandled(db, 5, NOW);
    const row = await db.inboundUpdate.findUniqueOrThrow({ where: { updateId: 5 } });
    expect(row.payload).toBeNull();
    expect(row.handledAt).not.toBeNull();
  });

  it("keeps only the newest handled ids when pruned, never an unhandled one, and still refuses those it keeps", async () => {
    await enqueueUpdates(
      db,
      [1, 2, 3, 4, 5, 6].map((id) => update(id)),
      NOW,
    );
    for (const id of [1, 2, 3, 5, 6]) await markHandled(db, id, NOW);
    expect(await pruneInbox(db, 2)).toBe(3);
    expect((await db.inboundUpdate.findMany({ orderBy: { updateId: "asc" } })).map((u) => u.updateId)).toEqual([4, 5, 6]);
    expect(await enqueueUpdates(db, [update(6)], NOW)).toEqual([]);
  });
});
