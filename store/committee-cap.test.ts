import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { ballots, seedCapCommittee, seedStandaloneBaseBranch, voteBranch } from "../test/support/seed-committee-cap";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { applyCommitteeCut, chooseCommitteeKeeper, loadCommitteeCap, recognizeWithinCap } from "./committee-cap";
import { createOrganization } from "./orgs";
import { evaluateBranch, resultHistory } from "./results";
import { recordTally } from "./tallies";

const NOW = new Date("2026-12-25T10:00:00Z");
const AS_OF = { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET };
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

type Seeded = { orgId: string; periodId: string; ids: string[] };
const vote = (branch: Seeded, l1Ballots: number[]) => voteBranch(db, branch, l1Ballots, NOW);
const latest = async (b: Seeded, i: number) => (await resultHistory(db, b.periodId, b.ids[i]!)).at(-1)!;
const levelOf = async (b: Seeded, i: number) => {
  const { outcome } = await latest(b, i);
  return outcome.kind === "level" ? outcome.level : outcome.kind;
};

/** A (10 members) and B (5): alone, B's cap would be floor(15% × 5) = 0; together the committee keeps 2 of 15. */
async function twoBranches() {
  const seeded = await seedCapCommittee(db, {
    name: "Đảng ủy Sở",
    branches: [
      { name: "Chi bộ A", size: 10 },
      { name: "Chi bộ B", size: 5 },
    ],
    committee: [],
  });
  const [a, b] = seeded.branches;
  return { committeeId: seeded.committeeId, a: a!, b: b! };
}

describe("M8 (revised Decision): the cap across a base committee's branches", () => {
  it("M8: a branch under a base committee keeps its L1 candidates for the committee; the committee's cut moves the last ones to L2", async () => {
    const { committeeId, a, b } = await twoBranches();
    const pass = await vote(a, [9, 7]);
    expect([pass.tie, pass.final]).toEqual([null, true]);
    expect(await levelOf(a, 1)).toBe("L1"); // alone, A's cap of 1 would have moved this one down

    expect((await loadCommitteeCap(db, committeeId, 2026, AS_OF))?.state).toBe("waiting-branches");
    await vote(b, [5, 4]);
    const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
    // 100% (B), 90% (A) keep; 80% (B) and 70% (A) are out.
    expect([view.state, view.base, view.cap]).toEqual(["to-apply", 15, 2]);
    expect(view.keep).toEqual([b.ids[0], a.ids[0]]);
    expect(view.demote).toEqual([b.ids[1], a.ids[1]]);

    // Recognition holds the L1 results back until the cut is recorded; the rest is recognized.
    const early = await recognizeWithinCap(db, { periodId: a.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([early.recognized.length, early.held, early.state]).toEqual([8, [a.ids[0], a.ids[1]], "to-apply"]);

    const cut = await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([cut.applied, cut.view?.state]).toEqual([true, "applied"]);
    expect(cut.changed).toEqual([
      { branchId: a.orgId, members: 1 },
      { branchId: b.orgId, members: 1 },
    ]);
    const moved = await latest(a, 1);
    expect(moved).toMatchObject({ state: "proposed", outcome: { kind: "level", level: "L2" } });
    expect(moved.outcome.reasons.at(-1)).toEqual({
      code: "cap.committee-demoted",
      params: { cap: 2, base: 15, votes: 7, of: 10, percent: 15 },
    });
    expect(await levelOf(b, 0)).toBe("L1");
    expect((await listAudit(db, "Organization", committeeId)).map((e) => e.action)).toContain("cap.committee-cut");
    // The branch's next pass follows the recorded cut instead of undoing it.
    expect((await evaluateBranch(db, { periodId: a.periodId, actorId: "sec" }, NOW, REVIEW_OFFSET)).changed).toEqual([]);

    const after = await recognizeWithinCap(db, { periodId: a.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect([after.recognized.map((r) => r.memberId), after.held]).toEqual([[a.ids[0], a.ids[1]], []]);
  });

  it("M8: a new vote reopens the cut; a tie at the boundary waits for a committee member, whose choice is stored", async () => {
    const { committeeId, a, b } = await twoBranches();
    await vote(a, [9, 7]);
    await vote(b, [5, 4]);
    await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET);
    await recognizeWithinCap(db, { periodId: a.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET); // A's 90% holds a seat

    // B votes again for its second member: 5 of 5, level with its first for the one seat left.
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[1]!, slot: 1, tally: ballots(5, 5), enteredById: "sec" }, NOW);
    await evaluateBranch(db, { periodId: b.periodId, actorId: "sec" }, NOW, REVIEW_OFFSET);
    expect(await levelOf(b, 1)).toBe("L1"); // the decision was made on the earlier vote
    const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
    expect([view.state, view.seated, view.tie?.seatsLeft, view.tie?.candidates]).toEqual(["tie", 1, 1, [b.ids[0], b.ids[1]]]);
    const waiting = await recognizeWithinCap(db, { periodId: b.periodId, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect(waiting.held).toEqual([b.ids[0], b.ids[1]]);

    const done = await chooseCommitteeKeeper(db, { committeeId, year: 2026, memberId: b.ids[1]!, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect(done).toEqual({ outcome: "done", changed: [{ branchId: b.orgId, members: 2 }] });
    expect((await latest(b, 1)).outcome.reasons.at(-1)).toEqual({ code: "cap.committee-chose", params: { level: "L1", percent: 15 } });
    expect((await latest(b, 0)).outcome.reasons.map((r) => r.code).slice(-2)).toEqual(["cap.committee-chose", "cap.committee-demoted"]);
    expect((await loadCommitteeCap(db, committeeId, 2026, AS_OF))?.state).toBe("applied");
    // A choice for a tie that is over is stale.
    const late = await chooseCommitteeKeeper(db, { committeeId, year: 2026, memberId: b.ids[0]!, actorId: "upper" }, NOW, REVIEW_OFFSET);
    expect(late.outcome).toBe("stale");
  });

  it("M8: a branch of the committee without a period of the year has not reported: the cut waits", async () => {
    const { committeeId, a, b } = await twoBranches();
    await createOrganization(db, { name: "Chi bộ C", kind: "branch", parentId: committeeId }, null, NOW);
    await vote(a, [9, 7]);
    await vote(b, [5, 4]);
    const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
    expect([view.state, view.pendingBranches.length, view.l1Held]).toEqual(["waiting-branches", 1, true]);
    expect(await applyCommitteeCut(db, { committeeId, year: 2026, actorId: "upper" }, NOW, REVIEW_OFFSET)).toMatchObject({
      applied: false,
    });
  });

  it("M8: a standalone base branch keeps its own cap (5 members: floor(0.75) = 0, both candidates become L2)", async () => {
    const { branch } = await seedStandaloneBaseBranch(db, { name: "Chi bộ cơ sở D", size: 5, bloc: [] });
    const pass = await vote(branch, [5, 4]);
    expect(pass.final).toBe(true);
    expect([await levelOf(branch, 0), await levelOf(branch, 1)]).toEqual(["L2", "L2"]);
    expect((await latest(branch, 0)).outcome.reasons.map((r) => r.code)).toContain("cap.demoted");
    const recognized = await recognizeWithinCap(db, { periodId: branch.periodId, actorId: "bloc" }, NOW, REVIEW_OFFSET);
    expect([recognized.recognized.length, recognized.held, recognized.state]).toEqual([5, [], null]);
  });
});
