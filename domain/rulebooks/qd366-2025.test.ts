// The 366 rulebook's values by rule id (RULES-2025), and the 2011 rulebook held to its values: issue 15 added a
// rulebook, it changed none of the 2011 readings.
import { describe, expect, it } from "vitest";
import { defaultPeriodDates } from "../calendar";
import { committeeCap } from "../committee-cap";
import { percent } from "../fraction";
import { rateOrganizationByScore } from "../org-score-rating";
import { proposeOrgRating, recognizeOrgRating } from "../org-scoring";
import { reason } from "../reasons";
import { proposeResult, recognizeResult, revokeResult } from "../results";
import { checkMemberReward, rewardAmount } from "../rewards";
import { VN } from "../test-helpers";
import { getRulebook, hd07_2011, qd366_2025 as rb, rulebookIdForYear } from "./index";

const score = rb.score!;

describe("RULES-2025 values of the 366 rulebook", () => {
  it("is a rulebook of appraisals with score rules, found by its id, offered from 2025", () => {
    expect(getRulebook("qd366-2025")).toBe(rb);
    expect(rb.procedure).toBe("appraisal");
    expect([rulebookIdForYear(2024), rulebookIdForYear(2025), rulebookIdForYear(2026)]).toEqual(["hd07-2011", "qd366-2025", "qd366-2025"]);
    expect(JSON.parse(JSON.stringify(rb))).toEqual(rb);
  });

  it("N1: exempt and suspended members, and those admitted less than 6 months before, are not evaluated", () => {
    expect(score.exemptions).toEqual({ exempt: true, suspended: true, admittedWithinMonths: 6 });
  });

  it("N2: three forms, 2A, 2B and 2C", () => {
    expect(score.forms).toEqual(["2A", "2B", "2C"]);
  });

  it("N3: general criteria 30 + task results 70 = 100", () => {
    expect(score.generalMax + score.taskMax).toBe(100);
    expect([score.generalMax, score.taskMax]).toEqual([30, 70]);
  });

  it("N4: ≥ 90 every task on time, ≥ 30% exceeded, earlier shortcomings fixed; ≥ 70 on time; ≥ 50 done, ≤ 20% late", () => {
    expect(score.levels).toEqual({
      L1: { minScore: 90, allDone: true, allOnTime: true, minExceeded: percent(30), maxLate: null, earlierShortcomingsFixed: true },
      L2: { minScore: 70, allDone: true, allOnTime: true, minExceeded: null, maxLate: null, earlierShortcomingsFixed: false },
      L3: { minScore: 50, allDone: true, allOnTime: false, minExceeded: null, maxLate: percent(20), earlierShortcomingsFixed: false },
    });
  });

  it("N5: the grounds, «more than 50%» not done (strict), and discipline forcing L4", () => {
    expect(score.notCompletedGrounds).toEqual(["degradation-concluded", "forbidden-with-harm", "tasks-not-completed"]);
    expect(score.notCompletedAbove).toEqual({ num: 50, den: 100, strict: true });
    expect(score.disciplineForcesL4).toBe(true);
    expect(rb.member.discipline.forcesL4).toBe(true);
    expect(rb.member.discipline.minimumLevel).toBe("reprimand");
  });

  it("N6: 20% (25% for an outstanding unit) of everyone at «tốt» or better, floor; the cap code reads the same share", () => {
    expect(score.cap).toEqual({ share: percent(20), outstandingUnitShare: percent(25), baseIncludesExcellent: true, rounding: "floor" });
    expect(rb.member.l1Cap.share).toEqual(score.cap.share);
    expect(rb.member.l1Cap.base).toBe("reached-l2-or-better");
    expect(rb.member.l1Cap.tieBreak).toBe("secretary");
    expect(rb.member.l1Cap.rounding ?? "floor").toBe(score.cap.rounding);
  });

  it("N7: no vote decides; the competent level may decide otherwise and says why", () => {
    expect(rb.procedure).toBe("appraisal");
    expect(reason("decision.differs", { proposed: "L1", note: "…" })).toEqual({
      code: "decision.differs",
      params: { proposed: "L1", note: "…" },
    });
  });

  it("N8: sick 3 months or more is rated on the work done; no automatic L3 under 366", () => {
    expect(score.sickMonths).toBe(3);
    expect(rb.member.autoL3.retiredNotMoved).toBe(false);
    expect(rb.member.hcm.requiredFor).toEqual([]);
  });

  it("N9: lower before higher: the base committee's cap waits while a branch's results are not all in", () => {
    const waiting = { memberId: "m1", outcome: { kind: "awaiting-tally" as const, reasons: [] }, recognized: false, share: null };
    const cap = committeeCap([{ branchId: "b1", rulebookId: rb.id, members: [waiting] }], [], getRulebook);
    expect(cap.state).toBe("waiting-branches");
    expect(cap.pendingBranches).toEqual(["b1"]);
  });

  it("N10: a period may be a quarter; its self-reviews are due 10 days after it ends", () => {
    expect(score.quarterly).toBe(true);
    expect(score.quarterSelfReviewDaysAfter).toBe(10);
  });

  it("N11: draft report 3 working days before; finish before 31/12, special cycles before 15/01, files before 01/02", () => {
    expect(score.draftReportWorkingDays).toBe(3);
    const dates = defaultPeriodDates(2026, rb, VN);
    expect(dates.branchReportDeadline).toBe("2026-12-30T16:59:59.000Z");
    expect(dates.tccsdConferenceDeadline).toBe("2027-01-14T16:59:59.000Z");
    expect(dates.blocConferenceDeadline).toBe("2027-01-31T16:59:59.000Z");
    expect(dates.selfReviewDeadline < dates.branchReportDeadline).toBe(true);
  });

  it("N12: a wrong rating is cancelled and redone, keeping the old version", () => {
    const at = "2026-12-25T03:00:00.000Z";
    const l2 = { kind: "level" as const, level: "L2" as const, reasons: [] };
    const l3 = { kind: "level" as const, level: "L3" as const, reasons: [] };
    const proposed = proposeResult([], { by: "b", at, outcome: l2 });
    const recognized = proposed.ok ? recognizeResult(proposed.history, { by: "c", at }) : proposed;
    const revoked = recognized.ok ? revokeResult(recognized.history, { by: "c", at, why: "sai điểm" }) : recognized;
    const redone = revoked.ok ? proposeResult(revoked.history, { by: "b", at, outcome: l3 }) : revoked;
    expect(redone.ok && redone.history.map((v) => [v.version, v.state, v.outcome.kind === "level" && v.outcome.level])).toEqual([
      [1, "proposed", "L2"],
      [2, "recognized", "L2"],
      [3, "revoked", "L2"],
      [4, "proposed", "L3"],
    ]);
  });

  it("N13: 0.3×, 1.0× and 1.5× the base wage; the higher two for «xuất sắc» 5 years running", () => {
    const c = rb.rewards.catalogue;
    expect(c["base.excellent-member"]).toMatchObject({ giver: "base-committee", multipleTenths: 3, consecutiveYears: 1 });
    expect(c["bloc.member-excellent-3y"]).toMatchObject({ giver: "bloc-committee", multipleTenths: 10, consecutiveYears: 5 });
    expect(c["province.member-excellent-5y"]).toMatchObject({ giver: "provincial-standing", multipleTenths: 15, consecutiveYears: 5 });
    expect(rewardAmount("base.excellent-member", 2_340_000, rb)).toBe(702_000);
    expect(rewardAmount("bloc.member-excellent-3y", 2_340_000, rb)).toBe(2_340_000);
    expect(rewardAmount("province.member-excellent-5y", 2_340_000, rb)).toBe(3_510_000);
    const years = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, level: "L1" as const, emulationTitle: true }));
    const check = (history: ReturnType<typeof years>) =>
      checkMemberReward("bloc.member-excellent-3y", { year: 2026, history, organizationRegistered: true }, rb);
    expect(check(years(2022, 2026)).eligible).toBe(true);
    expect(check(years(2023, 2026)).reasons).toEqual([{ code: "reward.no-record", params: { year: 2022 } }]);
  });
});

describe("NO1, NO2: organizations", () => {
  const clean = { subordinateDisciplined: false, leaderDisciplined: false };
  const rate = (total: number, facts = clean) =>
    rateOrganizationByScore({ points: { general: Math.min(30, total), tasks: total - Math.min(30, total) }, facts }, rb);

  it.each([
    [90, "tsvm"],
    [89, "good"],
    [75, "good"],
    [70, "good"],
    [69, "completed"],
    [50, "completed"],
    [49, "weak"],
  ] as const)("NO1: %i points is %s (the bands 90 / 70 / 50, out of 30 + 70)", (total, level) => {
    expect(rate(total)).toMatchObject({ level, total });
  });

  it("NO1: «xuất sắc» needs no subordinate unit and no member of the leadership disciplined; the same 20% (25%) cap", () => {
    expect(rb.org.score).toEqual({
      generalMax: 30,
      taskMax: 70,
      excellentConditions: ["no-subordinate-disciplined", "no-leader-disciplined"],
      cap: { share: percent(20), outstandingUnitShare: percent(25), baseIncludesExcellent: true, rounding: "floor" },
    });
    expect(rate(95, { ...clean, leaderDisciplined: true }).level).toBe("good");
    expect(rate(95, { ...clean, subordinateDisciplined: true }).level).toBe("good");
    expect(rb.org.bands).toEqual({ tsvm: 90, good: 70, completed: 50 });
  });

  it("NO2: the branch self-rates, the level above decides (recognizes) its proposal", () => {
    expect(proposeOrgRating(null)).toBeNull();
    expect(recognizeOrgRating({ state: "proposed" })).toBeNull();
    expect(recognizeOrgRating(null)).toBe("result.none");
    expect(proposeOrgRating({ state: "recognized" })).toBe("result.revoke-first");
  });
});

describe("the 2011 rulebook is unchanged by issue 15", () => {
  it("keeps its procedure and has no score rules", () => {
    expect(hd07_2011.id).toBe("hd07-2011");
    expect(hd07_2011.procedure).toBe("ballot");
    expect(hd07_2011.score).toBeNull();
  });

  it("keeps its members' values (M2–M13)", () => {
    const moreThanHalf = { num: 1, den: 2, strict: true };
    expect(hd07_2011.member).toEqual({
      votes: { L1: { num: 2, den: 3, strict: false }, L2: moreThanHalf, L3: moreThanHalf, L4: moreThanHalf },
      denominator: "official",
      exemptOfficialsPrefilled: false,
      cumulativeBallots: true,
      l1Cap: { share: percent(15), base: "reached-l2-or-better", tieBreak: "secretary" },
      discipline: {
        minimumLevel: "reprimand",
        sources: ["party", "state", "mass"],
        forms: {
          party: ["reprimand", "warning", "removal", "expulsion"],
          state: ["reprimand", "warning", "salary-downgrade", "demotion", "removal", "dismissal"],
          mass: ["reprimand", "warning", "removal", "expulsion"],
        },
        forcesL4: true,
        l4VoteNeedsGround: true,
      },
      hcm: { requiredFor: ["L1", "L2", "L3"], leadersMustReport: true },
      autoL3: { retiredNotMoved: true, awayMonths: 3, awayRequiresReport: false },
      groupsAboveMembers: 15,
    });
  });

  it("keeps its organizations' values (O1–O6)", () => {
    expect(hd07_2011.org).toEqual({
      score: null,
      taskMax: { politicalTasks: 30, ideology: 15, partyBuilding: 15, cadres: 10, inspection: 10, massOrgs: 5, hcm: 15 },
      bands: { tsvm: 90, good: 70, completed: 50 },
      tsvmConditionsFailedLevel: "good",
      tsvm: {
        membersL2OrBetter: percent(80),
        branchesTsvm: { num: 2, den: 3, strict: false },
        maxWeakBranches: 0,
        attendance: percent(80),
        branchConditionsFor: ["base-committee"],
      },
      weakBranches: { num: 1, den: 3, strict: false },
      hcm: { minimumPoints: 8, concreteActionsRequired: true },
      exemplaryShare: percent(20),
    });
  });

  it("keeps its rewards (R1–R5) and its calendar (T1)", () => {
    const { catalogue, blocBranchProposalShare, blocMemberProposalShare, organization } = hd07_2011.rewards;
    expect([blocBranchProposalShare, blocMemberProposalShare]).toEqual([percent(15), percent(15)]);
    expect(organization).toEqual({ minScore: 95, membersL2OrBetter: percent(90, true), maxL4Members: 0 });
    expect(
      Object.fromEntries(Object.entries(catalogue).map(([k, v]) => [k, [v.multipleTenths, v.consecutiveYears, v.yearsSincePrevious]])),
    ).toEqual({
      "base.exemplary-branch": [6, 1, null],
      "bloc.exemplary-tccsd": [20, 1, null],
      "bloc.branch-exemplary-3y": [15, 3, null],
      "province.tccsd-exemplary-3y": [30, 3, 3],
      "base.excellent-member": [3, 1, null],
      "bloc.member-excellent-3y": [6, 3, 3],
      "province.member-excellent-5y": [10, 5, 5],
    });
    const at = (yearOffset: 0 | 1, month: number, day: number) => ({ yearOffset, month, day, hh: 23, mm: 59, ss: 59 });
    expect(hd07_2011.calendar).toEqual({
      selfReviewDeadline: at(0, 12, 20),
      branchReportDeadline: at(0, 12, 30),
      tccsdConferenceDeadline: at(1, 1, 14),
      blocAppraisalDeadline: at(1, 1, 19),
      blocConferenceDeadline: at(1, 1, 29),
    });
    expect(hd07_2011.setupDates).toEqual({ leadDays: 7, reportGapDays: 10 });
  });
});
