// The members' self-review (M4, M5, T2): the four contents, the Ho Chi Minh actions, the self-rating, a summary
// to confirm. Every answer is validated by the domain's schemas and saved at once, so /cancel, a restart or a lost
// signal loses nothing; /review resumes at the first missing part. No rules here: they live in domain/.
import type { InlineKeyboard } from "grammy";
import type { z } from "zod";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { issueCodes, MAX_REVIEW_CHARS, reviewContentSchema, selfRatingSchema } from "../domain/schemas";
import type { ReviewPart, TextPart } from "../domain/self-review-parts";
import { formatInstant } from "../bot/kit/format-date";
import type { ReviewTimeZone } from "../domain/calendar";
import { MEMBER_LEVELS } from "../domain/levels";
import { REVIEW_PARTS } from "../domain/self-review-parts";
import { typedLevel } from "../domain/typed-level";
import { waitForAnswer, type Checked, type Hints, type Question } from "./ask";
import {
  doneKeyboard,
  parseStepButton,
  ratingKeyboard,
  isReviewStart,
  stepButtonOf,
  stepButtons,
  summaryKeyboard,
  type StepButton,
} from "./self-review-buttons";
import { partTitles } from "./self-review-text";
import {
  addMessage,
  beginEdit,
  finishEdit,
  openingOf,
  progressOf,
  resumeLine,
  savePart,
  sendStoredText,
  sendSummary,
  submit,
  type ReviewKey,
} from "./self-review-progress";

export const SELF_REVIEW = "self-review";

/** Plain data passed to `enter` (stored with the conversation's state). */
export type SelfReviewArgs = {
  lang: string;
  memberId: string;
  /** The member's user, the actor of their audit events (absent in dialogs begun before it was passed). */
  userId?: string;
  periodId: string;
  fullName: string;
  orgName: string;
  year: number;
  isLeader: boolean;
  deadline: string;
  /** Deps.timeZone when the dialog began: every date it shows. */
  timeZone: ReviewTimeZone;
};

type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: SelfReviewArgs; key: ReviewKey; deadline: string };
type Input = { kind: "text"; text: string; messageId: number } | { kind: "button"; button: StepButton };
/** How one pass ends: the part is written (or the summary shown again), the review is submitted, or it is locked. */
type PassEnd = "next" | "finished" | "locked";

export async function selfReviewConversation(conversation: BotConversation, ctx: ConvContext, args: SelfReviewArgs) {
  const t = translatorFor(args.lang);
  const d: Dialog = {
    conversation,
    ctx,
    t,
    args,
    key: { periodId: args.periodId, memberId: args.memberId, actorId: args.userId ?? null },
    deadline: deadlineText(args),
  };
  const opening = await conversation.external((c) => openingOf(c, d.key, args.deadline));
  if (opening.state === "locked") {
    await showSummary(d);
    return lockedExit(d);
  }
  if (opening.state === "new") await ctx.reply(t("review.intro", { year: args.year, org: args.orgName, deadline: d.deadline }));
  // Resuming: one line of where the member stands (the texts are a /myreview away), not the whole review again.
  if (opening.state === "draft") await ctx.reply(await conversation.external((c) => resumeLine(c, d.key, t)));
  if (opening.state !== "submitted" && opening.late) await ctx.reply(t("review.late_warning", { deadline: d.deadline }));
  // One pass asks one missing part, or shows the summary once; then the dialog rewinds to here. The plugin replays
  // (and stores) everything since the start on every update: rewinding keeps that log one pass long instead of
  // growing with every answer (each pass re-reads where the member stands, so nothing is lost).
  const passStart = conversation.checkpoint();
  const progress = await conversation.external((c) => progressOf(c, d.key));
  const end =
    progress.missing.length > 0 && !progress.submitted
      ? await askPart(d, progress.missing[0], false)
      : await summaryRound(d, progress.submitted);
  if (end === "locked") return lockedExit(d);
  if (end === "next") await conversation.rewind(passStart);
}

/** The summary, then Confirm or Edit a part (an edit, or any text, brings the summary back). */
async function summaryRound(d: Dialog, submitted: boolean): Promise<PassEnd> {
  await showSummary(d);
  const prompt = submitted ? d.t("review.edit_prompt", { deadline: d.deadline }) : d.t("review.confirm_prompt");
  await d.ctx.reply(prompt, { reply_markup: summaryKeyboard(d.t) });
  const input = await nextInput(d, SUMMARY_BUTTONS, true, asIs, summaryKeyboard(d.t));
  if (input.kind === "text") return "next";
  if (input.button.kind === "edit") return askPart(d, input.button.part, true);
  const result = await d.conversation.external((c) => submit(c, d.key, d.args.deadline));
  if (result.status === "locked") return "locked";
  if (result.status === "incomplete") {
    await d.ctx.reply(d.t("review.incomplete", { parts: partTitles(d.t, result.missing) }));
    return "next";
  }
  const at = formatInstant(result.submittedAt, d.args.lang, d.args.timeZone);
  const key = result.resubmitted ? "review.reconfirmed" : result.late ? "review.submitted_late" : "review.submitted";
  await d.ctx.reply(d.t(key, { at, deadline: d.deadline }));
  return "finished";
}

function askPart(d: Dialog, part: ReviewPart, editing: boolean): Promise<PassEnd> {
  return part === "rating" ? askRating(d) : askText(d, part, editing);
}

/**
 * One text part, in as many messages as the member needs (Telegram cuts long pastes). Each message is added to the
 * stored text before the bot answers, and the dialog then rewinds to just before its wait: the replay log keeps
 * none of the member's texts and stays the same size however many messages the part takes. During an edit the new
 * text is collected beside the old one and replaces it when the member presses Done.
 */
async function askText(d: Dialog, part: TextPart, editing: boolean): Promise<PassEnd> {
  const { t, ctx, conversation } = d;
  const title = t(`review.part.${part}`);
  const shown = editing && (await conversation.external((c) => sendStoredText(c, d.key, part)));
  if (shown) {
    await conversation.external((c) => beginEdit(c, d.key, part));
    await ctx.reply(t("review.ask_edit", { title, max: MAX_REVIEW_CHARS }));
  } else {
    const guidance = [t(`review.guidance.${part}`), ...(part === "hcm" && d.args.isLeader ? [t("review.guidance.hcm_leader")] : [])].join(
      "\n",
    );
    await ctx.reply(t("review.ask_text", { title, guidance, max: MAX_REVIEW_CHARS }));
  }
  const waiting = conversation.checkpoint();
  const input = await nextInput(
    d,
    [{ kind: "done", part }],
    true,
    (answer): Checked<Input> => {
      if (answer.kind === "button") return { ok: true, value: answer };
      const parsed = reviewContentSchema.safeParse(answer.text);
      return parsed.success ? { ok: true, value: { ...answer, text: parsed.data } } : { ok: false, hint: invalidText(t, parsed.error) };
    },
    doneKeyboard(t, part),
  );
  if (input.kind === "button") {
    if (shown && (await conversation.external((c) => finishEdit(c, d.key, part))) === "locked") return "locked";
    return "next";
  }
  const message = { text: input.text, id: input.messageId };
  const saved = await conversation.external((c) => addMessage(c, d.key, part, message, shown));
  if (saved.status === "locked") return "locked";
  // One acknowledgement per part: its first message is answered with the count and «Xong»; the following ones get a
  // reaction (sent, like the answer, only after the text is stored), or the answer where reactions are not available.
  if (saved.status === "saved" && !saved.first && (await reacted(ctx, input.messageId))) return conversation.rewind(waiting);
  const reply = saved.status === "too_long" ? "review.part_full" : shown ? "review.edit_saved_more" : "review.saved_more";
  await ctx.reply(t(reply, { count: saved.length, max: MAX_REVIEW_CHARS }), { reply_markup: doneKeyboard(t, part) });
  return conversation.rewind(waiting);
}

async function askRating(d: Dialog): Promise<PassEnd> {
  await d.ctx.reply(d.t("review.ask_rating"), { reply_markup: ratingKeyboard(d.t) });
  // A level typed ("xuất sắc", "tốt", "2") answers as its button; other text gets the buttons again.
  const level = await nextInput(
    d,
    RATING_BUTTONS,
    true,
    (input) => {
      const chosen = input.kind === "button" ? (input.button.kind === "rate" ? input.button.level : undefined) : typedLevel(input.text);
      if (input.kind === "text" && chosen === null) return { ok: false, hint: d.t("review.rating_press_button") };
      const parsed = selfRatingSchema.safeParse(chosen);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, hint: invalidText(d.t, parsed.error) };
    },
    ratingKeyboard(d.t),
  );
  return (await d.conversation.external((c) => savePart(c, d.key, "rating", level))) === "locked" ? "locked" : "next";
}

const SUMMARY_BUTTONS: StepButton[] = [{ kind: "confirm" }, ...REVIEW_PARTS.map((part) => ({ kind: "edit" as const, part }))];
const RATING_BUTTONS: StepButton[] = MEMBER_LEVELS.map((level) => ({ kind: "rate" as const, level }));
const asIs = (input: Input): Checked<Input> => ({ ok: true, value: input });

/**
 * The next accepted button, or text (when `acceptText`), through the one way of asking; `check` turns it into the
 * step's value or refuses it with a hint. Anything else gets a polite re-ask and is forgotten: stickers, photos,
 * voice notes, commands (never stored as content), buttons of other steps.
 */
function nextInput<T>(
  d: Dialog,
  accepted: readonly StepButton[],
  acceptText: boolean,
  check: (input: Input) => Checked<T>,
  /** The keyboard already sent with the step: its labels typed answer as its buttons; a refused answer shows it again. */
  keyboard?: InlineKeyboard,
): Promise<T> {
  const question: Question = { text: "", acceptText, keyboard, buttons: stepButtons(accepted), hints: reviewHints(d.t, keyboard) };
  return waitForAnswer(d.conversation, d.t, question, (answer) => {
    if (answer.kind === "text") return check({ kind: "text", text: answer.text, messageId: answer.messageId });
    const button = answer.kind === "button" ? stepButtonOf(answer.value) : null;
    return button ? check({ kind: "button", button }) : { ok: false, hint: [] };
  });
}

/** The self-review's words for what is not an answer; buttons of other features pass through to them. */
function reviewHints(t: Translate, keyboard?: InlineKeyboard): Hints {
  return (rejection, ctx) => {
    const data = ctx.callbackQuery?.data;
    switch (rejection.why) {
      case "button":
        return parseStepButton(data) || isReviewStart(data) ? { toast: t("review.button_stale") } : { pass: true };
      case "command":
        return { reply: t("review.command_not_stored", { command: rejection.command }) };
      case "text": // only the rating takes no text
        return { reply: t("review.rating_press_button"), keyboard: ratingKeyboard(t) };
      case "invalid":
        return keyboard ? { reply: rejection.hint, keyboard } : { reply: rejection.hint };
      case "kind":
        // An edited message is the self-review feature's: it replaces that message's text where it was stored.
        if (ctx.editedMessage) return { pass: true };
        return ctx.message ? { reply: t("review.not_text") } : {}; // a reaction: nothing to store, nothing to say
    }
  };
}

/** The summary is sent from inside `external`: the member's texts stay out of the replay log. */
async function showSummary(d: Dialog, onlySaved = false): Promise<void> {
  const header = { fullName: d.args.fullName, year: d.args.year, lang: d.args.lang, timeZone: d.args.timeZone };
  await d.conversation.external((c) => sendSummary(c, d.key, d.t, header, onlySaved));
}

/**
 * A quiet acknowledgement on the member's message; false where the chat or the Bot API has no reactions. (The
 * dialog's `ctx` is the update that opened it: the message is named by its id.)
 */
export async function reacted(ctx: ConvContext, messageId: number): Promise<boolean> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return false;
  try {
    await ctx.api.setMessageReaction(chatId, messageId, [{ type: "emoji", emoji: "✍" }]);
    return true;
  } catch {
    return false;
  }
}

async function lockedExit(d: Dialog): Promise<void> {
  await d.ctx.reply(d.t("review.locked", { deadline: d.deadline }));
}

// Every update replays the dialog from the top: the deadline is formatted once per period and language.
const deadlineTexts = new Map<string, string>();

function deadlineText(args: SelfReviewArgs): string {
  const cacheKey = `${args.deadline}|${args.lang}|${args.timeZone.name}`;
  let text = deadlineTexts.get(cacheKey);
  if (text === undefined) deadlineTexts.set(cacheKey, (text = formatInstant(args.deadline, args.lang, args.timeZone)));
  return text;
}

function invalidText(t: Translate, error: z.ZodError): string {
  const code = issueCodes(error)[0]?.code ?? "review.not-text";
  return t(`review.invalid.${code.replace(".", "_")}`, { max: MAX_REVIEW_CHARS });
}
