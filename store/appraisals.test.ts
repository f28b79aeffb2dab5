// N7 step 2 (RULES-2025): the committee's appraisal, the meeting's opinion and the branch's proposal as versions, the
// proposal as the member's MemberResult; a 366 period's branch-wide pass neither rates nor caps.
import { describe, expect, it } from "vitest";
import type { TaskResults } from "../domain/task-results";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedBranch } from "../test/support/seed";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import {
  appraisalBoard,
  latestSteps,
  memberAppraisalView,
  recordAppraisal,
  recordMeetingOpinion,
  recordProposal,
  type AppraisalInput,
} from "./appraisals";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { evaluateBranch, previewMemberOutcome, resultHistory } from "./results";
import { recordTally } from "./tallies";

const NOW = new Date("2026-12-25T10:00:00Z");
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const ALL_ON_TIME: TaskResults = { assigned: 10, onTime: 10, late: 0, notDone: 0, exceeded: 4 };

/** Form 2B's example items: every general item (30) and the tasks' 30 + 25 + `t3`. */
function selfScores(t3: number): string {
  const general = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`g${i + 1}`, i >= 9 && i <= 12 ? 1 : 2]));
  return JSON.stringify({ ...general, t1: 30, t2: 25, t3 });
}

async function branch(size = 3) {
  const members = Array.from({ length: size }, (_, i) => ({ fullName: `Đảng viên ${i + 1}`, kind: "official" as const }));
  const seeded = await seedBranch(db, { members, rulebookId: "qd366-2025" });
  return { ...seeded, ids: members.map((m) => seeded.memberIds[m.fullName]!) };
}

const appraisal = (periodId: string, memberId: string, rest: Partial<AppraisalInput> = {}): AppraisalInput => ({
  periodId,
  memberId,
  score: 92,
  tasks: ALL_ON_TIME,
  fixStatus: "fixed",
  grounds: [],
  residenceComment: true,
  temporaryBranchComment: false,
  ...rest,
});

describe("the branch's appraisal and proposal (N7 step 2)", () => {
  it("N3, N7: the list shows each member's self-score total and proposed level; the view shows the totals per group", async () => {
    const b = await branch(2);
    await db.selfReview.create({
      data: {
        periodId: b.periodId,
        memberId: b.ids[0]!,
        submittedAt: NOW,
        scores: selfScores(7),
        taskResults: JSON.stringify(ALL_ON_TIME),
        fixStatus: "fixed",
        selfRating: "L1",
      },
    });
    const board = await appraisalBoard(db, b.periodId);
    expect(board.map((e) => [e.selfScore.submitted, e.selfScore.total, e.selfScore.proposed, e.appraised])).toEqual([
      [true, 92, "L1", false],
      [false, null, null, false],
    ]);
    const view = await memberAppraisalView(db, b.periodId, b.ids[0]!);
    expect(view.selfScore).toMatchObject({ general: 30, tasksPoints: 62, total: 92, tasks: ALL_ON_TIME, fixStatus: "fixed" });
  });

  it("N4, N7: an accepted self-score is proposed at the computed level: a new MemberResult version with the inputs, audited without words", async () => {
    const b = await branch();
    const id = b.ids[0]!;
    const appraised = await recordAppraisal(db, appraisal(b.periodId, id), "sec", NOW, REVIEW_OFFSET);
    expect(appraised).toMatchObject({ version: 1, outcome: { kind: "level", level: "L1" } });
    await recordMeetingOpinion(db, { periodId: b.periodId, memberId: id, note: "Nhất trí với chi ủy" }, "sec", NOW);
    const proposed = await recordProposal(db, { periodId: b.periodId, memberId: id, level: null, note: null }, "sec", NOW, REVIEW_OFFSET);
    expect(proposed).toMatchObject({ ok: true, version: 1, outcome: { kind: "level", level: "L1" } });

    const [result] = await resultHistory(db, b.periodId, id);
    expect(result).toMatchObject({ version: 1, state: "proposed", outcome: { level: "L1" } });
    expect(result!.inputs).toEqual({
      rulebookId: "qd366-2025",
      score: 92,
      tasks: ALL_ON_TIME,
      fixStatus: "fixed",
      grounds: [],
      appraisalVersion: 1,
      proposalVersion: 1,
    });
    const steps = (await latestSteps(db, b.periodId, id)).get(id)!;
    expect([steps.appraisal?.version, steps.meeting?.note, steps.proposal?.level]).toEqual([1, "Nhất trí với chi ủy", "L1"]);

    const rows = await db.memberAppraisal.findMany({ where: { memberId: id } });
    const events = (await Promise.all(rows.map((r) => listAudit(db, "MemberAppraisal", r.id)))).flat();
    expect(events.map((e) => e.action).sort()).toEqual(["appraisal.appraisal", "appraisal.meeting", "appraisal.proposal"]);
    expect(JSON.stringify(events)).not.toContain("Nhất trí");
  });

  it("N4: a score of L1 with too few tasks exceeded falls to L2, naming the condition; N5: a ground forces L4", async () => {
    const b = await branch();
    const late = await recordAppraisal(
      db,
      appraisal(b.periodId, b.ids[0]!, { tasks: { ...ALL_ON_TIME, exceeded: 2 } }),
      "sec",
      NOW,
      REVIEW_OFFSET,
    );
    expect(late.outcome).toMatchObject({ kind: "level", level: "L2" });
    expect(late.outcome.reasons[0]).toEqual({ code: "score.condition-failed", params: { level: "L1", condition: "exceeded" } });
    const ground = await recordAppraisal(
      db,
      appraisal(b.periodId, b.ids[1]!, { grounds: ["forbidden-with-harm"] }),
      "sec",
      NOW,
      REVIEW_OFFSET,
    );
    expect(ground.outcome).toMatchObject({
      kind: "level",
      level: "L4",
      reasons: [{ code: "score.ground", params: { ground: "forbidden-with-harm" } }],
    });
  });

  it("N7: a proposal other than the computed level needs a reason, which then comes first; appraising again is a new version", async () => {
    const b = await branch();
    const id = b.ids[0]!;
    const propose = (level: "L1" | "L2" | null, note: string | null) =>
      recordProposal(db, { periodId: b.periodId, memberId: id, level, note }, "sec", NOW, REVIEW_OFFSET);
    expect(await propose(null, null)).toEqual({ ok: false, error: "proposal.no-appraisal" });
    await recordAppraisal(db, appraisal(b.periodId, id, { score: 80 }), "sec", NOW, REVIEW_OFFSET);
    expect(await propose("L1", "  ")).toEqual({ ok: false, error: "proposal.reason-required" });
    expect(await db.memberResult.count()).toBe(0);

    const done = await propose("L1", "Có sáng kiến được cấp tỉnh công nhận");
    expect(done).toMatchObject({ ok: true, outcome: { kind: "level", level: "L1" } });
    const [result] = await resultHistory(db, b.periodId, id);
    expect(result!.outcome.reasons[0]).toEqual({
      code: "proposal.differs",
      params: { computed: "L2", note: "Có sáng kiến được cấp tỉnh công nhận" },
    });
    const audit = await db.auditEvent.findMany({ where: { action: { startsWith: "appraisal." } } });
    expect(JSON.stringify(audit)).not.toContain("sáng kiến");

    await recordAppraisal(db, appraisal(b.periodId, id, { score: 95 }), "sec", NOW, REVIEW_OFFSET);
    expect(await propose(null, null)).toMatchObject({ ok: true, version: 2, outcome: { level: "L1" } });
    const steps = (await latestSteps(db, b.periodId, id)).get(id)!;
    expect([steps.appraisal?.version, steps.appraisal?.score, steps.proposal?.version]).toEqual([2, 95, 2]);
  });

  it("N8: a member attached elsewhere waits for the temporary branch's comment and cannot be proposed before it", async () => {
    const b = await branch();
    const id = b.ids[0]!;
    await db.member.update({ where: { id }, data: { specialCase: "attached-elsewhere" } });
    const waiting = await recordAppraisal(db, appraisal(b.periodId, id), "sec", NOW, REVIEW_OFFSET);
    expect(waiting.outcome).toMatchObject({ kind: "blocked" });
    const proposal = await recordProposal(db, { periodId: b.periodId, memberId: id, level: null, note: null }, "sec", NOW, REVIEW_OFFSET);
    expect(proposal).toEqual({ ok: false, error: "proposal.not-ready" });
    await recordAppraisal(db, appraisal(b.periodId, id, { temporaryBranchComment: true }), "sec", NOW, REVIEW_OFFSET);
    const later = await recordProposal(db, { periodId: b.periodId, memberId: id, level: null, note: null }, "sec", NOW, REVIEW_OFFSET);
    expect(later).toMatchObject({ ok: true, outcome: { level: "L1" } });
  });

  it("N6, N7: a 366 period's pass keeps the proposals (no ballot rating, no branch cap) and names who is not proposed yet", async () => {
    const b = await branch(5);
    for (const id of b.ids.slice(0, 4)) {
      await recordAppraisal(db, appraisal(b.periodId, id), "sec", NOW, REVIEW_OFFSET);
      await recordProposal(db, { periodId: b.periodId, memberId: id, level: null, note: null }, "sec", NOW, REVIEW_OFFSET);
    }
    // A ballot recorded as information: all L4 votes. It must not decide.
    const tally = { method: "secret" as const, official: 5, present: 5, valid: 5, votes: { L1: 0, L2: 0, L3: 0, L4: 5 } };
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[0]!, slot: 1, tally, enteredById: "sec" }, NOW);
    const pass = await evaluateBranch(db, { periodId: b.periodId, actorId: "sec" }, NOW, REVIEW_OFFSET);
    // The counts' preview shows what stands: the proposal, or that the appraisal is missing.
    const preview = (memberId: string) => previewMemberOutcome(db, { periodId: b.periodId, memberId, tally }, NOW, REVIEW_OFFSET);
    expect(await preview(b.ids[0]!)).toMatchObject({ kind: "level", level: "L1" });
    expect(await preview(b.ids[4]!)).toEqual({ kind: "awaiting-tally", reasons: [{ code: "appraisal.missing" }] });
    expect(pass).toMatchObject({ changed: [], tie: null, final: false, disagreements: [] });
    expect(pass.waitingForTally.map((w) => w.memberId)).toEqual([b.ids[4]]);
    // Four of five at L1: a branch cap of 20% would have cut three of them.
    for (const id of b.ids.slice(0, 4)) {
      const history = await resultHistory(db, b.periodId, id);
      expect(history.map((r) => [r.version, r.outcome.kind === "level" && r.outcome.level])).toEqual([[1, "L1"]]);
    }
  });
});
