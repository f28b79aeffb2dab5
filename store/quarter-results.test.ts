// N10: quarterly results feed the year's (information beside it), /recognize lists a quarter as its own line, and a
// quarter's recognized «xuất sắc» never counts in the year's cap (N6 reads the year's periods only).
import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { proposalRow, seed2025Committee } from "../test/support/seed-decision-2025";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import type { Db } from "./client";
import { loadCommitteeCap, recognizeWithinCap } from "./committee-cap";
import { openNextPeriod } from "./periods";
import { closeQuarter } from "./quarter-close";
import { branchQuarterLevels, branchQuarterResults, memberQuarterResults } from "./quarter-results";
import { quarterCounts } from "./quarter-status";
import { branchesAwaitingRecognition } from "./recognition";

const NOW = new Date("2026-12-25T10:00:00Z");
const AS_OF = { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET };
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const at = (level: "L1" | "L2" | "L3" | "L4", score: number) => ({ level, score });

/** Form 2B's example items: every general item (30) and the tasks' 30 + 25 + `t3`. */
function itemScores(t3: number): string {
  const general = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`g${i + 1}`, i >= 9 && i <= 12 ? 1 : 2]));
  return JSON.stringify({ ...general, t1: 30, t2: 25, t3 });
}

/** Chi bộ A (year: two excellent of five) and Chi bộ B under one base committee, and A's third quarter. */
async function world() {
  const { committeeId, branches } = await seed2025Committee(db, {
    name: "Đảng ủy Sở",
    committee: [],
    branches: [
      { name: "Chi bộ A", proposals: [at("L1", 95), at("L1", 91), at("L2", 80), at("L2", 78), at("L2", 75)] },
      { name: "Chi bộ B", proposals: [at("L1", 93), at("L2", 85), at("L2", 80), at("L2", 72), at("L2", 70)] },
    ],
  });
  const a = branches[0]!;
  const dates = { selfReviewDeadline: "2026-09-30T16:59:59.000Z", reportDeadline: "2026-10-10T16:59:59.000Z" };
  const q3 = await openNextPeriod(db, { orgId: a.orgId, year: 2026, quarter: 3, rulebookId: "qd366-2025", ...dates }, "sec", NOW);
  if (!q3.ok) throw new Error(q3.reason);
  return { committeeId, a, b: branches[1]!, q3: q3.period.id };
}

describe("quarterly results beside the year's (N10)", () => {
  it("N10: per quarter a member's self-score and proposed level, the newest appraisal, the newest result; a branch's counts", async () => {
    const { a, q3 } = await world();
    const [an, binh] = [a.ids[0]!, a.ids[1]!];
    await db.selfReview.create({ data: { periodId: q3, memberId: an, submittedAt: NOW, scores: itemScores(7), selfRating: "L1" } });
    const step = { periodId: q3, memberId: an, step: "appraisal", createdById: "sec", createdAt: NOW };
    await db.memberAppraisal.create({ data: { ...step, version: 1, score: 90, level: "L1" } });
    await db.memberAppraisal.create({ data: { ...step, version: 2, score: 86, level: "L2" } });
    await db.memberResult.create({ data: proposalRow(q3, an, at("L2", 86)) });
    await db.memberResult.create({ data: { ...proposalRow(q3, an, at("L2", 86), 2), state: "recognized" } });
    await db.memberResult.create({ data: proposalRow(q3, binh, at("L3", 60)) });

    const mine = await memberQuarterResults(db, a.periodId, an);
    expect(mine).toEqual({
      year: 2026,
      quarters: [
        {
          quarter: 3,
          periodId: q3,
          closed: false,
          submitted: true,
          selfTotal: 92,
          selfLevel: "L1",
          appraisalScore: 86,
          appraisalLevel: "L2",
          decided: { level: "L2", state: "recognized" },
        },
      ],
    });
    // A quarter is not judged on the others; a member with nothing in the quarters has none.
    expect(await memberQuarterResults(db, q3, an)).toEqual({ year: 2026, quarters: [] });
    expect((await memberQuarterResults(db, a.periodId, a.ids[4]!)).quarters).toEqual([]);

    expect([...(await branchQuarterLevels(db, a.orgId, 2026))]).toEqual([[q3, { L1: 0, L2: 1, L3: 1, L4: 0 }]]);
    const all = await branchQuarterResults(db, a.orgId, 2026);
    expect([...all.keys()].sort()).toEqual([an, binh].sort());
    expect(all.get(binh)).toMatchObject([{ quarter: 3, submitted: false, selfTotal: null, decided: { level: "L3", state: "proposed" } }]);

    // /status's year view: the quarter, closed, with its counts per level.
    await closeQuarter(db, q3, "sec", NOW);
    expect(await quarterCounts(db, a.orgId, 2026)).toMatchObject([
      { periodId: q3, quarter: 3, submitted: 1, late: 0, closed: true, levels: { L1: 0, L2: 1, L3: 1, L4: 0 } },
    ]);
    expect((await memberQuarterResults(db, a.periodId, an)).quarters[0]?.closed).toBe(true);
  });

  it("N10: /recognize lists a quarter as its own line; a closed quarter stays while it has proposed results", async () => {
    const { committeeId, a, q3 } = await world();
    const lines = async () =>
      (await branchesAwaitingRecognition(db, [committeeId])).map((l) => [l.orgName, l.year, l.quarter, l.proposed, l.recognized]);
    expect(await lines()).toEqual([
      ["Chi bộ A", 2026, 0, 5, 0],
      ["Chi bộ B", 2026, 0, 5, 0],
    ]);
    await db.memberResult.createMany({ data: [proposalRow(q3, a.ids[0]!, at("L1", 96)), proposalRow(q3, a.ids[1]!, at("L2", 80))] });
    expect(await lines()).toEqual([
      ["Chi bộ A", 2026, 0, 5, 0],
      ["Chi bộ A", 2026, 3, 2, 0],
      ["Chi bộ B", 2026, 0, 5, 0],
    ]);
    await closeQuarter(db, q3, "sec", NOW);
    expect((await lines())[1]).toEqual(["Chi bộ A", 2026, 3, 2, 0]);
    await recognizeWithinCap(db, { periodId: q3, memberIds: [a.ids[1]!], actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect((await lines())[1]).toEqual(["Chi bộ A", 2026, 3, 1, 1]);
    await recognizeWithinCap(db, { periodId: q3, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect((await lines()).map((l) => l[2])).toEqual([0, 0]);
  });

  it("N6, N10: a quarter's «xuất sắc» is recognized without the year's cut and never counts in the year's cap", async () => {
    const { committeeId, a, q3 } = await world();
    const figures = async () => {
      const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
      return { state: view.state, base: view.base, cap: view.cap, keep: view.keep, demote: view.demote, people: [...view.people.keys()] };
    };
    const before = await figures();
    expect(before).toMatchObject({ state: "to-apply", base: 10, cap: 2 });
    // Every member of A excellent in the quarter, all recognized at once: the year's cut (not recorded) holds none.
    await db.memberResult.createMany({ data: a.ids.map((id, i) => proposalRow(q3, id, at("L1", 99 - i))) });
    const done = await recognizeWithinCap(db, { periodId: q3, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([done.recognized.length, done.held, done.state]).toEqual([5, [], null]);
    expect(await figures()).toEqual(before);
    // The year's own excellent are still held until the cut.
    const year = await recognizeWithinCap(db, { periodId: a.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect(year.held).toEqual([a.ids[0], a.ids[1]]);
  });
});
