// /setup: a secretary creates their branch. Asks the name, the base committee above (or skip), double entry of
// ballot counts, the review year and the self-review deadline; then creates it all and opens the period.
import { InlineKeyboard } from "grammy";
import {
  checkDeadline, endOfLocalDay, formatLocalDate, MAX_BRANCHES_PER_DAY, orgNameSchema, parseLocalDate, reviewYearChoices,
  setupPeriodDeadlines,
} from "../domain/branch-setup";
import { defaultPeriodDates } from "../domain/calendar";
import { hd07_2011 } from "../domain/rulebooks";
import { mayCreateBranchNow, setupBranch } from "../store/branches";
import { setupStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { ask, type Question } from "./ask";

export const SETUP_CONVERSATION = "setup-branch";
export type SetupArgs = { lang: Language };

const setupChoice = (choice: string) => setupStep.pack({ choice });
const RULEBOOK = hd07_2011;

export async function setupBranchConversation(conversation: BotConversation, ctx: ConvContext, args: SetupArgs) {
  const t = translatorFor(args.lang);
  const nowIso = () => conversation.external((outside) => outside.deps.clock().toISOString());

  const name = await askName(conversation, ctx, t, t("setup.ask-name"), false);
  const upperName = await askName(conversation, ctx, t, t("setup.ask-upper"), true);
  const doubleEntry = await askYesNo(conversation, ctx, t, t("setup.ask-double-entry"));
  const year = await askYear(conversation, ctx, t, reviewYearChoices(await nowIso()));
  const selfReviewDeadline = await askDeadline(conversation, ctx, t, year, nowIso);
  const { reportDeadline } = setupPeriodDeadlines(year, RULEBOOK, selfReviewDeadline);

  const summary = t("setup.summary", {
    name,
    upper: upperName ?? t("setup.no-upper"),
    doubleEntry: t(doubleEntry ? "setup.yes" : "setup.no"),
    year,
    deadline: formatLocalDate(selfReviewDeadline, RULEBOOK),
  });
  const confirm = new InlineKeyboard().text(t("setup.create"), setupChoice("create"));
  await ask(conversation, ctx, t, { text: summary, keyboard: confirm, buttons: { data: setupStep, values: ["create"] } });

  // Checked again here: /setup may have been typed before the other dialogs of the day were confirmed.
  const created = await conversation.external(async (outside) => {
    const { db, clock } = outside.deps;
    if (!(await mayCreateBranchNow(db, outside.identity.userId, clock()))) return null;
    return setupBranch(db, {
      name, upperName, doubleEntry, year, rulebookId: RULEBOOK.id, selfReviewDeadline, reportDeadline,
    }, outside.identity.userId, clock());
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
  for (;;) {
    const answer = await ask(conversation, ctx, t, question);
    if (answer.kind === "button") return null;
    if (answer.kind !== "text") continue;
    const parsed = orgNameSchema.safeParse(answer.text);
    if (parsed.success) return parsed.data;
    question.text = `${t(`setup.error.${parsed.error.issues[0].message}`)}\n\n${text}`;
  }
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

/** The self-review deadline: the calendar's default with a button, or a typed dd/mm/yyyy; never in the past. */
async function askDeadline(
  conversation: BotConversation, ctx: ConvContext, t: Translate, year: number, nowIso: () => Promise<string>,
): Promise<string> {
  const byDefault = defaultPeriodDates(year, RULEBOOK).selfReviewDeadline;
  const text = t("setup.ask-deadline", { date: formatLocalDate(byDefault, RULEBOOK) });
  const keyboard = new InlineKeyboard().text(t("setup.use-default", { date: formatLocalDate(byDefault, RULEBOOK) }), setupChoice("default"));
  const question: Question = { text, keyboard, acceptText: true, buttons: { data: setupStep, values: ["default"] } };
  for (;;) {
    const answer = await ask(conversation, ctx, t, question);
    let deadline = byDefault;
    if (answer.kind === "text") {
      const date = parseLocalDate(answer.text);
      if ("error" in date) {
        question.text = `${t(`setup.error.${date.error}`)}\n\n${text}`;
        continue;
      }
      deadline = endOfLocalDay(date, RULEBOOK);
    }
    const problem = checkDeadline(deadline, await nowIso());
    if (!problem) return deadline;
    question.text = `${t(`setup.error.${problem}`, { date: formatLocalDate(deadline, RULEBOOK) })}\n\n${text}`;
  }
}
