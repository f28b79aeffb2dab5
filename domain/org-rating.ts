// O1–O7: the quality rating of a grassroots party organization (B.I).
import { floorShare, meanRateReaches, reachesNonEmpty } from "./fraction";
import { isOrgKind, TASK_KEYS, type LevelCounts, type OrgKind, type OrgLevel, type OrgLevelCounts, type TaskKey } from "./levels";
import { DomainError, reason, type OrgDefect, type Reason, type TsvmCondition } from "./reasons";
import type { Rulebook } from "./rulebook";

export type OrgScores = Record<TaskKey, number>;

export type OrgRatingInput = {
  kind: OrgKind;
  scores: OrgScores;
  /** O3 */
  conditions: {
    /** The professional body and every mass organization are strong or advanced. */
    unitsStrong: boolean;
    /** A committee member or head/deputy was disciplined from reprimand up, not found and handled by the party itself. */
    leaderDisciplined: boolean;
    meetsRegularly: boolean;
    /**
     * O3: each of the year's meetings, members present vs members expected. The condition is on "tỷ lệ đảng viên dự
     * sinh hoạt bình quân": the mean of the meetings' rates, not the pooled total (a small meeting weighs as much as a
     * large one, as a secretary computes it by hand).
     */
    attendance: readonly { attended: number; expected: number }[];
  };
  /** O4 */
  defects: { prolongedDisunity: boolean; corruptionDiscipline: boolean };
  /** O5 */
  hcmConcreteActions: boolean;
  /** Members of the unit per level (O3: share rated L2 or better). */
  memberLevels: LevelCounts;
  /** For a base committee: its branches per level (O3, O4). */
  branchLevels?: OrgLevelCounts;
  /** For a base committee: branches whose rating is not recognized yet (O3: none of them counts as TSVM). */
  unratedBranches?: number;
};

export type OrgRating = { level: OrgLevel; total: number; reasons: Reason[] };

export const ORG_SCORE_ERROR_CODES = ["org.score-not-integer", "org.score-out-of-range"] as const;
export type OrgScoreError = { code: (typeof ORG_SCORE_ERROR_CODES)[number]; task: TaskKey; max: number };

/** O1: each task scored as a whole number in 0..max. */
export function validateOrgScores(scores: OrgScores, rulebook: Rulebook): OrgScoreError[] {
  const errors: OrgScoreError[] = [];
  for (const task of TASK_KEYS) {
    const value = scores[task];
    const max = rulebook.org.taskMax[task];
    if (!Number.isSafeInteger(value)) errors.push({ code: "org.score-not-integer", task, max });
    else if (value < 0 || value > max) errors.push({ code: "org.score-out-of-range", task, max });
  }
  return errors;
}

export function totalScore(scores: OrgScores): number {
  return TASK_KEYS.reduce((sum, task) => sum + scores[task], 0);
}

const sumCounts = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const NO_BRANCHES: OrgLevelCounts = { tsvm: 0, good: 0, completed: 0, weak: 0 };

/** O4, O5 and the bottom band of O2: what makes a unit weak whatever else it did. */
function weakReasons(input: OrgRatingInput, total: number, rulebook: Rulebook): Reason[] {
  const { org } = rulebook;
  const reasons: Reason[] = [];
  const defects: OrgDefect[] = [];
  if (input.defects.prolongedDisunity) defects.push("prolonged-disunity");
  if (input.defects.corruptionDiscipline) defects.push("corruption-discipline");
  const branches = input.branchLevels ?? NO_BRANCHES;
  const allBranches = sumCounts(branches) + (input.unratedBranches ?? 0);
  if (org.tsvm.branchConditionsFor.includes(input.kind) && reachesNonEmpty(branches.weak, allBranches, org.weakBranches))
    defects.push("weak-branches");
  for (const defect of defects) reasons.push(reason("org.defect", { defect }));
  if (total < org.bands.completed) reasons.push(reason("org.band", { total, level: "weak" }));
  if (input.scores.hcm < org.hcm.minimumPoints)
    reasons.push(reason("org.hcm-below-minimum", { points: input.scores.hcm, minimum: org.hcm.minimumPoints }));
  if (org.hcm.concreteActionsRequired && !input.hcmConcreteActions) reasons.push(reason("org.hcm-no-actions"));
  return reasons;
}

/** O3: the conditions a unit at the TSVM band fails. */
export function failedTsvmConditions(input: OrgRatingInput, rulebook: Rulebook): TsvmCondition[] {
  const t = rulebook.org.tsvm;
  const failed: TsvmCondition[] = [];
  const members = input.memberLevels;
  if (!input.conditions.unitsStrong) failed.push("units-strong");
  if (input.conditions.leaderDisciplined) failed.push("no-leader-disciplined");
  if (!reachesNonEmpty(members.L1 + members.L2, sumCounts(members), t.membersL2OrBetter)) failed.push("members-l2-or-better");
  if (t.branchConditionsFor.includes(input.kind)) {
    const branches = input.branchLevels ?? NO_BRANCHES;
    const unrated = input.unratedBranches ?? 0;
    // A branch not yet rated may be anything: the unit cannot be TSVM until every branch's rating is recognized.
    if (unrated > 0) failed.push("branches-rated");
    if (!reachesNonEmpty(branches.tsvm, sumCounts(branches) + unrated, t.branchesTsvm)) failed.push("branches-tsvm");
    if (branches.weak > t.maxWeakBranches) failed.push("no-weak-branches");
  }
  if (!input.conditions.meetsRegularly) failed.push("meets-regularly");
  const meetings = input.conditions.attendance.map((m) => ({ count: m.attended, total: m.expected }));
  if (!meanRateReaches(meetings, t.attendance)) failed.push("attendance");
  return failed;
}

/** O2: the level of a unit. Scores must pass `validateOrgScores` (else `org.invalid-scores` is thrown). */
export function rateOrganization(input: OrgRatingInput, rulebook: Rulebook): OrgRating {
  if (!isOrgKind(input.kind)) throw new DomainError("org.not-evaluated-kind", { kind: input.kind });
  const errors = validateOrgScores(input.scores, rulebook);
  if (errors.length > 0) throw new DomainError("org.invalid-scores", errors);
  const total = totalScore(input.scores);
  const { bands } = rulebook.org;

  const weak = weakReasons(input, total, rulebook);
  if (weak.length > 0) return { level: "weak", total, reasons: weak };
  if (total >= bands.tsvm) {
    const failed = failedTsvmConditions(input, rulebook);
    if (failed.length === 0) return { level: "tsvm", total, reasons: [reason("org.band", { total, level: "tsvm" })] };
    const level = rulebook.org.tsvmConditionsFailedLevel;
    const reasons = failed.map((condition) => reason("org.tsvm-condition-failed", { condition }));
    return { level, total, reasons: [reason("org.band", { total, level }), ...reasons] };
  }
  const level: OrgLevel = total >= bands.good ? "good" : "completed";
  return { level, total, reasons: [reason("org.band", { total, level })] };
}

/** O6, R2: how many TSVM units may be exemplary (tiêu biểu). */
export function exemplaryQuota(tsvmCount: number, rulebook: Rulebook): number {
  return floorShare(tsvmCount, rulebook.org.exemplaryShare);
}
