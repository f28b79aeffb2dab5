// N7 step 3 and N6 (366) in the store: the committee's figure from the branches' proposals (ranked by score, with the
// period's open points), its cut written on the proposals, recognition as proposed, and a decision otherwise.
import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seed2025Committee, type Branch2025Seed } from "../test/support/seed-decision-2025";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import type { Db } from "./client";
import { applyCommitteeCut, chooseCommitteeKeeper, loadCommitteeCap, recognizeWithinCap } from "./committee-cap";
import { decideLevelOtherwise } from "./decision-2025";
import { revokeMemberResult } from "./recognition";
import { resultHistory } from "./results";

const NOW = new Date("2026-12-25T10:00:00Z");
const AS_OF = { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET };
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const at = (level: "L1" | "L2" | "L3" | "L4", score: number) => ({ level, score });
/** A: 95, 91 excellent and three at good; B: 93 excellent and four at good. Base 10 with the excellent. */
const A = (openPoints = {}): Branch2025Seed => ({
  name: "Chi bộ A",
  proposals: [at("L1", 95), at("L1", 91), at("L2", 80), at("L2", 78), at("L2", 75)],
  openPoints,
});
const B = (openPoints = {}, first = 93): Branch2025Seed => ({
  name: "Chi bộ B",
  proposals: [at("L1", first), at("L2", 85), at("L2", 80), at("L2", 72), at("L2", 70)],
  openPoints,
});
const latest = async (b: { periodId: string; ids: string[] }, i: number) => (await resultHistory(db, b.periodId, b.ids[i]!)).at(-1)!;

describe("N6 (366): the cap where the base committee decides", () => {
  it("N6: 20% of everyone at «tốt» or better across two branches, ranked by score; the cut is written on the proposals", async () => {
    const { committeeId, branches } = await seed2025Committee(db, { name: "Đảng ủy Sở", branches: [A(), B()], committee: [] });
    const [a, b] = [branches[0]!, branches[1]!];
    const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
    expect([view.state, view.base, view.cap, view.share]).toEqual(["to-apply", 10, 2, { num: 20, den: 100, strict: false }]);
    expect(view.keep).toEqual([a.ids[0], b.ids[0]]);
    expect(view.demote).toEqual([a.ids[1]]);
    expect(view.people.get(a.ids[1]!)?.share).toEqual({ votes: 91, of: 100 });

    // Recognition holds the excellent back until the cut is recorded.
    const early = await recognizeWithinCap(db, { periodId: a.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([early.recognized.length, early.held]).toEqual([3, [a.ids[0], a.ids[1]]]);

    const cut = await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([cut.applied, cut.view?.state, cut.changed]).toEqual([true, "applied", [{ branchId: a.orgId, members: 1 }]]);
    const moved = await latest(a, 1);
    expect([moved.version, moved.state, moved.outcome]).toMatchObject([2, "proposed", { kind: "level", level: "L2" }]);
    expect(moved.outcome.reasons.map((r) => r.code)).toEqual(["score.reached", "cap.committee-demoted"]);
    expect(moved.outcome.reasons[1]).toEqual({
      code: "cap.committee-demoted",
      params: { cap: 2, base: 10, votes: 91, of: 100, percent: 20, by: "score", baseRule: "with-excellent", rounding: "floor" },
    });
    expect(moved.inputs).toMatchObject({ score: 91, appraisalVersion: 1, cap: { committee: committeeId, cap: 2, base: 10, level: "L2" } });

    // Now everything is recognized as proposed (the cut's L2 included); applying again changes nothing.
    const all = await recognizeWithinCap(db, { periodId: a.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([all.recognized.length, all.held]).toEqual([2, []]);
    expect((await latest(a, 0)).state).toBe("recognized");
    expect((await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET)).applied).toBe(false);
  });

  it("N6 open points: 25% for an outstanding unit, nearest rounding, the base without the excellent", async () => {
    const seeded = async (points: object) =>
      seed2025Committee(db, {
        name: `Đảng ủy ${JSON.stringify(points)}`,
        branches: [
          { ...A(points), name: `A${JSON.stringify(points)}` },
          { ...B(points), name: `B${JSON.stringify(points)}` },
        ],
        committee: [],
      });
    const figure = async (points: object) => {
      const { committeeId } = await seeded(points);
      const v = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
      return [v.base, v.cap, v.state];
    };
    expect(await figure({ outstandingUnit: true })).toEqual([10, 2, "to-apply"]); // 2.5 down
    expect(await figure({ outstandingUnit: true, capRounding: "nearest" })).toEqual([10, 3, "within"]); // 2.5 up
    expect(await figure({ capBaseIncludesExcellent: false })).toEqual([7, 1, "to-apply"]);
  });

  it("N6: a tie of equal scores at the boundary is left to the committee; its choice is written on the proposals", async () => {
    const { committeeId, branches } = await seed2025Committee(db, { name: "Đảng ủy Sở", branches: [A(), B({}, 91)], committee: [] });
    const [a, b] = [branches[0]!, branches[1]!];
    const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
    expect(view.state).toBe("tie");
    expect(view.tie).toMatchObject({ candidates: [a.ids[1], b.ids[0]], seatsLeft: 1, share: { votes: 91, of: 100 } });
    const chose = await chooseCommitteeKeeper(db, { committeeId, year: 2026, memberId: b.ids[0]!, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect(chose.outcome).toBe("done");
    expect((await latest(a, 1)).outcome).toMatchObject({ level: "L2" });
    expect((await latest(a, 1)).outcome.reasons.map((r) => r.code).slice(-2)).toEqual(["cap.committee-chose", "cap.committee-demoted"]);
    expect((await latest(b, 0)).outcome).toMatchObject({
      level: "L1",
      reasons: [{ code: "score.reached" }, { code: "cap.committee-chose", params: { level: "L1", percent: 20, by: "score" } }],
    });
    expect((await loadCommitteeCap(db, committeeId, 2026, AS_OF))?.state).toBe("applied");
  });

  it("N6: a member to be evaluated without a proposal keeps the committee waiting", async () => {
    const { committeeId, branches } = await seed2025Committee(db, { name: "Đảng ủy Sở", branches: [A(), B()], committee: [] });
    await db.memberResult.deleteMany({ where: { memberId: branches[1]!.ids[4]! } });
    expect((await loadCommitteeCap(db, committeeId, 2026, AS_OF))?.state).toBe("waiting-branches");
  });
});

describe("N7 step 3: the competent level decides otherwise, with its reason", () => {
  it("N7: a new recognized version whose reasons start with decision.differs; the proposal stays; revocation works as today", async () => {
    const { branches } = await seed2025Committee(db, { name: "Đảng ủy Sở", branches: [A(), B()], committee: [] });
    const a = branches[0]!;
    const input = { periodId: a.periodId, memberId: a.ids[2]!, level: "L3" as const, actorId: "upper" };
    expect(await decideLevelOtherwise(db, { ...input, note: "  " }, NOW, REVIEW_OFFSET)).toEqual({
      ok: false,
      error: "result.why-required",
    });
    expect(await decideLevelOtherwise(db, { ...input, level: "L2", note: "x" }, NOW, REVIEW_OFFSET)).toEqual({
      ok: false,
      error: "decision.same-level",
    });
    const done = await decideLevelOtherwise(db, { ...input, note: " Chưa hoàn thành đúng hạn hai nhiệm vụ. " }, NOW, REVIEW_OFFSET);
    expect(done.ok).toBe(true);
    const history = await resultHistory(db, a.periodId, a.ids[2]!);
    expect(history.map((r) => [r.version, r.state, r.outcome.kind === "level" && r.outcome.level])).toEqual([
      [1, "proposed", "L2"],
      [2, "recognized", "L3"],
    ]);
    expect(history[1]!.outcome.reasons).toEqual([
      { code: "decision.differs", params: { proposed: "L2", note: "Chưa hoàn thành đúng hạn hai nhiệm vụ." } },
    ]);
    expect(history[1]!.inputs).toEqual(history[0]!.inputs);
    // A decided result changes only by revoking it (M14), with the versions kept.
    expect(await decideLevelOtherwise(db, { ...input, level: "L4", note: "x" }, NOW, REVIEW_OFFSET)).toEqual({
      ok: false,
      error: "result.revoke-first",
    });
    const revoked = await revokeMemberResult(db, { periodId: a.periodId, memberId: a.ids[2]!, why: "Nhầm người", actorId: "upper" }, NOW);
    expect(revoked.ok).toBe(true);
    expect((await resultHistory(db, a.periodId, a.ids[2]!)).map((r) => r.state)).toEqual(["proposed", "recognized", "revoked"]);
  });

  it("N6: «xuất sắc» decided otherwise only within the committee's cap", async () => {
    const { committeeId, branches } = await seed2025Committee(db, { name: "Đảng ủy Sở", branches: [A(), B()], committee: [] });
    const a = branches[0]!;
    const toL1 = { periodId: a.periodId, memberId: a.ids[2]!, level: "L1" as const, note: "Thành tích đột xuất", actorId: "upper" };
    // Before the cut is recorded, the seats are not known.
    expect(await decideLevelOtherwise(db, toL1, NOW, REVIEW_OFFSET)).toEqual({ ok: false, error: "decision.no-seat" });
    await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET);
    // Cap 2 of 10, both taken.
    expect(await decideLevelOtherwise(db, toL1, NOW, REVIEW_OFFSET)).toEqual({ ok: false, error: "decision.no-seat" });
    // The committee decides one of the kept ones otherwise: a seat frees.
    await decideLevelOtherwise(
      db,
      { ...toL1, memberId: a.ids[0]!, level: "L2", note: "Chưa khắc phục hạn chế năm trước" },
      NOW,
      REVIEW_OFFSET,
    );
    // The freed seat goes back to the ranking first: the one the cut moved keeps it once the cut is applied again.
    const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
    expect([view.state, view.cap, view.keep]).toEqual(["to-apply", 2, [branches[1]!.ids[0], a.ids[1]]]);
    expect(await decideLevelOtherwise(db, toL1, NOW, REVIEW_OFFSET)).toEqual({ ok: false, error: "decision.no-seat" });
    await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect((await latest(a, 1)).outcome).toMatchObject({ level: "L1" });
    expect((await latest(a, 1)).outcome.reasons.map((r) => r.code)).toEqual(["score.reached"]);
  });

  it("N7: a 2011 period's levels come from the vote", async () => {
    const { seedCapCommittee } = await import("../test/support/seed-committee-cap");
    const { branches } = await seedCapCommittee(db, { name: "Đảng ủy", branches: [{ name: "Chi bộ C", size: 2 }], committee: [] });
    const c = branches[0]!;
    const decided = await decideLevelOtherwise(
      db,
      { periodId: c.periodId, memberId: c.ids[0]!, level: "L3", note: "x", actorId: "u" },
      NOW,
      REVIEW_OFFSET,
    );
    expect(decided).toEqual({ ok: false, error: "decision.not-appraisal" });
  });
});
