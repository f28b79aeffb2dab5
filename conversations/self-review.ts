// The members' self-review (M4, M5, T2): the four contents, the Ho Chi Minh actions, the self-rating, a summary
// to confirm. Every answer is validated by the domain's schemas and saved at once, so /cancel, a restart or a lost
// signal loses nothing; /review resumes at the first missing part. No rules here: they live in domain/.
import type { Message } from "grammy/types";
import type { z } from "zod";
import type { BotConversation, ConvContext } from "../bot/context";
import { translatorFor, type Translate } from "../bot/i18n";
import { splitMessage } from "../bot/split-message";
import { issueCodes, MAX_REVIEW_CHARS, reviewContentSchema, selfRatingSchema } from "../domain/schemas";
import { missingParts, partValue, reviewEditPermission, type ReviewPart, type TextPart } from "../domain/self-review-parts";
import { isLate } from "../domain/submission";
import { formatInstant } from "../bot/format-date";
import { getReview, saveDraftPart, submitReview, type ReviewRow } from "../store/reviews";
import { doneKeyboard, parseStepButton, ratingKeyboard, summaryKeyboard, type StepButton } from "./self-review-buttons";
import { partTitles, reviewSummaryMessages } from "./self-review-text";

export const SELF_REVIEW = "self-review";

/** Plain data passed to `enter` (stored with the conversation's state). */
export type SelfReviewArgs = {
  lang: string;
  memberId: string;
  periodId: string;
  fullName: string;
  orgName: string;
  year: number;
  isLeader: boolean;
  deadline: string;
};

type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: SelfReviewArgs };
type Input = { kind: "text"; text: string } | { kind: "button"; button: StepButton };
const LOCKED = "locked" as const;

export async function selfReviewConversation(conversation: BotConversation, ctx: ConvContext, args: SelfReviewArgs) {
  const d: Dialog = { conversation, ctx, t: translatorFor(args.lang), args };
  const [review, now] = await conversation.external(async (c) => [
    await getReview(c.deps.db, args.periodId, args.memberId),
    c.deps.clock().toISOString(),
  ] as const);
  if (review?.submittedAt && reviewEditPermission(review.submittedAt, args.deadline, now) === "locked") {
    await sendSummary(d, review);
    return void (await ctx.reply(d.t("review.locked", { deadline: deadlineText(d) })));
  }
  let current = review;
  if (!review?.submittedAt) {
    if (!review) await ctx.reply(d.t("review.intro", { year: args.year, org: args.orgName, deadline: deadlineText(d) }));
    else {
      await ctx.reply(d.t("review.resume"));
      await sendSummary(d, review, true);
    }
    if (isLate(now, args.deadline)) await ctx.reply(d.t("review.late_warning", { deadline: deadlineText(d) }));
    const written = await writeParts(d, missingParts(review), current);
    if (written === LOCKED) return lockedExit(d);
    current = written;
  }
  await confirmLoop(d, current!);
}

async function writeParts(d: Dialog, parts: ReviewPart[], review: ReviewRow | null): Promise<ReviewRow | null | typeof LOCKED> {
  let current = review;
  for (const part of parts) {
    const saved = await askPart(d, part, current, false);
    if (saved === LOCKED) return LOCKED;
    current = saved;
  }
  return current;
}

/** The summary, then Confirm or Edit a part, until the member submits. */
async function confirmLoop(d: Dialog, review: ReviewRow): Promise<void> {
  let current = review;
  for (;;) {
    await sendSummary(d, current);
    const prompt = current.submittedAt ? d.t("review.edit_prompt", { deadline: deadlineText(d) }) : d.t("review.confirm_prompt");
    await d.ctx.reply(prompt, { reply_markup: summaryKeyboard(d.t) });
    const input = await nextInput(d, (b) => b.kind === "confirm" || b.kind === "edit");
    if (input.kind === "text") continue; // the summary and its buttons again
    if (input.button.kind === "edit") {
      const saved = await askPart(d, input.button.part, current, true);
      if (saved === LOCKED) return lockedExit(d);
      current = saved;
      continue;
    }
    const result = await d.conversation.external((c) =>
      submitReview(c.deps.db, { periodId: d.args.periodId, memberId: d.args.memberId }, c.deps.clock(), d.args.deadline));
    if (result.status === "locked") return lockedExit(d);
    if (result.status === "incomplete") {
      await d.ctx.reply(d.t("review.incomplete", { parts: partTitles(d.t, result.missing) }));
      const written = await writeParts(d, result.missing, current);
      if (written === LOCKED) return lockedExit(d);
      current = written!;
      continue;
    }
    const at = formatInstant(result.review.submittedAt!, d.args.lang);
    const key = result.resubmitted ? "review.reconfirmed" : result.late ? "review.submitted_late" : "review.submitted";
    await d.ctx.reply(d.t(key, { at, deadline: deadlineText(d) }));
    return;
  }
}

function askPart(d: Dialog, part: ReviewPart, review: ReviewRow | null, editing: boolean) {
  return part === "rating" ? askRating(d) : askText(d, part, review, editing);
}

/** One text part, in as many messages as the member needs (Telegram cuts long pastes); each one saved at once. */
async function askText(d: Dialog, part: TextPart, review: ReviewRow | null, editing: boolean): Promise<ReviewRow | typeof LOCKED> {
  const { t, ctx } = d;
  const title = t(`review.part.${part}`);
  const saved = review ? partValue(review, part) : null;
  if (editing && saved) {
    for (const chunk of splitMessage(saved)) await ctx.reply(chunk);
    await ctx.reply(t("review.ask_edit", { title }));
  } else {
    const guidance = [t(`review.guidance.${part}`), ...(part === "hcm" && d.args.isLeader ? [t("review.guidance.hcm_leader")] : [])].join("\n");
    await ctx.reply(t("review.ask_text", { title, guidance }));
  }
  let value: string | null = null;
  let latest: ReviewRow | null = review;
  for (;;) {
    const input = await nextInput(d, (b) => b.kind === "done" && b.part === part && value !== null);
    if (input.kind === "button") return latest!;
    const parsed = reviewContentSchema.safeParse(value === null ? input.text : `${value}\n${input.text}`);
    if (!parsed.success) {
      await ctx.reply(invalidText(t, parsed.error));
      continue;
    }
    const result = await save(d, part, parsed.data);
    if (result.status === "locked") return LOCKED;
    value = parsed.data;
    latest = result.review;
    await ctx.reply(t("review.saved_more", { count: value.length }), { reply_markup: doneKeyboard(t, part) });
  }
}

async function askRating(d: Dialog): Promise<ReviewRow | typeof LOCKED> {
  await d.ctx.reply(d.t("review.ask_rating"), { reply_markup: ratingKeyboard(d.t) });
  for (;;) {
    const input = await nextInput(d, (b) => b.kind === "rate");
    const parsed = input.kind === "button" && input.button.kind === "rate" ? selfRatingSchema.safeParse(input.button.level) : null;
    if (!parsed?.success) {
      const text = parsed ? invalidText(d.t, parsed.error) : d.t("review.rating_press_button");
      await d.ctx.reply(text, { reply_markup: ratingKeyboard(d.t) });
      continue;
    }
    const result = await save(d, "rating", parsed.data);
    return result.status === "locked" ? LOCKED : result.review;
  }
}

function save(d: Dialog, part: ReviewPart, value: string) {
  return d.conversation.external((c) =>
    saveDraftPart(c.deps.db, { periodId: d.args.periodId, memberId: d.args.memberId, part, value }, c.deps.clock()));
}

/**
 * The next text or accepted button. Anything else gets a polite re-ask: stickers, photos, voice notes, commands
 * (never stored as content), buttons of other steps. Buttons of other features pass through to them.
 */
async function nextInput(d: Dialog, accept: (button: StepButton) => boolean): Promise<Input> {
  for (;;) {
    const next = await d.conversation.wait();
    const query = next.callbackQuery;
    if (query) {
      const button = parseStepButton(query.data);
      if (button && accept(button)) {
        await next.answerCallbackQuery();
        // The choice is made: its buttons go, so an old "Done" cannot be pressed again by mistake.
        if (query.message) await next.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
        return { kind: "button", button };
      }
      if (!button && !query.data?.startsWith("review:")) await d.conversation.skip({ next: true });
      await next.answerCallbackQuery({ text: d.t("review.button_stale") });
      continue;
    }
    const message = next.message;
    if (!message) continue; // an edited message, a reaction: nothing to store
    const command = leadingCommand(message);
    if (command) await next.reply(d.t("review.command_not_stored", { command }));
    else if (message.text === undefined) await next.reply(d.t("review.not_text"));
    else return { kind: "text", text: message.text };
  }
}

function leadingCommand(message: Message): string | null {
  const entity = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  return entity && message.text ? message.text.slice(0, entity.length) : null;
}

async function sendSummary(d: Dialog, review: ReviewRow, onlySaved = false): Promise<void> {
  const header = { fullName: d.args.fullName, year: d.args.year, lang: d.args.lang };
  for (const chunk of reviewSummaryMessages(d.t, header, review, onlySaved)) await d.ctx.reply(chunk);
}

async function lockedExit(d: Dialog): Promise<void> {
  await d.ctx.reply(d.t("review.locked", { deadline: deadlineText(d) }));
}

function deadlineText(d: Dialog): string {
  return formatInstant(d.args.deadline, d.args.lang);
}

function invalidText(t: Translate, error: z.ZodError): string {
  const code = issueCodes(error)[0]?.code ?? "review.not-text";
  return t(`review.invalid.${code.replace(".", "_")}`, { max: MAX_REVIEW_CHARS });
}
