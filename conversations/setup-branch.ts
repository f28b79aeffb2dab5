// /setup: a secretary creates their branch. Asks the name, the base committee above (or skip), double entry of
// ballot counts, the review year and the self-review deadline; then creates it all and opens the period.
import { InlineKeyboard } from "grammy";
import {
  checkDeadline,
  defaultSelfReviewDeadline,
  endOfLocalDay,
  formatLocalDate,
  MAX_BRANCHES_PER_DAY,
  orgNameSchema,
  parseLocalDate,
  reviewYearChoices,
  setupPeriodDeadlines,
} from "../domain/branch-setup";
import type { ReviewTimeZone } from "../domain/calendar";
import { exampleDate } from "../domain/deadlines";
import type { Rulebook } from "../domain/rulebook";
import { DEFAULT_RULEBOOK_ID, getRulebook } from "../domain/rulebooks";
import { mayCreateBranchNow, setupBranch } from "../store/branches";
import { setupStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { ask, type Checked, type Question } from "./ask";

export const SETUP_CONVERSATION = "setup-branch";
/** `timeZone` is Deps.timeZone: what a typed day means and how dates are shown. */
export type SetupArgs = { lang: Language; timeZone: ReviewTimeZone };

const setupChoice = (choice: string) => setupStep.pack({ choice });

export async function setupBranchConversation(conversation: BotConversation, ctx: ConvContext, args: SetupArgs) {
  const t = translatorFor(args.lang);
  // A new period gets the default rulebook (until /setup offers a choice); its calendar gives the default dates.
  const rulebook = getRulebook(DEFAULT_RULEBOOK_ID);
  const offset = args.timeZone.offsetMinutes;
  const nowIso = () => conversation.external((outside) => outside.deps.clock().toISOString());

  const name = await askName(conversation, ctx, t, t("setup.ask-name"), false);
  const upperName = await askName(conversation, ctx, t, t("setup.ask-upper"), true);
  const doubleEntry = await askYesNo(conversation, ctx, t, t("setup.ask-double-entry"));
  const year = await askYear(conversation, ctx, t, reviewYearChoices(await nowIso(), offset));
  const selfReviewDeadline = await askDeadline(conversation, ctx, t, { year, rulebook, offset }, nowIso);
  const { reportDeadline } = setupPeriodDeadlines(year, rulebook, selfReviewDeadline, offset);

  const summary = t("setup.summary", {
    name,
    upper: upperName ?? t("setup.no-upper"),
    doubleEntry: t(doubleEntry ? "setup.yes" : "setup.no"),
    year,
    deadline: formatLocalDate(selfReviewDeadline, offset),
    report: formatLocalDate(reportDeadline, offset),
  });
  const confirm = new InlineKeyboard().text(t("setup.create"), setupChoice("create"));
  await ask(conversation, ctx, t, { text: summary, keyboard: confirm, buttons: { data: setupStep, values: ["create"] } });

  // Checked again here: /setup may have been typed before the other dialogs of the day were confirmed.
  const created = await conversation.external(async (outside) => {
    const { db, clock } = outside.deps;
    if (!(await mayCreateBranchNow(db, outside.identity.userId, clock()))) return null;
    return setupBranch(
      db,
      {
        name,
        upperName,
        doubleEntry,
        year,
        rulebookId: rulebook.id,
        selfReviewDeadline,
        reportDeadline,
      },
      outside.identity.userId,
      clock(),
    );
  });
  await ctx.reply(created ? t("setup.done", { name: created.orgName }) : t("setup.daily-limit", { max: MAX_BRANCHES_PER_DAY }));
}

/** A name; with `optional`, a Skip button answers null. */
async function askName(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string, optional: false): Promise<string>;
async function askName(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string, optional: true): Promise<string | null>;
async function askName(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string, optional: boolean) {
  const question: Question = { text, acceptText: true };
  if (optional) {
    question.keyboard = new InlineKeyboard().text(t("setup.skip"), setupChoice("skip"));
    question.buttons = { data: setupStep, values: ["skip"] };
  }
  return ask(conversation, ctx, t, question, (answer): Checked<string | null> => {
    if (answer.kind !== "text") return { ok: true, value: null };
    const parsed = orgNameSchema.safeParse(answer.text);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, hint: t(`setup.error.${parsed.error.issues[0].message}`) };
  });
}

async function askYesNo(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string): Promise<boolean> {
  const keyboard = new InlineKeyboard().text(t("setup.yes"), setupChoice("yes")).text(t("setup.no"), setupChoice("no"));
  const answer = await ask(conversation, ctx, t, { text, keyboard, buttons: { data: setupStep, values: ["yes", "no"] } });
  return answer.kind === "button" && answer.value === "yes";
}

async function askYear(conversation: BotConversation, ctx: ConvContext, t: Translate, years: number[]): Promise<number> {
  const keyboard = new InlineKeyboard();
  for (const year of years) keyboard.text(String(year), setupChoice(`y${year}`));
  const values = years.map((y) => `y${y}`);
  const answer = await ask(conversation, ctx, t, { text: t("setup.ask-year"), keyboard, buttons: { data: setupStep, values } });
  return answer.kind === "button" ? Number(answer.value.slice(1)) : years[0];
}

/** The self-review deadline: a default that lies ahead (domain) with a button, or a typed dd/mm/yyyy; never in the past. */
async function askDeadline(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  { year, rulebook, offset }: { year: number; rulebook: Rulebook; offset: number },
  nowIso: () => Promise<string>,
): Promise<string> {
  const now = await nowIso();
  const byDefault = defaultSelfReviewDeadline(year, rulebook, now, offset);
  const example = exampleDate("selfReviewDeadline", null, now, offset);
  const text = t("setup.ask-deadline", { date: formatLocalDate(byDefault, offset), example });
  const keyboard = new InlineKeyboard().text(t("setup.use-default", { date: formatLocalDate(byDefault, offset) }), setupChoice("default"));
  const question: Question = { text, keyboard, acceptText: true, buttons: { data: setupStep, values: ["default"] } };
  return ask(conversation, ctx, t, question, async (answer): Promise<Checked<string>> => {
    const date = answer.kind === "text" ? parseLocalDate(answer.text) : null;
    if (date && "error" in date) return { ok: false, hint: t(`setup.error.${date.error}`, { example }) };
    const deadline = date ? endOfLocalDay(date, offset) : byDefault;
    const problem = checkDeadline(deadline, await nowIso());
    return problem
      ? { ok: false, hint: t(`setup.error.${problem}`, { date: formatLocalDate(deadline, offset) }) }
      : { ok: true, value: deadline };
  });
}
