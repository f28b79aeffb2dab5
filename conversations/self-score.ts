// The member's self-review under the 366 rulebook (RULES-2025 N2–N4): the written parts of form 2A/2B/2C, the status
// of earlier shortcomings, the self-score item by item with the running total, the task results, the proposed level
// (checked against the score and tasks: the bot says what is missing, the member keeps or changes it), a summary to
// confirm. Each answer is saved at once, and the dialog then rewinds to the top of its pass: /cancel or a restart
// loses nothing, and /review resumes at the first missing step. No rules here: they live in domain/.
import { InlineKeyboard } from "grammy";
import { questionButtons } from "../bot/kit/button-family";
import { getPeriod } from "../store/periods";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { formatInstant } from "../bot/kit/format-date";
import { periodWords } from "../bot/kit/score-items-words";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { wordsOf } from "../bot/kit/rulebook-words";
import { FIX_STATUSES, MEMBER_LEVELS, type FixStatus, type MemberLevel } from "../domain/levels";
import { issueCodes, MAX_REVIEW_CHARS, reviewContentSchema } from "../domain/schemas";
import type { ScoreItem } from "../domain/score-items";
import { isFormTextPart, readItemScore, readTaskLine, SCORE_REVIEW_STEPS, type ScoreReviewStep } from "../domain/self-score-review";
import { OPTIONAL_FORM_PARTS, type FormTextPart } from "../domain/self-score-parts";
import type { TaskResults } from "../domain/task-results";
import { waitForAnswer, type Checked, type Hints, type Question } from "./ask";
import { isReviewStart } from "./self-review-buttons";
import { reacted, type SelfReviewArgs } from "./self-review";
import { addMessage, beginEdit, finishEdit, openingOf } from "./self-review-progress";
import {
  proposeLevel,
  saveAnswer,
  scoreProgressOf,
  sendScoreSummary,
  sendStoredPart,
  submitScore,
  type ScoreProgress,
  type ScoreScope,
} from "./self-score-progress";
import { runningTotal, stepTitles } from "./self-score-text";

export const SELF_SCORE = "self-score";

/** Plain data passed to `enter`: the 2011 dialog's, and what chooses the form's items. */
export type SelfScoreArgs = SelfReviewArgs & Pick<ScoreScope, "orgId" | "quarter" | "form" | "rulebookId">;

const FIX_CHOICES = FIX_STATUSES.map((status) => `fix.${status}` as const);
const EDIT_CHOICES = SCORE_REVIEW_STEPS.map((step) => `edit.${step}` as const);
/** Every button of the dialog (their words never change: a dialog replays the buttons already pressed). */
const step = questionButtons("rvs", [
  "done",
  "skip",
  "pass",
  "fail",
  "keep",
  "change",
  "confirm",
  ...FIX_CHOICES,
  ...MEMBER_LEVELS,
  ...EDIT_CHOICES,
]);
type Choice = NonNullable<ReturnType<typeof step.unpack>>["choice"];

type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: SelfScoreArgs; scope: ScoreScope; deadline: string };
type Input = { kind: "text"; text: string; messageId: number } | { kind: "button"; choice: Choice };
/** How one pass ends: the step is answered (or the summary shown again), the review is submitted, or it is locked. */
type PassEnd = "next" | "finished" | "locked";

export async function selfScoreConversation(conversation: BotConversation, ctx: ConvContext, args: SelfScoreArgs) {
  const t = wordsOf(translatorFor(args.lang), args.rulebookId);
  const scope: ScoreScope = {
    periodId: args.periodId,
    memberId: args.memberId,
    actorId: args.userId ?? null,
    orgId: args.orgId,
    year: args.year,
    quarter: args.quarter,
    form: args.form,
    rulebookId: args.rulebookId,
  };
  const deadline = formatInstant(args.deadline, args.lang, args.timeZone);
  const d: Dialog = { conversation, ctx, t, args, scope, deadline };
  const opening = await conversation.external((c) => openingOf(c, scope, args.deadline));
  if (opening.state === "locked") {
    await showSummary(d);
    return lockedExit(d);
  }
  if (opening.state === "new") {
    const form = t(`review25.form.${args.form}`);
    const when = periodWords(t, args.year, args.quarter);
    await ctx.reply(t("review25.intro", { when, org: args.orgName, form, deadline }));
  }
  if (opening.state === "draft") {
    const resumed = await conversation.external((c) => scoreProgressOf(c, scope));
    if (resumed.next) await ctx.reply(t("review25.resume", { next: t(`review25.part.${resumed.next}`) }));
  }
  if (opening.state !== "submitted" && opening.late) await ctx.reply(t("review.late_warning", { deadline }));
  // One pass asks one missing step, or shows the summary once; then the dialog rewinds to here, so its replay log
  // stays one pass long however many answers the review takes.
  const passStart = conversation.checkpoint();
  const progress = await conversation.external((c) => scoreProgressOf(c, scope));
  const end = progress.next ? await askStep(d, progress.next, progress, false) : await summaryRound(d, opening.state === "submitted");
  if (end === "locked") return lockedExit(d);
  if (end === "next") await conversation.rewind(passStart);
}

function askStep(d: Dialog, next: ScoreReviewStep, progress: ScoreProgress, editing: boolean): Promise<PassEnd> {
  if (isFormTextPart(next)) return askText(d, next, editing);
  if (next === "fix-status") return askFixStatus(d);
  if (next === "scores") return progress.item ? askItem(d, progress.item, progress) : Promise.resolve("next");
  if (next === "tasks") return askTasks(d, progress);
  return askProposal(d);
}

/** The summary, then Confirm or Edit a step (an edit, or any text, brings the summary back). */
async function summaryRound(d: Dialog, wasSubmitted: boolean): Promise<PassEnd> {
  await showSummary(d);
  const prompt = wasSubmitted ? d.t("review.edit_prompt", { deadline: d.deadline }) : d.t("review.confirm_prompt");
  const keyboard = summaryKeyboard(d.t);
  await d.ctx.reply(prompt, { reply_markup: keyboard });
  const input = await nextInput(d, ["confirm", ...EDIT_CHOICES], true, asIs, keyboard);
  if (input.kind === "text") return "next";
  if (input.choice !== "confirm") return editStep(d, input.choice.slice("edit.".length) as ScoreReviewStep);
  const result = await d.conversation.external((c) => submitScore(c, d.scope, d.args.deadline));
  if (result.status === "locked") return "locked";
  if (result.status === "incomplete-steps") {
    await d.ctx.reply(d.t("review.incomplete", { parts: stepTitles(d.t, result.missing) }));
    return "next";
  }
  if (result.status !== "submitted") return "next";
  const at = formatInstant(result.submittedAt, d.args.lang, d.args.timeZone);
  const key = result.resubmitted ? "review.reconfirmed" : result.late ? "review.submitted_late" : "review.submitted";
  await d.ctx.reply(d.t(key, { at, deadline: d.deadline }));
  return "finished";
}

async function editStep(d: Dialog, chosen: ScoreReviewStep): Promise<PassEnd> {
  if (chosen !== "scores") {
    const progress = await d.conversation.external((c) => scoreProgressOf(c, d.scope));
    return askStep(d, chosen, progress, true);
  }
  // The self-score is scored again from its first item (the next passes ask each in turn).
  return (await d.conversation.external((c) => saveAnswer(c, d.scope, { step: "clear-scores" }))) === "locked" ? "locked" : "next";
}

/**
 * A written part, in as many messages as the member needs; each message is stored before the bot answers, and the
 * dialog rewinds to just before its wait, so the replay log keeps none of the texts (as the 2011 review does).
 * The explanation can be skipped when the committee raised nothing beforehand.
 */
async function askText(d: Dialog, part: FormTextPart, editing: boolean): Promise<PassEnd> {
  const { t, ctx, conversation } = d;
  const title = t(`review25.part.${part}`);
  const optional = OPTIONAL_FORM_PARTS.includes(part);
  const shown = editing && (await conversation.external((c) => sendStoredPart(c, d.scope, part)));
  const choices: Choice[] = optional ? ["done", "skip"] : ["done"];
  const skip = optional ? skipKeyboard(t) : undefined;
  if (shown) {
    await conversation.external((c) => beginEdit(c, d.scope, part));
    await ctx.reply(t("review.ask_edit", { title, max: MAX_REVIEW_CHARS }));
  } else {
    const text = t("review25.ask_text", { title, guidance: t(`review25.guidance.${part}`), max: MAX_REVIEW_CHARS });
    await ctx.reply(text, skip ? { reply_markup: skip } : {});
  }
  const waiting = conversation.checkpoint();
  const input = await nextInput(
    d,
    choices,
    true,
    (answer): Checked<Input> => {
      if (answer.kind === "button") return { ok: true, value: answer };
      const parsed = reviewContentSchema.safeParse(answer.text);
      return parsed.success
        ? { ok: true, value: { ...answer, text: parsed.data } }
        : { ok: false, hint: invalidText(t, issueCodes(parsed.error)[0]?.code) };
    },
    skip ?? doneKeyboard(t), // its labels typed answer as its buttons ("xong")
  );
  if (input.kind === "button") {
    if (input.choice === "skip") return saved(await conversation.external((c) => saveAnswer(c, d.scope, { step: "skip", part })));
    if (shown && (await conversation.external((c) => finishEdit(c, d.scope, part))) === "locked") return "locked";
    return "next";
  }
  const message = { text: input.text, id: input.messageId };
  const result = await conversation.external((c) => addMessage(c, d.scope, part, message, shown));
  if (result.status === "locked") return "locked";
  if (result.status === "saved" && !result.first && (await reacted(ctx, input.messageId))) return conversation.rewind(waiting);
  const reply = result.status === "too_long" ? "review.part_full" : shown ? "review.edit_saved_more" : "review.saved_more";
  await ctx.reply(t(reply, { count: result.length, max: MAX_REVIEW_CHARS }), { reply_markup: doneKeyboard(t) });
  return conversation.rewind(waiting);
}

async function askFixStatus(d: Dialog): Promise<PassEnd> {
  const keyboard = fixKeyboard(d.t);
  await d.ctx.reply(d.t("review25.ask_fix_status"), { reply_markup: keyboard });
  const status = await nextInput(d, FIX_CHOICES, false, (input) => chosen(input, (c) => c.slice("fix.".length) as FixStatus), keyboard);
  return saved(await d.conversation.external((c) => saveAnswer(c, d.scope, { step: "fix-status", status })));
}

/** One item of the self-score: all or nothing as two buttons, graded as a typed whole number from 0 to its points. */
async function askItem(d: Dialog, at: NonNullable<ScoreProgress["item"]>, progress: ScoreProgress): Promise<PassEnd> {
  const { t } = d;
  const { item } = at;
  const total = runningTotal(t, progress.totals, progress.max, item.group === "tasks");
  const how = item.graded ? t("review25.item_graded", { points: item.points }) : t("review25.item_all_or_nothing", { points: item.points });
  const text = [total, t("review25.ask_item", { number: at.number, count: at.count, name: item.name, points: item.points }), how].join(
    "\n\n",
  );
  const keyboard = item.graded ? undefined : itemKeyboard(t, item.points);
  await d.ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
  const points = await nextInput(d, item.graded ? [] : ["pass", "fail"], true, (input) => itemPoints(t, item, input), keyboard);
  return saved(await d.conversation.external((c) => saveAnswer(c, d.scope, { step: "score", itemId: item.id, points })));
}

function itemPoints(t: Translate, item: ScoreItem, input: Input): Checked<number> {
  if (input.kind === "button") return { ok: true, value: input.choice === "pass" ? item.points : 0 };
  const read = readItemScore(item, input.text);
  return read.ok ? { ok: true, value: read.points } : { ok: false, hint: t(`review25.invalid_score.${read.why}`, { points: item.points }) };
}

async function askTasks(d: Dialog, progress: ScoreProgress): Promise<PassEnd> {
  const { t } = d;
  await d.ctx.reply([t("review25.score_total", { score: progress.totals.total }), t("review25.ask_tasks")].join("\n\n"));
  const tasks = await nextInput(d, [], true, (input): Checked<TaskResults> => {
    if (input.kind !== "text") return { ok: false, hint: t("review25.ask_tasks") };
    const read = readTaskLine(input.text);
    if (read.ok) return { ok: true, value: read.tasks };
    return {
      ok: false,
      hint: [...read.errors.map((code) => t(`review25.invalid_tasks.${code.replace("tasks.", "")}`)), t("review25.tasks_example")].join(
        "\n",
      ),
    };
  });
  return saved(await d.conversation.external((c) => saveAnswer(c, d.scope, { step: "tasks", tasks })));
}

/** The proposed level (N4): saved as the member chose it; when the score and tasks do not reach it, keep or change. */
async function askProposal(d: Dialog): Promise<PassEnd> {
  const { t } = d;
  const keyboard = levelKeyboard(t);
  await d.ctx.reply(t("review25.ask_proposal"), { reply_markup: keyboard });
  const level = await nextInput(d, MEMBER_LEVELS, false, (input) => chosen(input, (c) => c as MemberLevel), keyboard);
  const view = { lang: d.args.lang, timeZone: d.args.timeZone };
  const result = await d.conversation.external((c) => proposeLevel(c, d.scope, level, t, view));
  if (result.status === "locked") return "locked";
  if (!result.note) return "next";
  const choice = keepKeyboard(t);
  await d.ctx.reply([result.note, t("review25.keep_or_change")].join("\n\n"), { reply_markup: choice });
  const answer = await nextInput(d, ["keep", "change"], false, (input) => chosen(input, (c) => c), choice);
  return answer === "change" ? askProposal(d) : "next";
}

const asIs = (input: Input): Checked<Input> => ({ ok: true, value: input });
const saved = (status: "saved" | "locked"): PassEnd => (status === "locked" ? "locked" : "next");

function chosen<T>(input: Input, value: (choice: Choice) => T): Checked<T> {
  return input.kind === "button" ? { ok: true, value: value(input.choice) } : { ok: false, hint: [] };
}

/** The next accepted button or (when `acceptText`) text; anything else gets a polite re-ask and is forgotten. */
function nextInput<T>(
  d: Dialog,
  accepted: readonly Choice[],
  acceptText: boolean,
  check: (input: Input) => Checked<T>,
  keyboard?: InlineKeyboard,
): Promise<T> {
  const question: Question = { text: "", acceptText, keyboard, buttons: { data: step, values: accepted }, hints: hints(d.t, keyboard) };
  return waitForAnswer(d.conversation, d.t, question, (answer) => {
    if (answer.kind === "text") return check({ kind: "text", text: answer.text, messageId: answer.messageId });
    if (answer.kind !== "button") return { ok: false, hint: [] };
    return check({ kind: "button", choice: answer.value as Choice });
  });
}

/** The dialog's words for what is not an answer; buttons of other features pass through to them. */
function hints(t: Translate, keyboard?: InlineKeyboard): Hints {
  return (rejection, ctx) => {
    const data = ctx.callbackQuery?.data;
    switch (rejection.why) {
      case "button":
        return step.unpack(data) || isReviewStart(data) ? { toast: t("review.button_stale") } : { pass: true };
      case "command":
        return { reply: t("review.command_not_stored", { command: rejection.command }) };
      case "text":
        return keyboard ? { reply: t("review25.press_button"), keyboard } : { reply: t("review25.press_button") };
      case "invalid":
        return keyboard ? { reply: rejection.hint, keyboard } : { reply: rejection.hint };
      case "kind":
        if (ctx.editedMessage) return { pass: true }; // the self-review feature replaces that message's text
        return ctx.message ? { reply: t("review.not_text") } : {};
    }
  };
}

async function showSummary(d: Dialog): Promise<void> {
  const header = { fullName: d.args.fullName, year: d.args.year, lang: d.args.lang, timeZone: d.args.timeZone };
  await d.conversation.external((c) => sendScoreSummary(c, d.scope, d.t, header));
}

async function lockedExit(d: Dialog): Promise<void> {
  // N10: a quarter closed while the dialog was open says so; otherwise the deadline locked it.
  const closed = await d.conversation.external(async (c) => (await getPeriod(c.deps.db, d.args.periodId))?.closedAt != null);
  await d.ctx.reply(closed ? d.t("review25.period_closed") : d.t("review.locked", { deadline: d.deadline }));
}

function invalidText(t: Translate, code: string | undefined): string {
  return t(`review.invalid.${(code ?? "review.not-text").replace(".", "_")}`, { max: MAX_REVIEW_CHARS });
}

const button = (label: string, choice: Choice) => InlineKeyboard.text(label, step.pack({ choice }));

const doneKeyboard = (t: Translate) => InlineKeyboard.from([[button(t("review.button_done"), "done")]]);
const skipKeyboard = (t: Translate) => InlineKeyboard.from([[button(t("review25.button_skip"), "skip")]]);
const fixKeyboard = (t: Translate) =>
  InlineKeyboard.from(FIX_STATUSES.map((status) => [button(t(`review25.fix.${status}`), `fix.${status}`)]));
const levelKeyboard = (t: Translate) => InlineKeyboard.from(MEMBER_LEVELS.map((level) => [button(t(`rating.level.${level}`), level)]));
const keepKeyboard = (t: Translate) =>
  InlineKeyboard.from([[button(t("review25.button_keep"), "keep")], [button(t("review25.button_change"), "change")]]);

function itemKeyboard(t: Translate, points: number): InlineKeyboard {
  return InlineKeyboard.from([[button(t("review25.button_pass", { points }), "pass"), button(t("review25.button_fail"), "fail")]]);
}

/** Confirm, then one edit button per step (three per row, so a phone shows them without scrolling). */
function summaryKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("review.button_confirm"), step.pack({ choice: "confirm" }));
  SCORE_REVIEW_STEPS.forEach((s, index) => {
    if (index % 3 === 0) keyboard.row();
    keyboard.text(t("review.button_edit", { part: t(`review25.short.${s}`) }), step.pack({ choice: `edit.${s}` }));
  });
  return keyboard;
}
