// The questions of a review period that /setup (a new branch) and /period (the next period of a branch) share: the
// year, the rulebook and the self-review deadline. Each takes the dialog's own button family.
import { InlineKeyboard } from "grammy";
import { checkDeadline, endOfLocalDay, formatLocalDate, parseLocalDate } from "../domain/branch-setup";
import { exampleDate } from "../domain/deadlines";
import { getRulebook, RULEBOOKS } from "../domain/rulebooks";
import type { ButtonFamily } from "../bot/kit/button-family";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { ask, type Checked, type Question } from "./ask";

/** A dialog's buttons: one field, `choice`, whose shape takes `y<year>`, `r-<rulebook id>` and `default`. */
export type StepButtons = ButtonFamily<{ choice: string }>;

export async function askYear(conversation: BotConversation, ctx: ConvContext, t: Translate, step: StepButtons, years: number[]) {
  const keyboard = new InlineKeyboard();
  for (const year of years) keyboard.text(String(year), step.pack({ choice: `y${year}` }));
  const values = years.map((y) => `y${y}`);
  const answer = await ask(conversation, ctx, t, { text: t("setup.ask-year"), keyboard, buttons: { data: step, values } });
  return answer.kind === "button" ? Number(answer.value.slice(1)) : years[0];
}

/** The rulebooks, the one in use first (its title marked), each button its title (a rulebook value). */
export async function askRulebook(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  step: StepButtons,
  { year, current }: { year: number; current: string },
): Promise<string> {
  const ids = [current, ...Object.keys(RULEBOOKS).filter((id) => id !== current)];
  const keyboard = new InlineKeyboard();
  for (const id of ids) keyboard.text(getRulebook(id).title, step.pack({ choice: `r-${id}` })).row();
  const text = t("period.ask-rulebook", { year, current: getRulebook(current).title });
  const values = ids.map((id) => `r-${id}`);
  const answer = await ask(conversation, ctx, t, { text, keyboard, buttons: { data: step, values } });
  return answer.kind === "button" ? answer.value.slice(2) : current;
}

/** The self-review deadline: `byDefault` (domain) with a button, or a typed dd/mm/yyyy; never in the past. */
export async function askDeadline(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  step: StepButtons,
  { byDefault, offset }: { byDefault: string; offset: number },
  nowIso: () => Promise<string>,
): Promise<string> {
  const now = await nowIso();
  const example = exampleDate("selfReviewDeadline", null, now, offset);
  const text = t("setup.ask-deadline", { date: formatLocalDate(byDefault, offset), example });
  const keyboard = new InlineKeyboard().text(
    t("setup.use-default", { date: formatLocalDate(byDefault, offset) }),
    step.pack({ choice: "default" }),
  );
  const question: Question = { text, keyboard, acceptText: true, buttons: { data: step, values: ["default"] } };
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

/** The summary's last question: the dialog's own button to go ahead, or change the rulebook. */
export async function askConfirmOrRulebook(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  step: StepButtons,
  { text, go }: { text: string; go: string },
): Promise<"go" | "rulebook"> {
  const keyboard = new InlineKeyboard()
    .text(go, step.pack({ choice: "create" }))
    .row()
    .text(t("period.change-rulebook"), step.pack({ choice: "rulebook" }));
  const answer = await ask(conversation, ctx, t, { text, keyboard, buttons: { data: step, values: ["create", "rulebook"] } });
  return answer.kind === "button" && answer.value === "rulebook" ? "rulebook" : "go";
}
