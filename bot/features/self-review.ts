import { Composer } from "grammy";
import { selfReviewConversation, SELF_REVIEW, type SelfReviewArgs } from "../../conversations/self-review";
import { selfScoreConversation, SELF_SCORE, type SelfScoreArgs } from "../../conversations/self-score";
import { scoreReviewMessages, type ScoreScope } from "../../conversations/self-score-progress";
import { scoreWords } from "../kit/rulebook-words";
import { getRulebook } from "../../domain/rulebooks";
import { isFormTextPart } from "../../domain/self-score-review";
import { scoreReviewSetting } from "../../store/score-reviews";
import { reviewSummaryMessages } from "../../conversations/self-review-text";
import { MAX_REVIEW_CHARS, reviewContentSchema } from "../../domain/schemas";
import { replaceEditedMessage } from "../../store/review-drafts";
import { memberQuarterResults } from "../../store/quarter-results";
import { getReview, reviewerContext, type ReviewerContext } from "../../store/reviews";
import { reviewStart } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { quarterResultLines } from "../kit/quarter-results-words";
import { onButton } from "../kit/on-button";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(selfReviewConversation, SELF_REVIEW), dialog(selfScoreConversation, SELF_SCORE)];

/** /review (and the reminders' `review:start` button) and /myreview, for members of a branch. */
export function selfReviewFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("review", openSelfReview);
  onButton(feature, reviewStart, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openSelfReview(ctx);
  });
  feature.command("myreview", showMyReview);
  feature.on("edited_message:text", applyEditedMessage);
  return feature;
}

/**
 * A message of a self-review part edited in Telegram (issue 13): its new text replaces the old where it was added,
 * and the member is told once it is stored. Another message edited is a member's only if they have a roster entry.
 */
async function applyEditedMessage(ctx: BotContext): Promise<void> {
  const edited = ctx.editedMessage;
  const memberIds = ctx.identity.memberships.map((m) => m.memberId);
  if (!edited?.text || memberIds.length === 0) return;
  const parsed = reviewContentSchema.safeParse(edited.text);
  if (!parsed.success) return void (await ctx.reply(ctx.t("review.edited_invalid", { max: MAX_REVIEW_CHARS })));
  const input = { memberIds, actorId: ctx.identity.userId, chatId: edited.chat.id, messageId: edited.message_id, text: parsed.data };
  const result = await replaceEditedMessage(ctx.deps.db, input, ctx.deps.clock());
  if (result.status === "saved") {
    const title = ctx.t(isFormTextPart(result.part) ? `review25.short.${result.part}` : `review.short.${result.part}`);
    await ctx.reply(ctx.t("review.edited_saved", { title }));
  } else await ctx.reply(ctx.t(`review.edited_${result.status}`, { max: MAX_REVIEW_CHARS }));
}

/**
 * The branch whose open period the member writes for: the first membership with an open period, else the first
 * membership (to say no period is open). A stranger gets the explanation of how to join.
 */
async function reviewerFor(ctx: BotContext): Promise<ReviewerContext | null> {
  const { memberships } = ctx.identity;
  if (memberships.length === 0) {
    await ctx.reply(ctx.t("review.not_member"));
    return null;
  }
  const contexts = await Promise.all(memberships.map((m) => reviewerContext(ctx.deps.db, m.memberId)));
  const reviewer = contexts.find((c) => c?.period) ?? contexts[0];
  if (!reviewer?.period) {
    await ctx.reply(ctx.t("review.no_period", { org: memberships[0].orgName }));
    return null;
  }
  return reviewer;
}

async function openSelfReview(ctx: BotContext): Promise<void> {
  const reviewer = await reviewerFor(ctx);
  if (!reviewer?.period) return;
  const args: SelfReviewArgs = {
    lang: ctx.lang,
    memberId: reviewer.memberId,
    userId: ctx.identity.userId,
    periodId: reviewer.period.id,
    fullName: reviewer.fullName,
    orgName: reviewer.orgName,
    year: reviewer.period.year,
    isLeader: reviewer.isLeader,
    deadline: reviewer.period.selfReviewDeadline,
    timeZone: ctx.deps.timeZone,
  };
  // The period's rulebook chooses the dialog: the 2011 contents and ballot, or the 366 forms and self-score.
  const scope = await scoreScopeOf(ctx, reviewer);
  if (scope) await ctx.conversation.enter(SELF_SCORE, { ...args, ...scope } satisfies SelfScoreArgs);
  else await ctx.conversation.enter(SELF_REVIEW, args);
}

/** Under a rulebook of appraisal (366): the period's organization, quarter and rulebook, and the member's form. */
async function scoreScopeOf(
  ctx: BotContext,
  reviewer: ReviewerContext,
): Promise<Pick<ScoreScope, "orgId" | "quarter" | "form" | "rulebookId" | "year"> | null> {
  if (!reviewer.period) return null;
  const setting = await scoreReviewSetting(ctx.deps.db, reviewer.period.id, reviewer.memberId);
  return setting && getRulebook(setting.rulebookId).procedure === "appraisal" ? setting : null;
}

/** A member reads their own self-review (only theirs: the lookup starts from their own memberships). */
async function showMyReview(ctx: BotContext): Promise<void> {
  const reviewer = await reviewerFor(ctx);
  if (!reviewer?.period) return;
  const header = { fullName: reviewer.fullName, year: reviewer.period.year, lang: ctx.lang, timeZone: ctx.deps.timeZone };
  const scope = await scoreScopeOf(ctx, reviewer);
  const key = { periodId: reviewer.period.id, memberId: reviewer.memberId, actorId: ctx.identity.userId };
  const review = scope ? null : await getReview(ctx.deps.db, reviewer.period.id, reviewer.memberId);
  const messages = scope
    ? await scoreReviewMessages(ctx, { ...key, ...scope }, scoreWords(ctx.t), header)
    : review && reviewSummaryMessages(ctx.t, header, review);
  if (!messages) await ctx.reply(ctx.t("myreview.none"));
  for (const chunk of messages || []) await ctx.reply(chunk);
  // N10: in the year's review, the member's quarter results beside it (information).
  const quarters = await memberQuarterResults(ctx.deps.db, reviewer.period.id, reviewer.memberId);
  const lines = quarterResultLines(ctx.t, quarters.year, quarters.quarters);
  if (lines.length > 0) await ctx.reply(lines.join("\n"));
}
