// M9: the branch secretary records a member's decision of discipline: its source (party, state, mass organization),
// a form that source has, the decision's day, its end if known and its number if wanted. A preview, then the
// decision is stored, the branch's results are re-rated, and the member's result is shown with why.
import { InlineKeyboard } from "grammy";
import { disciplineStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { describeDecision, describeOutcome, describeReasons } from "../bot/kit/describe-result";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import {
  disciplineForms,
  disciplineRecordErrors,
  disciplineSources,
  getRulebook,
  localDateKey,
  type DisciplineInput,
  type DisciplineLevel,
  type Rulebook,
} from "../domain";
import { parseDay } from "../domain/branch-setup";
import type { ReviewTimeZone } from "../domain/calendar";
import { recordDiscipline } from "../store/disciplines";
import { evaluateBranch, latestResults } from "../store/results";
import { ask, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";
import { reportPass } from "./tally-report";

export const DISCIPLINE = "discipline";

export type DisciplineArgs = {
  lang: string;
  orgId: string;
  memberId: string;
  memberName: string;
  rulebookId: string;
  /** The branch's current review period, whose results are re-rated after the decision is stored. */
  periodId: string | null;
  year: number | null;
  /** Deps.timeZone: what "today" is (a decision is not dated after it) and how dates are shown. */
  timeZone: ReviewTimeZone;
};

type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: DisciplineArgs; rulebook: Rulebook; today: string };
type Choice = NonNullable<ReturnType<typeof disciplineStep.unpack>>["choice"];
const MAX_NUMBER_LENGTH = 60;

export async function disciplineConversation(conversation: BotConversation, ctx: ConvContext, args: DisciplineArgs) {
  const t = translatorFor(args.lang);
  const today = await conversation.external((c) => localDateKey(c.deps.clock().toISOString(), c.deps.timeZone.offsetMinutes));
  const d: Dialog = { conversation, ctx, t, args, rulebook: getRulebook(args.rulebookId), today };
  for (;;) {
    const decision = await askDecision(d);
    const text = t("discipline.preview", { name: args.memberName, decision: describeDecision(t, decision) });
    const keyboard = buttons([
      ["save", t("discipline.button.save")],
      ["redo", t("discipline.button.redo")],
    ]);
    const answer = await ask(conversation, ctx, t, question(text, keyboard, ["save", "redo"]));
    if (answer.kind === "button" && answer.value === "save") return save(d, decision);
  }
}

function buttons(choices: ReadonlyArray<readonly [Choice, string]>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const [value, label] of choices) keyboard.text(label, disciplineStep.pack({ choice: value })).row();
  return keyboard;
}

function question(text: string, keyboard?: InlineKeyboard, values: readonly Choice[] = [], acceptText = false): Question {
  return { text, keyboard, acceptText, buttons: values.length > 0 ? { data: disciplineStep, values } : undefined };
}

async function askDecision(d: Dialog): Promise<DisciplineInput> {
  const { t, args, rulebook } = d;
  const sources = disciplineSources(rulebook);
  const sourceKeyboard = buttons(sources.map((s) => [s, t(`discipline.source_button.${s}`)] as const));
  const sourceAnswer = await ask(
    d.conversation,
    d.ctx,
    t,
    question(t("discipline.ask_source", { name: args.memberName }), sourceKeyboard, sources),
  );
  const source = sources.find((s) => sourceAnswer.kind === "button" && s === sourceAnswer.value) ?? sources[0]!;

  // Only the forms this source has are offered (M9: e.g. the party has no salary downgrade).
  const forms = disciplineForms(source, rulebook);
  const formKeyboard = buttons(forms.map((f) => [f, t(`discipline.level_button.${f}`)] as const));
  const formQuestion = question(t("discipline.ask_level", { source: t(`rating.source.${source}`) }), formKeyboard, forms);
  const formAnswer = await ask(d.conversation, d.ctx, t, formQuestion);
  const level: DisciplineLevel = forms.find((f) => formAnswer.kind === "button" && f === formAnswer.value) ?? forms[0]!;

  const decidedOn = await askDay(d, question(t("discipline.ask_decided"), undefined, [], true), (day) =>
    disciplineRecordErrors({ level, source, decidedOn: day }, rulebook, d.today),
  );
  const endQuestion = question(t("discipline.ask_ends"), buttons([["noend", t("discipline.button.no_end")]]), ["noend"], true);
  const endsOn = await askDay(
    d,
    endQuestion,
    (day) => disciplineRecordErrors({ level, source, decidedOn, endsOn: day }, rulebook, d.today),
    null,
  );
  const numberQuestion = question(t("discipline.ask_number"), buttons([["skip", t("discipline.button.skip")]]), ["skip"], true);
  const numberAnswer = await ask(d.conversation, d.ctx, t, numberQuestion);
  const decisionNumber = numberAnswer.kind === "text" ? numberAnswer.text.trim().slice(0, MAX_NUMBER_LENGTH) || null : null;
  return { level, source, decidedOn, endsOn, decisionNumber };
}

/**
 * A typed day, refused with the reason until it fits; `none` is the value of the question's one button, where it
 * has one («no end date known»).
 */
function askDay(d: Dialog, q: Question, errorsOf: (day: string) => string[]): Promise<string>;
function askDay<N>(d: Dialog, q: Question, errorsOf: (day: string) => string[], none: N): Promise<string | N>;
function askDay(d: Dialog, q: Question, errorsOf: (day: string) => string[], none?: null): Promise<string | null | undefined> {
  return ask(d.conversation, d.ctx, d.t, q, (answer) => {
    if (answer.kind === "button") return { ok: true, value: none };
    const parsed = answer.kind === "text" ? parseDay(answer.text) : { error: "date.format" as const };
    if ("error" in parsed) return { ok: false, hint: d.t(`discipline.error.${parsed.error}`) };
    const errors = errorsOf(parsed.day);
    if (errors.length > 0) return { ok: false, hint: errors.map((code) => d.t(`error.${code}`)) };
    return { ok: true, value: parsed.day };
  });
}

async function save(d: Dialog, decision: DisciplineInput): Promise<void> {
  const { args, t } = d;
  const check = { target: { member: args.memberId }, roles: ["secretary"] } as const;
  const saved = await writeWithRole(d.conversation, d.ctx, t, check, async (c) => {
    const now = c.deps.clock();
    const actorId = c.identity.userId;
    await recordDiscipline(c.deps.db, { memberId: args.memberId, decision }, actorId, now);
    if (!args.periodId) return null;
    const pass = await evaluateBranch(c.deps.db, { periodId: args.periodId, actorId }, now, c.deps.timeZone.offsetMinutes);
    await reportPass(c.api, c.deps.db, args.orgId, pass, now);
    return (await latestResults(c.deps.db, args.periodId)).get(args.memberId)?.outcome ?? null;
  });
  if (!saved.allowed) return;
  await d.ctx.reply(t("discipline.saved", { name: args.memberName, decision: describeDecision(t, decision) }));
  const outcome = saved.value;
  if (outcome && args.year !== null) {
    const words = {
      name: args.memberName,
      year: args.year,
      outcome: describeOutcome(t, outcome),
      reasons: describeReasons(t, outcome.reasons, args.lang, args.timeZone),
    };
    await d.ctx.reply(t("discipline.result", words));
  }
}
