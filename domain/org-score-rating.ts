// NO1 (RULES-2025): an organization's level by its score (general + task points, the rulebook's bands); "xuất sắc"
// (the level code tsvm) also needs the rulebook's conditions, else it falls to the level the rulebook names, with the
// conditions as reasons. What the members and subordinate organizations were rated is shown beside it, as information.
import type { OrgLevel, OrgScoreCondition } from "./levels";
import { DomainError, reason, type Reason } from "./reasons";
import type { OrgScoreRules, Rulebook } from "./rulebook";

export const ORG_SCORE_PARTS = ["general", "tasks"] as const;
export type OrgScorePart = (typeof ORG_SCORE_PARTS)[number];
export type OrgScorePoints = Record<OrgScorePart, number>;

/** NO1: the facts of the year that the conditions of "xuất sắc" read, as the organization answers them. */
export type OrgScoreFacts = { subordinateDisciplined: boolean; leaderDisciplined: boolean };

export type OrgScorePartError = { code: "org.score-not-integer" | "org.score-out-of-range"; part: OrgScorePart; max: number };
export type OrgScoreRating = { level: OrgLevel; total: number; reasons: Reason[] };

/** The rulebook's score rules for organizations; a rulebook of the seven tasks (2011) has none. */
export function orgScoreRules(rulebook: Rulebook): OrgScoreRules {
  if (!rulebook.org.score) throw new DomainError("org.not-scored");
  return rulebook.org.score;
}

export const orgPartMax = (rules: OrgScoreRules, part: OrgScorePart) => (part === "general" ? rules.generalMax : rules.taskMax);

/** NO1: a part's points are a whole number in 0..its maximum; the error says which bound. */
export function checkOrgScorePart(value: number, part: OrgScorePart, rules: OrgScoreRules): OrgScorePartError | null {
  const max = orgPartMax(rules, part);
  if (!Number.isSafeInteger(value)) return { code: "org.score-not-integer", part, max };
  return value < 0 || value > max ? { code: "org.score-out-of-range", part, max } : null;
}

/** NO1: a part's points as typed. */
export function parseOrgScorePart(
  text: string,
  part: OrgScorePart,
  rules: OrgScoreRules,
): { ok: true; value: number } | { ok: false; error: OrgScorePartError } {
  const typed = text.trim();
  const value = /^-?\d{1,4}$/.test(typed) ? Number(typed) : Number.NaN;
  const error = checkOrgScorePart(value, part, rules);
  return error ? { ok: false, error } : { ok: true, value };
}

const HOLDS: Record<OrgScoreCondition, (facts: OrgScoreFacts) => boolean> = {
  "no-subordinate-disciplined": (f) => !f.subordinateDisciplined,
  "no-leader-disciplined": (f) => !f.leaderDisciplined,
};

/** NO1: the rulebook's conditions of "xuất sắc" the facts fail, in the rulebook's order. */
export function failedOrgScoreConditions(facts: OrgScoreFacts, rules: OrgScoreRules): OrgScoreCondition[] {
  return rules.excellentConditions.filter((c) => !HOLDS[c](facts));
}

/** NO1: the level of the points and facts (`org.invalid-scores` is thrown for points out of bounds). */
export function rateOrganizationByScore(input: { points: OrgScorePoints; facts: OrgScoreFacts }, rulebook: Rulebook): OrgScoreRating {
  const rules = orgScoreRules(rulebook);
  const errors = [checkOrgScorePart(input.points.general, "general", rules), checkOrgScorePart(input.points.tasks, "tasks", rules)];
  if (errors.some((e) => e !== null))
    throw new DomainError(
      "org.invalid-scores",
      errors.filter((e) => e !== null),
    );
  const total = input.points.general + input.points.tasks;
  const { bands, tsvmConditionsFailedLevel } = rulebook.org;
  const band = (level: OrgLevel) => reason("org.score-band", { total, level });
  if (total >= bands.tsvm) {
    const failed = failedOrgScoreConditions(input.facts, rules);
    if (failed.length === 0) return { level: "tsvm", total, reasons: [band("tsvm")] };
    const level = tsvmConditionsFailedLevel;
    return { level, total, reasons: [band(level), ...failed.map((condition) => reason("org.score-condition-failed", { condition }))] };
  }
  const level: OrgLevel = total >= bands.good ? "good" : total >= bands.completed ? "completed" : "weak";
  return { level, total, reasons: [band(level)] };
}
