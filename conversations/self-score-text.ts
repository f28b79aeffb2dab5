// How a self-review on form 2A/2B/2C reads on a phone: the summary before confirming, and /myreview.
import { describeReasons } from "../bot/kit/describe-result";
import { formatInstant } from "../bot/kit/format-date";
import { periodWords } from "../bot/kit/score-items-words";
import type { Translate } from "../bot/kit/i18n";
import { joinInMessages } from "../bot/kit/split-message";
import type { ReviewForm } from "../domain/levels";
import type { ScoreRules } from "../domain/rulebook";
import { checkProposedLevel } from "../domain/score-rating";
import { groupMax, scoreTotals, type ScoreItem, type ScoreTotals } from "../domain/score-items";
import type { ScoreDraft, ScoreReviewStep } from "../domain/self-score-review";
import { FORM_TEXT_PARTS, OPTIONAL_FORM_PARTS } from "../domain/self-score-parts";
import type { TaskResults } from "../domain/task-results";
import type { ScoreReviewRow } from "../store/score-reviews";
import type { SummaryHeader } from "./self-review-text";

/** What the texts need besides the review: the items scored on and the rulebook's score rules. */
export type ScoreContext = { form: ReviewForm; items: readonly ScoreItem[]; rules: ScoreRules };

/** "Tổng: 24/30 điểm tiêu chí chung" while the general items are scored; both groups once the tasks' are. */
export function runningTotal(
  t: Translate,
  totals: Pick<ScoreTotals, "general" | "tasks">,
  max: { general: number; tasks: number },
  inTasks: boolean,
): string {
  const general = { score: totals.general, max: max.general };
  if (!inTasks) return t("review25.total_general", general);
  return t("review25.total_both", { ...general, tasks: totals.tasks, tasksMax: max.tasks });
}

export function tasksLine(t: Translate, tasks: TaskResults): string {
  return t("review25.tasks_line", { ...tasks });
}

/**
 * When the proposed level is above what the score and the tasks reach (N4): that level, and what the proposal lacks,
 * in words. Null when it holds or the facts are not all there.
 */
export function proposalNote(
  t: Translate,
  draft: ScoreDraft,
  context: ScoreContext,
  lang: string,
  header: Pick<SummaryHeader, "timeZone">,
): string | null {
  const totals = scoreTotals(context.items, draft.scores);
  if (!draft.proposal || !draft.tasks || !draft.fixStatus || totals.missing.length > 0) return null;
  const facts = { score: totals.total, tasks: draft.tasks, fixStatus: draft.fixStatus };
  const check = checkProposedLevel(facts, draft.proposal, context.rules);
  if (check.holds) return null;
  return t("review25.proposal_above", {
    proposed: t(`rating.level.${draft.proposal}`),
    reached: t(`rating.level.${check.reached}`),
    missing: describeReasons(t, check.missing, lang, header.timeZone),
  });
}

export function stepTitles(t: Translate, steps: readonly ScoreReviewStep[]): string {
  return steps.map((step) => t(`review25.part.${step}`)).join("; ");
}

function scoreBlock(t: Translate, draft: ScoreDraft, context: ScoreContext): string {
  const totals = scoreTotals(context.items, draft.scores);
  const lines = [
    t("review25.score_general", { score: totals.general, max: groupMax("general", context.rules) }),
    t("review25.score_tasks", { score: totals.tasks, max: groupMax("tasks", context.rules) }),
    t("review25.score_total", { score: totals.total }),
  ];
  if (totals.missing.length > 0) lines.push(t("review25.score_unscored", { count: totals.missing.length }));
  return lines.join("\n");
}

/** N10: a quarter's summary names the quarter. */
type ScoreSummaryHeader = SummaryHeader & { quarter: number };

function summaryBlocks(t: Translate, header: ScoreSummaryHeader, review: ScoreReviewRow | null, context: ScoreContext): string[] {
  const state = !review?.submittedAt
    ? t("review.state.draft")
    : t(review.late ? "review.state.late" : "review.state.submitted", {
        at: formatInstant(review.submittedAt, header.lang, header.timeZone),
      });
  const title = t("review25.summary_title", {
    when: periodWords(t, header.year, header.quarter),
    name: header.fullName,
    form: t(`review25.form.${review?.form ?? context.form}`),
  });
  const blocks = [`${title}\n${state}`];
  const draft = review?.draft;
  const block = (step: ScoreReviewStep, body: string) => blocks.push(`${t(`review25.part.${step}`)}:\n${body}`);
  for (const part of FORM_TEXT_PARTS) {
    const value = draft?.texts[part] ?? null;
    const skipped = value === "" && OPTIONAL_FORM_PARTS.includes(part);
    block(part, value ? value : t(skipped ? "review25.skipped" : "review.not_written"));
  }
  block("fix-status", draft?.fixStatus ? t(`review25.fix.${draft.fixStatus}`) : t("review.not_written"));
  block("scores", draft ? scoreBlock(t, draft, context) : t("review.not_written"));
  block("tasks", draft?.tasks ? tasksLine(t, draft.tasks) : t("review.not_written"));
  const note = draft ? proposalNote(t, draft, context, header.lang, header) : null;
  block("proposal", draft?.proposal ? [t(`rating.level.${draft.proposal}`), ...(note ? [note] : [])].join("\n") : t("review.not_written"));
  return blocks;
}

/** The summary in Telegram-sized messages (a written part may be 20,000 characters). */
export function scoreSummaryMessages(
  t: Translate,
  header: ScoreSummaryHeader,
  review: ScoreReviewRow | null,
  context: ScoreContext,
): string[] {
  return joinInMessages(summaryBlocks(t, header, review, context));
}
