// What the self-review on form 2A/2B/2C reads from and writes to the store, as the little plain data its replay log
// must keep. The member's texts never enter that log: they are sent from inside `external`.
import type { BotContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { splitMessage } from "../bot/kit/split-message";
import type { ReviewTimeZone } from "../domain/calendar";
import type { MemberLevel, ReviewForm } from "../domain/levels";
import { getRulebook } from "../domain/rulebooks";
import { scoreRules } from "../domain/score-rating";
import { scoreTotals, type ScoreItem } from "../domain/score-items";
import { EMPTY_SCORE_DRAFT, missingScoreSteps, type ScoreReviewStep } from "../domain/self-score-review";
import type { FormTextPart } from "../domain/self-score-parts";
import { scoreItemsFor } from "../store/score-items";
import { getScoreReview, saveScoreAnswer, submitScoreReview, type ScoreAnswer } from "../store/score-reviews";
import type { ReviewKey, Submission } from "./self-review-progress";
import { proposalNote, scoreSummaryMessages, type ScoreContext } from "./self-score-text";
import type { SummaryHeader } from "./self-review-text";

/** The review's key and what chooses its items: the period's organization, year, quarter and rulebook, the form. */
export type ScoreScope = ReviewKey & { orgId: string; year: number; quarter: number; form: ReviewForm; rulebookId: string };

async function contextOf(c: BotContext, scope: ScoreScope): Promise<ScoreContext> {
  const { items } = await scoreItemsFor(c.deps.db, scope.orgId, scope.year, scope.quarter, scope.form);
  return { form: scope.form, items, rules: scoreRules(getRulebook(scope.rulebookId)) };
}

/** Where the member stands: the first step to answer (null: all answered), the item to score next, the sums so far. */
export type ScoreProgress = {
  next: ScoreReviewStep | null;
  item: { item: ScoreItem; number: number; count: number } | null;
  totals: { general: number; tasks: number; total: number };
  max: { general: number; tasks: number };
};

export async function scoreProgressOf(c: BotContext, scope: ScoreScope): Promise<ScoreProgress> {
  const context = await contextOf(c, scope);
  const draft = getScoreReview(c.deps.db, scope.periodId, scope.memberId)?.draft ?? EMPTY_SCORE_DRAFT;
  const next = missingScoreSteps(draft, context.items)[0] ?? null;
  const { general, tasks, total, missing } = scoreTotals(context.items, draft.scores);
  const index = next === "scores" ? context.items.findIndex((item) => item.id === missing[0]) : -1;
  return {
    next,
    item: index >= 0 ? { item: context.items[index], number: index + 1, count: context.items.length } : null,
    totals: { general, tasks, total },
    max: { general: context.rules.generalMax, tasks: context.rules.taskMax },
  };
}

export async function saveAnswer(c: BotContext, scope: ScoreScope, answer: ScoreAnswer): Promise<"saved" | "locked"> {
  return (await saveScoreAnswer(c.deps.db, scope, answer, c.deps.clock())).status;
}

/** The proposal saved (it is the member's), then what it lacks in words when the score and tasks do not reach it. */
export async function proposeLevel(
  c: BotContext,
  scope: ScoreScope,
  level: MemberLevel,
  t: Translate,
  view: { lang: string; timeZone: ReviewTimeZone },
): Promise<{ status: "locked" } | { status: "saved"; note: string | null }> {
  if ((await saveAnswer(c, scope, { step: "proposal", level })) === "locked") return { status: "locked" };
  const draft = getScoreReview(c.deps.db, scope.periodId, scope.memberId)?.draft ?? EMPTY_SCORE_DRAFT;
  return { status: "saved", note: proposalNote(t, draft, await contextOf(c, scope), view.lang, view) };
}

export async function submitScore(
  c: BotContext,
  scope: ScoreScope,
  deadline: string,
): Promise<Submission | { status: "incomplete-steps"; missing: ScoreReviewStep[] }> {
  const { items } = await contextOf(c, scope);
  const result = await submitScoreReview(c.deps.db, scope, scope.form, items, c.deps.clock(), deadline);
  if (result.status === "incomplete") return { status: "incomplete-steps", missing: result.missing };
  if (result.status === "locked") return result;
  return { status: "submitted", late: result.late, resubmitted: result.resubmitted, submittedAt: result.review.submittedAt! };
}

/** The summary, sent straight from the stored review (its texts stay out of the replay log). */
export async function sendScoreSummary(c: BotContext, scope: ScoreScope, t: Translate, header: SummaryHeader): Promise<void> {
  const review = getScoreReview(c.deps.db, scope.periodId, scope.memberId);
  for (const chunk of scoreSummaryMessages(t, { ...header, quarter: scope.quarter }, review, await contextOf(c, scope)))
    await c.reply(chunk);
}

/** Shows a saved written part back before editing it; false when it is not written (or was skipped). */
export async function sendStoredPart(c: BotContext, scope: ScoreScope, part: FormTextPart): Promise<boolean> {
  const saved = getScoreReview(c.deps.db, scope.periodId, scope.memberId)?.draft.texts[part];
  if (!saved) return false;
  for (const chunk of splitMessage(saved)) await c.reply(chunk);
  return true;
}

/** /myreview of a 2025 review: the summary, or null when nothing is written yet. */
export async function scoreReviewMessages(c: BotContext, scope: ScoreScope, t: Translate, header: SummaryHeader): Promise<string[] | null> {
  const review = getScoreReview(c.deps.db, scope.periodId, scope.memberId);
  return review ? scoreSummaryMessages(t, { ...header, quarter: scope.quarter }, review, await contextOf(c, scope)) : null;
}
