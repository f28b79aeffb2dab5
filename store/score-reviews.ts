// The self-review on form 2A/2B/2C (RULES-2025 N2–N4, issue 15): the same SelfReview row as the 2011 review (so
// drafts, late marks, reminders and /status work as they do), its 2025 columns. The written parts are added message by
// message through store/review-drafts.ts; the other answers are saved one at a time here. Review texts leave this
// file only as return values, never in audit events or logs.
import { FIX_STATUSES, isMemberLevel, isReviewForm, type FixStatus, type MemberLevel, type ReviewForm } from "../domain/levels";
import { formOf, type ItemScores, type ScoreItem } from "../domain/score-items";
import { missingScoreSteps, type ScoreDraft, type ScoreReviewStep } from "../domain/self-score-review";
import { FORM_TEXT_PARTS, type FormTextPart } from "../domain/self-score-parts";
import type { TaskResults } from "../domain/task-results";
import type { Db } from "./client";
import { getReviewColumns, saveReviewColumn, submitWith, type SaveResult, type StoredReview, type SubmitResult } from "./reviews";

/** The column of each written part of the forms (contentA and contentC are shared with the 2011 contents a and c). */
export const FORM_PART_COLUMN: Readonly<Record<FormTextPart, string>> = {
  strengths: "contentA",
  "task-results": "contentC",
  pledge: "pledge",
  shortcomings: "shortcomings",
  "earlier-fixes": "earlierFixes",
  explanation: "explanation",
  remedies: "remedies",
};

export type ScoreReviewKey = { periodId: string; memberId: string; actorId?: string | null };

export type ScoreReviewRow = { draft: ScoreDraft; form: ReviewForm | null; submittedAt: string | null; late: boolean };

const textOf = (value: unknown) => (typeof value === "string" ? value : null);

function parsedJson(value: unknown): unknown {
  if (typeof value !== "string") return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function scoresOf(value: unknown): ItemScores {
  const parsed = parsedJson(value);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1])));
}

function tasksOf(value: unknown): TaskResults | null {
  const parsed = parsedJson(value) as Partial<Record<keyof TaskResults, unknown>> | null;
  if (typeof parsed !== "object" || parsed === null) return null;
  const { assigned, onTime, late, notDone, exceeded } = parsed;
  const counts = [assigned, onTime, late, notDone, exceeded];
  if (!counts.every((n) => Number.isSafeInteger(n))) return null;
  return { assigned, onTime, late, notDone, exceeded } as TaskResults;
}

/** The 2025 answers of a stored review row. */
export function scoreDraftOf(stored: StoredReview): ScoreDraft {
  const fix = stored.fixStatus;
  return {
    texts: Object.fromEntries(FORM_TEXT_PARTS.map((part) => [part, textOf(stored[FORM_PART_COLUMN[part]])])) as Record<
      FormTextPart,
      string | null
    >,
    fixStatus: (FIX_STATUSES as readonly unknown[]).includes(fix) ? (fix as FixStatus) : null,
    scores: scoresOf(stored.scores),
    tasks: tasksOf(stored.taskResults),
    proposal: isMemberLevel(stored.selfRating) ? stored.selfRating : null,
  };
}

export function getScoreReview(db: Db, periodId: string, memberId: string): ScoreReviewRow | null {
  const read = getReviewColumns(db, periodId, memberId);
  if (!read) return null;
  const { stored, review } = read;
  return {
    draft: scoreDraftOf(stored),
    form: isReviewForm(stored.form) ? stored.form : null,
    submittedAt: review.submittedAt,
    late: review.late,
  };
}

/** One answer of the form other than a written part. */
export type ScoreAnswer =
  | { step: "skip"; part: FormTextPart }
  | { step: "fix-status"; status: FixStatus }
  | { step: "score"; itemId: string; points: number }
  | { step: "clear-scores" }
  | { step: "tasks"; tasks: TaskResults }
  | { step: "proposal"; level: MemberLevel }
  | { step: "form"; form: ReviewForm };

function columnAndValue(db: Db, key: ScoreReviewKey, answer: ScoreAnswer): { part: string; column: string; value: string } {
  switch (answer.step) {
    case "skip":
      return { part: answer.part, column: FORM_PART_COLUMN[answer.part], value: "" };
    case "fix-status":
      return { part: "fix-status", column: "fixStatus", value: answer.status };
    case "score": {
      // A member's chat is handled in order: read, merge and write need no transaction (as every draft save).
      const current = scoresOf(getReviewColumns(db, key.periodId, key.memberId)?.stored.scores);
      return { part: "scores", column: "scores", value: JSON.stringify({ ...current, [answer.itemId]: answer.points }) };
    }
    case "clear-scores":
      return { part: "scores", column: "scores", value: "{}" };
    case "tasks":
      return { part: "tasks", column: "taskResults", value: JSON.stringify(answer.tasks) };
    case "proposal":
      return { part: "proposal", column: "selfRating", value: answer.level };
    case "form":
      return { part: "form", column: "form", value: answer.form };
  }
}

/** Saves one answer at once (durable when this returns); locked after the deadline once submitted (T2). */
export function saveScoreAnswer(db: Db, key: ScoreReviewKey, answer: ScoreAnswer, now: Date): Promise<SaveResult> {
  return saveReviewColumn(db, { ...key, ...columnAndValue(db, key, answer) }, now);
}

/** Submits (T2 as every review: late kept and marked, edits until the deadline) when no step of the form is missing. */
export async function submitScoreReview(
  db: Db,
  key: ScoreReviewKey,
  form: ReviewForm,
  items: readonly ScoreItem[],
  now: Date,
  deadline: string,
): Promise<SubmitResult<ScoreReviewStep>> {
  const saved = await saveScoreAnswer(db, key, { step: "form", form }, now);
  if (saved.status === "locked") return { status: "locked" };
  return submitWith(db, key, now, deadline, (stored) => missingScoreSteps(scoreDraftOf(stored ?? {}), items));
}

export type ScoreReviewSetting = { rulebookId: string; orgId: string; year: number; quarter: number; form: ReviewForm };

/** The period's rulebook and the member's form (N2: the roster's, else by leadership), which choose the dialog and items. */
export async function scoreReviewSetting(db: Db, periodId: string, memberId: string): Promise<ScoreReviewSetting | null> {
  const [period, member] = await Promise.all([
    db.reviewPeriod.findUnique({ where: { id: periodId }, select: { rulebookId: true, orgId: true, year: true, quarter: true } }),
    db.member.findUnique({ where: { id: memberId }, select: { form: true, isLeader: true } }),
  ]);
  if (!period || !member) return null;
  return { ...period, form: formOf(member) };
}
