import { describe, expect, it } from "vitest";
import { reviewYearDays } from "./calendar";
import type { DisciplineInput } from "./discipline";
import type { MemberOutcome } from "./member-rating";
import { hd07_2011, qd366_2025 as rb } from "./rulebooks/index";
import {
  checkProposedLevel,
  failedConditions,
  levelByScore,
  notEvaluatedReasons,
  rateByScore,
  scoreRules,
  tooManyNotCompleted,
  type ScoreFacts,
  type ScoreMemberStatus,
  type ScoreRatingInput,
} from "./score-rating";
import type { TaskResults } from "./task-results";

const rules = scoreRules(rb);
/** `assigned` tasks, all on time unless said otherwise. */
const tasks = (over: Partial<TaskResults> = {}, assigned = 10): TaskResults => {
  const late = over.late ?? 0;
  const notDone = over.notDone ?? 0;
  return { assigned, onTime: assigned - late - notDone, late, notDone, exceeded: 0, ...over };
};
/** Every condition of L1 met (3 of 10 exceeded, shortcomings fixed) unless said otherwise. */
const facts = (score: number, over: Partial<TaskResults> = { exceeded: 3 }, fixStatus: ScoreFacts["fixStatus"] = "fixed"): ScoreFacts => ({
  score,
  tasks: tasks(over),
  fixStatus,
});
const levelOf = (f: ScoreFacts) => levelByScore(f, rules).level;
const member = (over: Partial<ScoreMemberStatus> = {}): ScoreMemberStatus => ({
  exempt: false,
  suspended: false,
  admittedOn: null,
  specialCase: null,
  ...over,
});
const input = (over: Partial<ScoreRatingInput> = {}): ScoreRatingInput => ({
  member: member(),
  reviewDay: "2026-12-20",
  facts: facts(95),
  grounds: [],
  disciplines: [],
  reviewYear: reviewYearDays(2026),
  temporaryBranchComment: false,
  ...over,
});
const rate = (over: Partial<ScoreRatingInput> = {}) => rateByScore(input(over), rb);
const level = (o: MemberOutcome) => (o.kind === "level" ? o.level : o.kind);

describe("N4: the level by score and its conditions", () => {
  it("N4: 90 points with every task on time and 30% exceeded is L1", () => {
    expect(levelByScore(facts(90), rules)).toEqual({
      level: "L1",
      reasons: [{ code: "score.reached", params: { level: "L1", score: 90 } }],
    });
  });

  it("N4: 89 points with every condition of L1 is L2 (the band, not a condition)", () => {
    expect(levelByScore(facts(89), rules)).toEqual({
      level: "L2",
      reasons: [{ code: "score.reached", params: { level: "L2", score: 89 } }],
    });
  });

  it.each([
    [100, "L1"],
    [90, "L1"],
    [89, "L2"],
    [70, "L2"],
    [69, "L3"],
    [50, "L3"],
    [49, "L4"],
    [0, "L4"],
  ] as const)("N4: %i points with every condition met is %s", (score, expected) => {
    expect(levelOf(facts(score))).toBe(expected);
  });

  it("N4: 49 points is L4 by the score: below L3's 50", () => {
    expect(levelByScore(facts(49), rules)).toEqual({ level: "L4", reasons: [{ code: "score.below", params: { score: 49, minimum: 50 } }] });
  });

  it("N4: exactly 30% exceeded (3 of 10) is enough for L1; 2 of 10 falls to L2 and says why", () => {
    expect(levelOf(facts(95, { exceeded: 3 }))).toBe("L1");
    expect(levelByScore(facts(95, { exceeded: 2 }), rules)).toEqual({
      level: "L2",
      reasons: [
        { code: "score.condition-failed", params: { level: "L1", condition: "exceeded" } },
        { code: "score.reached", params: { level: "L2", score: 95 } },
      ],
    });
    // Exact fractions: 30 of 100 is 30%, 29 of 100 is not; 3 of 9 (33%) is.
    expect(failedConditions({ ...facts(95), tasks: tasks({ exceeded: 30 }, 100) }, rules.levels.L1)).toEqual([]);
    expect(failedConditions({ ...facts(95), tasks: tasks({ exceeded: 29 }, 100) }, rules.levels.L1)).toEqual(["exceeded"]);
    expect(failedConditions({ ...facts(95), tasks: tasks({ exceeded: 3 }, 9) }, rules.levels.L1)).toEqual([]);
  });

  it("N4: one task late takes L1 and L2 away (every task on time); at most 20% late is still L3", () => {
    expect(levelByScore(facts(95, { late: 1, exceeded: 3 }), rules)).toEqual({
      level: "L3",
      reasons: [
        { code: "score.condition-failed", params: { level: "L1", condition: "all-on-time" } },
        { code: "score.condition-failed", params: { level: "L2", condition: "all-on-time" } },
        { code: "score.reached", params: { level: "L3", score: 95 } },
      ],
    });
  });

  it("N4: exactly 20% late (2 of 10, 20 of 100) is L3; just above (3 of 10, 21 of 100) fails L3 too", () => {
    expect(levelOf(facts(75, { late: 2 }))).toBe("L3");
    expect(levelOf({ ...facts(75), tasks: tasks({ late: 20 }, 100) })).toBe("L3");
    expect(levelOf({ ...facts(75), tasks: tasks({ late: 21 }, 100) })).toBe("L4");
    const above = levelByScore(facts(75, { late: 3 }), rules);
    expect(above.level).toBe("L4");
    // L4 by the conditions, not by the score: no "below 50" for 75 points.
    expect(above.reasons).toEqual([
      { code: "score.condition-failed", params: { level: "L2", condition: "all-on-time" } },
      { code: "score.condition-failed", params: { level: "L3", condition: "late" } },
    ]);
  });

  it("N4: a task not done fails every level above L4 (L3 needs 100% done)", () => {
    expect(failedConditions(facts(95, { notDone: 1, exceeded: 3 }), rules.levels.L3)).toEqual(["all-done"]);
    expect(levelOf(facts(95, { notDone: 1, exceeded: 3 }))).toBe("L4");
  });

  it("N4: earlier shortcomings being fixed, or not fixed, take L1 away; none or fixed keep it", () => {
    expect(levelOf(facts(95, { exceeded: 3 }, "none"))).toBe("L1");
    expect(levelOf(facts(95, { exceeded: 3 }, "fixed"))).toBe("L1");
    expect(levelByScore(facts(95, { exceeded: 3 }, "being-fixed"), rules).reasons[0]).toEqual({
      code: "score.condition-failed",
      params: { level: "L1", condition: "earlier-fixed" },
    });
    expect(levelOf(facts(95, { exceeded: 3 }, "being-fixed"))).toBe("L2");
    expect(levelOf(facts(95, { exceeded: 3 }, "not-fixed"))).toBe("L2");
  });

  it("N4: the level falls to the highest level whose conditions hold, each failed condition named", () => {
    // 92 points, 2 exceeded of 10, one late, shortcomings being fixed: L1 fails three ways, L2 one, L3 holds.
    const result = levelByScore(facts(92, { exceeded: 2, late: 1 }, "being-fixed"), rules);
    expect(result.level).toBe("L3");
    expect(result.reasons).toEqual([
      { code: "score.condition-failed", params: { level: "L1", condition: "all-on-time" } },
      { code: "score.condition-failed", params: { level: "L1", condition: "exceeded" } },
      { code: "score.condition-failed", params: { level: "L1", condition: "earlier-fixed" } },
      { code: "score.condition-failed", params: { level: "L2", condition: "all-on-time" } },
      { code: "score.reached", params: { level: "L3", score: 92 } },
    ]);
  });

  it("N4: a level the score does not reach is not listed as denied by its other conditions", () => {
    // 80 points with 2 of 10 exceeded: L1 is out by the score alone; L2 holds.
    expect(levelByScore(facts(80, { exceeded: 2 }), rules).reasons).toEqual([
      { code: "score.reached", params: { level: "L2", score: 80 } },
    ]);
  });

  it("N4: no task assigned: no share of tasks can fail (the score and the shortcomings decide)", () => {
    expect(levelOf({ score: 95, tasks: tasks({}, 0), fixStatus: "none" })).toBe("L1");
  });
});

describe("N4: checkProposedLevel — the member's own proposal", () => {
  it("N4: a proposal at or below the level reached holds", () => {
    expect(checkProposedLevel(facts(95), "L1", rules)).toEqual({ reached: "L1", holds: true, missing: [] });
    expect(checkProposedLevel(facts(95), "L2", rules)).toEqual({ reached: "L1", holds: true, missing: [] });
    expect(checkProposedLevel(facts(40), "L4", rules)).toEqual({ reached: "L4", holds: true, missing: [] });
  });

  it("N4: a proposal above it lists what it lacks: the score and each failed condition", () => {
    expect(checkProposedLevel(facts(85, { exceeded: 2 }), "L1", rules)).toEqual({
      reached: "L2",
      holds: false,
      missing: [
        { code: "score.below", params: { score: 85, minimum: 90 } },
        { code: "score.condition-failed", params: { level: "L1", condition: "exceeded" } },
      ],
    });
    expect(checkProposedLevel(facts(65, { late: 3 }), "L3", rules)).toEqual({
      reached: "L4",
      holds: false,
      missing: [{ code: "score.condition-failed", params: { level: "L3", condition: "late" } }],
    });
    expect(checkProposedLevel(facts(49), "L3", rules).missing).toEqual([{ code: "score.below", params: { score: 49, minimum: 50 } }]);
  });
});

describe("N5: grounds for «không hoàn thành» whatever the score", () => {
  it("N5: exactly 50% of tasks not done is not «more than 50%»; 6 of 10 (and 51 of 100) is", () => {
    expect(tooManyNotCompleted(tasks({ notDone: 5 }), rules)).toBe(false);
    expect(tooManyNotCompleted(tasks({ notDone: 6 }), rules)).toBe(true);
    expect(tooManyNotCompleted(tasks({ notDone: 50 }, 100), rules)).toBe(false);
    expect(tooManyNotCompleted(tasks({ notDone: 51 }, 100), rules)).toBe(true);
    expect(tooManyNotCompleted(tasks({}, 0), rules)).toBe(false);
  });

  it("N5: more than 50% not done is recorded as its ground; exactly 50% is L4 by the conditions only", () => {
    const above = rate({ facts: facts(95, { notDone: 6 }) });
    expect(above).toEqual({ kind: "level", level: "L4", reasons: [{ code: "score.ground", params: { ground: "tasks-not-completed" } }] });
    const half = rate({ facts: facts(95, { notDone: 5 }) });
    expect(level(half)).toBe("L4");
    expect(half.reasons.map((r) => r.code)).not.toContain("score.ground");
  });

  it.each(["degradation-concluded", "forbidden-with-harm"] as const)("N5: the ground %s forces L4 at 100 points", (ground) => {
    expect(rate({ facts: facts(100), grounds: [ground] })).toEqual({
      kind: "level",
      level: "L4",
      reasons: [{ code: "score.ground", params: { ground } }],
    });
  });

  it("N5: khiển trách or heavier in the year forces L4, the discipline named first", () => {
    const reprimand: DisciplineInput = { level: "reprimand", source: "party", decidedOn: "2026-05-04" };
    const outcome = rate({ facts: facts(100), disciplines: [reprimand], grounds: ["forbidden-with-harm"] });
    expect(outcome).toEqual({
      kind: "level",
      level: "L4",
      reasons: [
        { code: "member.discipline", params: { level: "reprimand", source: "party", date: "2026-05-04" } },
        { code: "score.ground", params: { ground: "forbidden-with-harm" } },
      ],
    });
  });

  it("N5: a discipline ended before the year does not force L4", () => {
    const old: DisciplineInput = { level: "warning", source: "party", decidedOn: "2024-03-01", endsOn: "2025-03-01" };
    expect(level(rate({ facts: facts(95), disciplines: [old] }))).toBe("L1");
  });

  it("N5: a rulebook value, not code: without disciplineForcesL4 a discipline forces nothing", () => {
    const lenient = { ...rb, score: { ...rules, disciplineForcesL4: false } };
    const reprimand: DisciplineInput = { level: "reprimand", source: "party", decidedOn: "2026-05-04" };
    expect(level(rateByScore(input({ disciplines: [reprimand] }), lenient))).toBe("L1");
  });

  it("N5: a ground the rulebook does not list is ignored", () => {
    const fewer = { ...rb, score: { ...rules, notCompletedGrounds: ["degradation-concluded" as const] } };
    expect(level(rateByScore(input({ grounds: ["forbidden-with-harm"] }), fewer))).toBe("L1");
  });
});

describe("N1: who is evaluated", () => {
  it("N1: an exempt member, a suspended member: not evaluated", () => {
    expect(rate({ member: member({ exempt: true }) })).toEqual({ kind: "not-evaluated", reasons: [{ code: "member.exempt" }] });
    expect(rate({ member: member({ suspended: true }) })).toEqual({ kind: "not-evaluated", reasons: [{ code: "member.suspended" }] });
  });

  it("N1: admitted exactly 6 months before the review day is evaluated; a day later is not", () => {
    expect(notEvaluatedReasons(member({ admittedOn: "2026-06-20" }), "2026-12-20", rules)).toEqual([]);
    expect(notEvaluatedReasons(member({ admittedOn: "2026-06-21" }), "2026-12-20", rules)).toEqual([
      { code: "member.admitted-recently", params: { date: "2026-06-21", months: 6 } },
    ]);
    expect(level(rate({ member: member({ admittedOn: "2026-06-21" }) }))).toBe("not-evaluated");
  });

  it("N1: 31/8 + 6 months is the last day of February (28/2, 29/2 in a leap year)", () => {
    expect(notEvaluatedReasons(member({ admittedOn: "2025-08-31" }), "2026-02-28", rules)).toEqual([]);
    expect(notEvaluatedReasons(member({ admittedOn: "2025-08-31" }), "2026-02-27", rules)).toHaveLength(1);
    expect(notEvaluatedReasons(member({ admittedOn: "2027-08-31" }), "2028-02-29", rules)).toEqual([]);
    expect(notEvaluatedReasons(member({ admittedOn: "2027-08-31" }), "2028-02-28", rules)).toHaveLength(1);
  });

  it("N1: an unknown admission day does not hold a member back", () => {
    expect(notEvaluatedReasons(member({ admittedOn: null }), "2026-12-20", rules)).toEqual([]);
  });

  it("N1: exemption comes before suspension and admission (one reason)", () => {
    const all = member({ exempt: true, suspended: true, admittedOn: "2026-12-01" });
    expect(notEvaluatedReasons(all, "2026-12-20", rules)).toEqual([{ code: "member.exempt" }]);
  });
});

describe("N7, N8: the steps and the special cases", () => {
  it("N7: without a score for this step the member waits for the appraisal", () => {
    expect(rate({ facts: null })).toEqual({ kind: "awaiting-tally", reasons: [{ code: "appraisal.missing" }] });
  });

  it("N8: attached elsewhere: blocked until the temporary branch's comment, then rated", () => {
    const attached = member({ specialCase: "attached-elsewhere" });
    expect(rate({ member: attached })).toEqual({
      kind: "blocked",
      reasons: [{ code: "score.special-case", params: { case: "attached-elsewhere" } }, { code: "appraisal.awaiting-comment" }],
    });
    expect(rate({ member: attached, facts: null }).kind).toBe("blocked");
    const commented = rate({ member: attached, temporaryBranchComment: true });
    expect(level(commented)).toBe("L1");
    expect(commented.reasons[0]).toEqual({ code: "score.special-case", params: { case: "attached-elsewhere" } });
  });

  it.each(["sick", "maternity"] as const)("N8: %s: rated on the work actually done, the case recorded", (specialCase) => {
    const outcome = rate({ member: member({ specialCase }), facts: facts(72, { exceeded: 0 }, "none"), temporaryBranchComment: false });
    expect(outcome).toEqual({
      kind: "level",
      level: "L2",
      reasons: [
        { code: "score.special-case", params: { case: specialCase } },
        { code: "score.reached", params: { level: "L2", score: 72 } },
      ],
    });
  });

  it("N8 before N5: the special case stays in front of a forcing ground", () => {
    const outcome = rate({ member: member({ specialCase: "sick" }), grounds: ["degradation-concluded"] });
    expect(outcome.reasons.map((r) => r.code)).toEqual(["score.special-case", "score.ground"]);
  });

  it("a rulebook of ballots has no score rules: asking for them is a programming error", () => {
    expect(() => scoreRules(hd07_2011)).toThrow("has no score rules");
    expect(() => rateByScore(input(), hd07_2011)).toThrow();
  });
});
