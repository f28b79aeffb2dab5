// N2–N4 (RULES-2025): a member's self-review on form 2A/2B/2C as a sequence of steps: the written parts, the status of
// earlier shortcomings, the self-score item by item, the task results, the proposed level. What is still missing, and
// how a typed score or a line of task counts is read.
import type { FixStatus, MemberLevel } from "./levels";
import { checkItemScore, scoreTotals, type ItemScoreCheck, type ItemScores, type ScoreItem } from "./score-items";
import { FORM_TEXT_PARTS, OPTIONAL_FORM_PARTS, type FormTextPart } from "./self-score-parts";
import { taskResultErrors, type TaskErrorCode, type TaskResults } from "./task-results";

/** The order in which a member answers. */
export const SCORE_REVIEW_STEPS = [...FORM_TEXT_PARTS, "fix-status", "scores", "tasks", "proposal"] as const;
export type ScoreReviewStep = (typeof SCORE_REVIEW_STEPS)[number];

export type ScoreDraft = {
  /** A text part: null not answered yet; "" an optional part the member skipped. */
  texts: Readonly<Record<FormTextPart, string | null>>;
  fixStatus: FixStatus | null;
  scores: ItemScores;
  tasks: TaskResults | null;
  proposal: MemberLevel | null;
};

export function isFormTextPart(value: unknown): value is FormTextPart {
  return typeof value === "string" && (FORM_TEXT_PARTS as readonly string[]).includes(value);
}

/** Whether a step is answered; the scores are when every item of the period's list has an allowed score. */
export function stepAnswered(draft: ScoreDraft, step: ScoreReviewStep, items: readonly ScoreItem[]): boolean {
  if (isFormTextPart(step)) {
    const value = draft.texts[step];
    return OPTIONAL_FORM_PARTS.includes(step) ? value !== null : Boolean(value);
  }
  if (step === "fix-status") return draft.fixStatus !== null;
  if (step === "scores") return scoreTotals(items, draft.scores).missing.length === 0;
  if (step === "tasks") return draft.tasks !== null;
  return draft.proposal !== null;
}

/** The steps still to answer, in order (an empty draft misses them all). */
export function missingScoreSteps(draft: ScoreDraft, items: readonly ScoreItem[]): ScoreReviewStep[] {
  return SCORE_REVIEW_STEPS.filter((step) => !stepAnswered(draft, step, items));
}

export const EMPTY_SCORE_DRAFT: ScoreDraft = {
  texts: Object.fromEntries(FORM_TEXT_PARTS.map((part) => [part, null])) as Record<FormTextPart, null>,
  fixStatus: null,
  scores: {},
  tasks: null,
  proposal: null,
};

/** A typed score of an item: a whole number, as allowed by the item (checkItemScore). */
export function readItemScore(item: ScoreItem, typed: string): { ok: true; points: number } | { ok: false; why: ItemScoreCheck } {
  const trimmed = typed.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false, why: "not-whole" };
  const points = Number(trimmed);
  const check = checkItemScore(item, points);
  return check === "ok" ? { ok: true, points } : { ok: false, why: check };
}

export type TaskLineError = TaskErrorCode | "tasks.count";

/**
 * The five counts typed on one line, in order: assigned, on time, late, not done, exceeded ("12 10 1 1 4"; spaces,
 * commas or semicolons between them).
 */
export function readTaskLine(typed: string): { ok: true; tasks: TaskResults } | { ok: false; errors: TaskLineError[] } {
  const words = typed
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length !== 5) return { ok: false, errors: ["tasks.count"] };
  if (!words.every((w) => /^\d{1,6}$/.test(w))) return { ok: false, errors: ["tasks.not-whole"] };
  const [assigned, onTime, late, notDone, exceeded] = words.map(Number);
  const tasks: TaskResults = { assigned, onTime, late, notDone, exceeded };
  const errors = taskResultErrors(tasks);
  return errors.length === 0 ? { ok: true, tasks } : { ok: false, errors };
}
