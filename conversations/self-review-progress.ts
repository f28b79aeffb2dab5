// What the self-review reads from and writes to the store, as the little plain data its replay log must keep.
// The member's texts never enter that log: they are sent from inside `external` (see sendStoredText), so the
// state the conversations plugin serialises on every update stays a few hundred bytes.
import { partValue, missingFrom, REVIEW_PARTS, reviewEditPermission, type ReviewPart } from "../domain/self-review-parts";
import { isLate } from "../domain/submission";
import { splitMessage } from "../bot/kit/split-message";
import type { Translate } from "../bot/kit/i18n";
import type { BotContext } from "../bot/kit/context";
import { getReview, getReviewProgress, saveDraftPart, submitReview } from "../store/reviews";
import { appendToPart, beginPartEdit, finishPartEdit, type AppendResult, type DraftPart } from "../store/review-drafts";
import { reviewSummaryMessages, type SummaryHeader } from "./self-review-text";

export type ReviewKey = { periodId: string; memberId: string; actorId: string | null };

/** How /review opens: nothing written yet, a draft to resume, a submission to edit, or locked after the deadline. */
export type Opening = { state: "new" | "draft" | "submitted" | "locked"; late: boolean };

export async function openingOf(c: BotContext, key: ReviewKey, deadline: string): Promise<Opening> {
  const review = await getReview(c.deps.db, key.periodId, key.memberId);
  const now = c.deps.clock().toISOString();
  const late = isLate(now, deadline);
  if (!review) return { state: "new", late };
  if (!review.submittedAt) return { state: "draft", late };
  return { state: reviewEditPermission(review.submittedAt, deadline, now) === "locked" ? "locked" : "submitted", late };
}

/** Where the member stands: the parts still to write, and whether the review was submitted already. */
export type Progress = { missing: ReviewPart[]; submitted: boolean };

export async function progressOf(c: BotContext, key: ReviewKey): Promise<Progress> {
  const progress = await getReviewProgress(c.deps.db, key.periodId, key.memberId);
  return { missing: missingFrom(progress?.written ?? []), submitted: Boolean(progress?.submittedAt) };
}

export async function savePart(c: BotContext, key: ReviewKey, part: ReviewPart, value: string): Promise<"saved" | "locked"> {
  return (await saveDraftPart(c.deps.db, { ...key, part, value }, c.deps.clock())).status;
}

/** One message of a text part, added to what is stored (or to the new text of an edit in progress). */
export async function addMessage(
  c: BotContext,
  key: ReviewKey,
  part: DraftPart,
  message: { text: string; id: number },
  editing: boolean,
): Promise<AppendResult> {
  const chatId = c.chat!.id; // the member may write from two chats (issue 14): message ids are each chat's own
  return appendToPart(c.deps.db, { ...key, part, text: message.text, chatId, messageId: message.id, editing }, c.deps.clock());
}

export async function beginEdit(c: BotContext, key: ReviewKey, part: DraftPart): Promise<void> {
  await beginPartEdit(c.deps.db, key, part);
}

export async function finishEdit(c: BotContext, key: ReviewKey, part: DraftPart): Promise<"saved" | "unchanged" | "locked"> {
  return finishPartEdit(c.deps.db, key, part, c.deps.clock());
}

export type Submission =
  | { status: "submitted"; late: boolean; resubmitted: boolean; submittedAt: string }
  | { status: "incomplete"; missing: ReviewPart[] }
  | { status: "locked" };

export async function submit(c: BotContext, key: ReviewKey, deadline: string): Promise<Submission> {
  const result = await submitReview(c.deps.db, key, c.deps.clock(), deadline);
  if (result.status !== "submitted") return result;
  return { status: "submitted", late: result.late, resubmitted: result.resubmitted, submittedAt: result.review.submittedAt! };
}

/** The summary (all parts, or only the saved ones when resuming), sent straight from the stored review. */
export async function sendSummary(c: BotContext, key: ReviewKey, t: Translate, header: SummaryHeader, onlySaved = false): Promise<void> {
  const review = await getReview(c.deps.db, key.periodId, key.memberId);
  for (const chunk of reviewSummaryMessages(t, header, review, onlySaved)) await c.reply(chunk);
}

/** Shows a saved part back before editing it; false when the part is not written yet. */
export async function sendStoredText(c: BotContext, key: ReviewKey, part: ReviewPart): Promise<boolean> {
  const review = await getReview(c.deps.db, key.periodId, key.memberId);
  const saved = review ? partValue(review, part) : null;
  if (!saved) return false;
  for (const chunk of splitMessage(saved)) await c.reply(chunk);
  return true;
}

/**
 * Where a draft stands, in one line: the parts written (with their length) and the parts still to write. Only
 * titles and lengths: it may enter the replay log.
 */
export async function resumeLine(c: BotContext, key: ReviewKey, t: Translate): Promise<string> {
  const review = await getReview(c.deps.db, key.periodId, key.memberId);
  const written: string[] = [];
  const missing: string[] = [];
  for (const part of REVIEW_PARTS) {
    const value = review ? partValue(review, part) : null;
    const title = t(`review.short.${part}`);
    if (!value) missing.push(title);
    else if (part === "rating") written.push(title);
    else written.push(t("review.resume_part", { title, count: value.length }));
  }
  return t("review.resume_progress", {
    written: written.length > 0 ? written.join("; ") : t("review.resume_nothing"),
    missing: missing.length > 0 ? missing.join("; ") : t("review.resume_nothing"),
  });
}
