import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TallyInput } from "../domain";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { countingProgress, previewBranchCount, recordBranchCount } from "./branch-count";
import type { Db } from "./client";
import { latestResults } from "./results";
import { activeTallies, recordHcmPresented, setHcmAcknowledged } from "./tallies";

const AT = { now: new Date("2026-12-25T10:00:00Z"), offsetMinutes: REVIEW_OFFSET };
let database: Awaited<ReturnType<typeof freshDb>>;
let db: Db;

beforeEach(async () => {
  database = await freshDb();
  db = database.db;
});
afterEach(async () => database.cleanup());

const counts = (votes: Partial<TallyInput["votes"]>): TallyInput => ({
  method: "secret",
  official: 4,
  present: 4,
  valid: 4,
  votes: { L1: 0, L2: 0, L3: 0, L4: 0, ...votes },
});

async function branch(doubleEntry: boolean) {
  const members = Array.from({ length: 4 }, (_, i) => ({ fullName: `Đảng viên ${i + 1}`, kind: "official" as const }));
  const seeded = await seedBranch(db, { members, doubleEntry });
  const ids = members.map((m) => seeded.memberIds[m.fullName]!);
  for (const id of ids) await recordHcmPresented(db, seeded.periodId, id, "secretary", AT.now);
  await setHcmAcknowledged(db, { periodId: seeded.periodId, memberIds: ids, acknowledged: true }, "secretary", AT.now);
  return { periodId: seeded.periodId, ids };
}

describe("a whole branch's counts at once (M13)", () => {
  it("M13, M8: the preview writes nothing and rates with the cap as it would stand; saving stores every line", async () => {
    const b = await branch(false);
    const lines = b.ids.map((memberId, i) => ({ memberId, tally: counts(i < 2 ? { L1: 4 } : { L2: 4 }) }));
    const preview = await previewBranchCount(db, { periodId: b.periodId, entrantId: "u", lines }, AT);
    expect(await activeTallies(db, b.periodId)).toEqual([]);
    // M8: floor(15% × 4) = 0 places, so both L1 candidates become L2 (a tie at the boundary with no seat is not one).
    expect(preview.cap).toEqual({ kind: "own", cap: 0, base: 4, final: true });
    expect(Object.values(preview.outcomes).map((o) => (o.kind === "level" ? o.level : o.kind))).toEqual(["L2", "L2", "L2", "L2"]);
    expect(preview.stillToCount).toEqual([]);

    await recordBranchCount(db, { periodId: b.periodId, entrantId: "u", lines }, AT);
    expect(await activeTallies(db, b.periodId)).toHaveLength(4);
    expect((await latestResults(db, b.periodId)).size).toBe(4);
    expect(await countingProgress(db, b.periodId, AT)).toEqual({ counted: 4, total: 4 });
  });

  it("M13: one transaction: a line that cannot be stored leaves nothing stored", async () => {
    const b = await branch(false);
    const lines = [
      { memberId: b.ids[0]!, tally: counts({ L2: 4 }) },
      { memberId: "cnotamemberofthisbranch00", tally: counts({ L2: 4 }) },
    ];
    await expect(recordBranchCount(db, { periodId: b.periodId, entrantId: "u", lines }, AT)).rejects.toThrow();
    expect(await activeTallies(db, b.periodId)).toEqual([]);
    expect((await latestResults(db, b.periodId)).size).toBe(0);
  });

  it("M13: with double entry each entrant's paste fills their own slot; results come when both agree", async () => {
    const b = await branch(true);
    const lines = b.ids.map((memberId) => ({ memberId, tally: counts({ L2: 4 }) }));
    await recordBranchCount(db, { periodId: b.periodId, entrantId: "first", lines }, AT);
    expect((await latestResults(db, b.periodId)).size).toBe(0);
    const second = await previewBranchCount(db, { periodId: b.periodId, entrantId: "second", lines }, AT);
    expect(second.awaitingOtherEntry).toEqual([]);
    await recordBranchCount(db, { periodId: b.periodId, entrantId: "second", lines }, AT);
    const tallies = await activeTallies(db, b.periodId);
    expect(tallies.map((t) => `${t.entrySlot}:${t.enteredById}`).sort()).toEqual([
      ...Array(4).fill("1:first"),
      ...Array(4).fill("2:second"),
    ]);
    expect([...(await latestResults(db, b.periodId)).values()].map((r) => r.outcome)).toMatchObject(
      Array(4).fill({ kind: "level", level: "L2" }),
    );
    // The first entrant corrects their own paste: only their slot is superseded.
    await recordBranchCount(db, { periodId: b.periodId, entrantId: "first", lines: lines.slice(0, 1) }, AT);
    const after = await activeTallies(db, b.periodId, b.ids[0]);
    expect(after.map((t) => `${t.entrySlot}:${t.enteredById}`)).toEqual(["1:first", "2:second"]);
  });
});
