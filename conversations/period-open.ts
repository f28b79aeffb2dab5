// /period: the secretary opens the next review period of the branch (N10): a year, or a quarter of it when the
// chosen rulebook allows quarters, with the rulebook chosen (the year's offered first) and dates from its calendar
// (a quarter's by the rule in domain/period-choice.ts). A period that exists is not opened twice.
import { InlineKeyboard } from "grammy";
import { defaultSelfReviewDeadline, formatLocalDate, reviewYearChoices } from "../domain/branch-setup";
import type { ReviewTimeZone } from "../domain/calendar";
import { defaultQuarterDeadline, periodDeadlines, quarterChoices, type PeriodQuarter } from "../domain/period-choice";
import { getRulebook, rulebookIdForYear } from "../domain/rulebooks";
import { openNextPeriod, periodExists } from "../store/periods";
import { periodStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { periodLabel } from "../bot/kit/period-label";
import { ask } from "./ask";
import { askDeadline, askRulebook, askYear } from "./period-questions";
import { writeWithRole } from "./role-checked-write";

export const PERIOD_OPEN = "period-open";

/** Plain data passed to `enter`; `timeZone` is Deps.timeZone. */
export type PeriodOpenArgs = { lang: Language; timeZone: ReviewTimeZone; orgId: string; orgName: string };

export async function periodOpenConversation(conversation: BotConversation, ctx: ConvContext, args: PeriodOpenArgs) {
  const t = translatorFor(args.lang);
  const offset = args.timeZone.offsetMinutes;
  const nowIso = () => conversation.external((outside) => outside.deps.clock().toISOString());
  const year = await askYear(conversation, ctx, t, periodStep, reviewYearChoices(await nowIso(), offset));
  const rulebookId = await askRulebook(conversation, ctx, t, periodStep, { year, current: rulebookIdForYear(year) });
  const rulebook = getRulebook(rulebookId);
  const quarter = await askQuarter(conversation, ctx, t, year, quarterChoices(rulebook));
  const label = periodLabel(t, year, quarter);
  const exists = () => conversation.external((outside) => periodExists(outside.deps.db, args.orgId, year, quarter));
  if (await exists()) return void (await ctx.reply(t("period.exists", { org: args.orgName, period: label })));

  const now = await nowIso();
  const byDefault =
    quarter === 0 ? defaultSelfReviewDeadline(year, rulebook, now, offset) : defaultQuarterDeadline(year, quarter, rulebook, now, offset);
  const selfReviewDeadline = await askDeadline(conversation, ctx, t, periodStep, { byDefault, offset }, nowIso);
  const { reportDeadline } = periodDeadlines(year, quarter, rulebook, selfReviewDeadline, offset);
  const summary = t("period.summary", {
    org: args.orgName,
    period: label,
    rulebook: rulebook.title,
    deadline: formatLocalDate(selfReviewDeadline, offset),
    report: formatLocalDate(reportDeadline, offset),
  });
  const keyboard = new InlineKeyboard().text(t("period.open"), periodStep.pack({ choice: "create" }));
  await ask(conversation, ctx, t, { text: summary, keyboard, buttons: { data: periodStep, values: ["create"] } });

  const input = { orgId: args.orgId, year, quarter, rulebookId, selfReviewDeadline, reportDeadline };
  const done = await writeWithRole(conversation, ctx, t, { target: { org: args.orgId }, roles: ["secretary"] }, async (outside) => {
    const opened = await openNextPeriod(outside.deps.db, input, outside.identity.userId, outside.deps.clock());
    return opened.ok;
  });
  if (!done.allowed) return;
  await ctx.reply(t(done.value ? "period.done" : "period.exists", { org: args.orgName, period: label }));
}

/** The whole year or one of its quarters; not asked when the rulebook has no quarters (2011). */
async function askQuarter(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  year: number,
  choices: PeriodQuarter[],
): Promise<PeriodQuarter> {
  if (choices.length === 1) return choices[0];
  const keyboard = new InlineKeyboard();
  for (const q of choices) keyboard.text(periodLabel(t, year, q), periodStep.pack({ choice: `q${q}` })).row();
  const values = choices.map((q) => `q${q}`);
  const answer = await ask(conversation, ctx, t, {
    text: t("period.ask-quarter", { year }),
    keyboard,
    buttons: { data: periodStep, values },
  });
  const picked = answer.kind === "button" ? Number(answer.value.slice(1)) : 0;
  return choices.find((q) => q === picked) ?? 0;
}
