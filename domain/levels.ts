// The closed vocabularies of the guideline (B.I, B.II). Everything else refers to these lists.

/** B.II.4: L1 excellent, L2 good, L3 completed, L4 violated / not completed. */
export const MEMBER_LEVELS = ["L1", "L2", "L3", "L4"] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];

/** B.I.3: trong sạch vững mạnh, hoàn thành tốt, hoàn thành, yếu kém. */
export const ORG_LEVELS = ["tsvm", "good", "completed", "weak"] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** M1: chính thức, dự bị, sinh hoạt tạm thời. "Exempt" is a flag, not a kind (an exempt member keeps their kind). */
export const MEMBER_KINDS = ["official", "probationary", "temporary"] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** M4: the four contents of a self-review (B.II.2 a–d). */
export const CONTENT_KEYS = ["a", "b", "c", "d"] as const;
export type ContentKey = (typeof CONTENT_KEYS)[number];

/**
 * M9: the forms of discipline of the party, the state (hạ bậc lương, giáng chức, buộc thôi việc are the state's
 * own) and the mass organizations, lightest first so the index is the severity. Which source has which form is the
 * rulebook's `member.discipline.forms`.
 */
export const DISCIPLINE_LEVELS = [
  "reprimand", // khiển trách
  "warning", // cảnh cáo
  "salary-downgrade", // hạ bậc lương
  "demotion", // giáng chức
  "removal", // cách chức
  "dismissal", // buộc thôi việc
  "expulsion", // khai trừ
] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];
export const DISCIPLINE_SOURCES = ["party", "state", "mass"] as const;
export type DisciplineSource = (typeof DISCIPLINE_SOURCES)[number];

/** M9: the grounds recorded with an L4 vote (B.II.4.4). */
export const L4_GROUNDS = [
  "standards-violated",
  "professional-duties-not-completed",
  "assigned-tasks-not-completed",
  "refused-assignment",
  "caused-disunity",
] as const;
export type L4Ground = (typeof L4_GROUNDS)[number];

/** O7: the units that are evaluated. The bloc committee itself is not. */
export const ORG_KINDS = ["base-committee", "base-branch", "sub-committee", "branch"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** O1: the seven tasks, in the guideline's order. */
export const TASK_KEYS = ["politicalTasks", "ideology", "partyBuilding", "cadres", "inspection", "massOrgs", "hcm"] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

export function isMemberLevel(value: unknown): value is MemberLevel {
  return typeof value === "string" && (MEMBER_LEVELS as readonly string[]).includes(value);
}

export function isOrgKind(value: unknown): value is OrgKind {
  return typeof value === "string" && (ORG_KINDS as readonly string[]).includes(value);
}

/** A count per member level, e.g. how many members of a branch got each level. */
export type LevelCounts = Record<MemberLevel, number>;
export type OrgLevelCounts = Record<OrgLevel, number>;

/** N2 (RULES-2025): the self-review forms: 2A holds a leadership or management post, 2B works in the political system
 * without one, 2C does not work in the political system (retired, student, private sector, other). */
export const REVIEW_FORMS = ["2A", "2B", "2C"] as const;
export type ReviewForm = (typeof REVIEW_FORMS)[number];

export function isReviewForm(value: unknown): value is ReviewForm {
  return typeof value === "string" && (REVIEW_FORMS as readonly string[]).includes(value);
}

/** N5 (RULES-2025): the grounds that force "không hoàn thành nhiệm vụ" whatever the score, besides a discipline. */
export const NOT_COMPLETED_GROUNDS = [
  "degradation-concluded", // suy thoái về tư tưởng chính trị, đạo đức, lối sống, concluded by the competent body
  "forbidden-with-harm", // vi phạm những điều đảng viên không được làm, gây hậu quả
  "tasks-not-completed", // more than the rulebook's share of tasks not completed (also derived from the task results)
] as const;
export type NotCompletedGround = (typeof NOT_COMPLETED_GROUNDS)[number];

/** N2: what the member reports of earlier shortcomings. */
export const FIX_STATUSES = ["none", "fixed", "being-fixed", "not-fixed"] as const;
export type FixStatus = (typeof FIX_STATUSES)[number];

/** N8: a member rated on the work actually done, or whose rating waits for another body's comment. */
export const SPECIAL_CASES = ["sick", "maternity", "attached-elsewhere"] as const;
export type SpecialCase = (typeof SPECIAL_CASES)[number];

/** N4: the conditions a level may need, in the order the member is told about them. */
export const SCORE_CONDITIONS = ["score", "all-done", "all-on-time", "exceeded", "late", "earlier-fixed"] as const;
export type ScoreCondition = (typeof SCORE_CONDITIONS)[number];

/** NO1 (RULES-2025): what an organization's "xuất sắc" needs besides its score, each for the year of the rating. */
export const ORG_SCORE_CONDITIONS = ["no-subordinate-disciplined", "no-leader-disciplined"] as const;
export type OrgScoreCondition = (typeof ORG_SCORE_CONDITIONS)[number];
