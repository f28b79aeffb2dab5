// N1, N4, N5, N8 (RULES-2025): a member's level from a score out of 100, the year's tasks and the grounds that force
// "không hoàn thành". Used for the self-check of a proposed level, the branch's proposal and the competent level's
// decision alike; who decides (N7) is the store's and the bot's business, not this file's.
import { addMonthsToDay, type DaySpan } from "./calendar";
import { disciplineInYear, type DisciplineInput } from "./discipline";
import { reaches } from "./fraction";
import type { FixStatus, MemberLevel, NotCompletedGround, ScoreCondition, SpecialCase } from "./levels";
import type { MemberOutcome } from "./member-rating";
import { reason, type Reason } from "./reasons";
import type { Rulebook, ScoreLevelCondition, ScoreRules } from "./rulebook";
import type { TaskResults } from "./task-results";

export const SCORED_LEVELS = ["L1", "L2", "L3"] as const;
export type ScoredLevel = (typeof SCORED_LEVELS)[number];

export type ScoreFacts = { score: number; tasks: TaskResults; fixStatus: FixStatus };

/** The rulebook's score rules; a rulebook of ballots has none, and asking it for them is a programming error. */
export function scoreRules(rulebook: Rulebook): ScoreRules {
  if (!rulebook.score) throw new Error(`rulebook ${rulebook.id} has no score rules`);
  return rulebook.score;
}

/** N4: the conditions of a level that the facts do not meet (empty: the level holds). Shares are exact. */
export function failedConditions(facts: ScoreFacts, condition: ScoreLevelCondition): ScoreCondition[] {
  const { assigned, late, notDone, exceeded } = facts.tasks;
  const failed: ScoreCondition[] = [];
  if (facts.score < condition.minScore) failed.push("score");
  if (condition.allDone && notDone > 0) failed.push("all-done");
  if (condition.allOnTime && notDone + late > 0) failed.push("all-on-time");
  if (condition.minExceeded && assigned > 0 && !reaches(exceeded, assigned, condition.minExceeded)) failed.push("exceeded");
  // "At most 20% late" fails when late is more than 20% of the tasks.
  if (condition.maxLate && reaches(late, assigned, { ...condition.maxLate, strict: !condition.maxLate.strict })) failed.push("late");
  if (condition.earlierShortcomingsFixed && facts.fixStatus !== "none" && facts.fixStatus !== "fixed") failed.push("earlier-fixed");
  return failed;
}

export type LevelByScore = { level: MemberLevel; reasons: Reason[] };

/**
 * N4: the highest level whose score and conditions hold; a level whose conditions fail falls to the next. The
 * reasons name the level reached with its score, and every higher level the score reached but a condition denied.
 */
export function levelByScore(facts: ScoreFacts, rules: ScoreRules): LevelByScore {
  const denied: Reason[] = [];
  for (const level of SCORED_LEVELS) {
    const condition = rules.levels[level];
    const failed = failedConditions(facts, condition);
    if (failed.length === 0) return { level, reasons: [...denied, reason("score.reached", { level, score: facts.score })] };
    if (!failed.includes("score")) for (const c of failed) denied.push(reason("score.condition-failed", { level, condition: c }));
  }
  // A score that reached L3 but whose conditions all failed is L4 by those conditions, not by the score.
  const minimum = rules.levels.L3.minScore;
  return { level: "L4", reasons: facts.score < minimum ? [...denied, reason("score.below", { score: facts.score, minimum })] : denied };
}

/** N5: more than the rulebook's share of tasks not completed. */
export function tooManyNotCompleted(tasks: TaskResults, rules: ScoreRules): boolean {
  return tasks.assigned > 0 && reaches(tasks.notDone, tasks.assigned, rules.notCompletedAbove);
}

export type ScoreMemberStatus = {
  exempt: boolean;
  suspended: boolean;
  /** N1: the day of admission, "YYYY-MM-DD", when known. */
  admittedOn: string | null;
  specialCase: SpecialCase | null;
};

/** N1: the reasons a member is not evaluated (empty: evaluated). `reviewDay`: the local day of the review. */
export function notEvaluatedReasons(member: ScoreMemberStatus, reviewDay: string, rules: ScoreRules): Reason[] {
  const { exempt, suspended, admittedWithinMonths } = rules.exemptions;
  if (exempt && member.exempt) return [reason("member.exempt")];
  if (suspended && member.suspended) return [reason("member.suspended")];
  if (member.admittedOn && addMonthsToDay(member.admittedOn, admittedWithinMonths) > reviewDay)
    return [reason("member.admitted-recently", { date: member.admittedOn, months: admittedWithinMonths })];
  return [];
}

export type ScoreRatingInput = {
  member: ScoreMemberStatus;
  /** The local day of the review (N1's six months are counted to it), "YYYY-MM-DD". */
  reviewDay: string;
  /** The score and tasks this step rates on (the self-score, the appraisal or the decision's); null: not yet. */
  facts: ScoreFacts | null;
  /** N5 grounds recorded by the committee. */
  grounds: readonly NotCompletedGround[];
  disciplines: readonly DisciplineInput[];
  reviewYear: DaySpan;
  /** N8: the temporary branch's written comment has reached the home branch (needed for "attached-elsewhere"). */
  temporaryBranchComment: boolean;
};

/** N1, N4, N5, N8: the level a score and its facts give, or why there is none yet. */
export function rateByScore(input: ScoreRatingInput, rulebook: Rulebook): MemberOutcome {
  const rules = scoreRules(rulebook);
  const exempt = notEvaluatedReasons(input.member, input.reviewDay, rules);
  if (exempt.length > 0) return { kind: "not-evaluated", reasons: exempt };
  const special = input.member.specialCase ? [reason("score.special-case", { case: input.member.specialCase })] : [];
  if (input.member.specialCase === "attached-elsewhere" && !input.temporaryBranchComment)
    return { kind: "blocked", reasons: [...special, reason("appraisal.awaiting-comment")] };
  if (!input.facts) return { kind: "awaiting-tally", reasons: [reason("appraisal.missing")] };

  const grounds = new Set(input.grounds);
  if (tooManyNotCompleted(input.facts.tasks, rules)) grounds.add("tasks-not-completed");
  const forced = rules.notCompletedGrounds.filter((g) => grounds.has(g)).map((ground) => reason("score.ground", { ground }));
  const discipline = rules.disciplineForcesL4 ? disciplineInYear([...input.disciplines], input.reviewYear, rulebook) : null;
  if (discipline)
    forced.unshift(reason("member.discipline", { level: discipline.level, source: discipline.source, date: discipline.decidedOn }));
  if (forced.length > 0) return { kind: "level", level: "L4", reasons: [...special, ...forced] };
  const byScore = levelByScore(input.facts, rules);
  return { kind: "level", level: byScore.level, reasons: [...special, ...byScore.reasons] };
}

export type ProposalCheck = { reached: MemberLevel; holds: boolean; missing: Reason[] };

/**
 * N4 for the member's own proposal: the level the self-score reaches, and when the proposed level is higher, what it
 * lacks (its conditions that fail, the score among them). A proposal at or below the reached level holds.
 */
export function checkProposedLevel(facts: ScoreFacts, proposed: MemberLevel, rules: ScoreRules): ProposalCheck {
  const reached = levelByScore(facts, rules).level;
  const order = ["L1", "L2", "L3", "L4"];
  if (order.indexOf(proposed) >= order.indexOf(reached)) return { reached, holds: true, missing: [] };
  const condition = rules.levels[proposed as ScoredLevel];
  const missing = failedConditions(facts, condition).map((c) =>
    c === "score"
      ? reason("score.below", { score: facts.score, minimum: condition.minScore })
      : reason("score.condition-failed", { level: proposed, condition: c }),
  );
  return { reached, holds: false, missing };
}
