// /period with quarters open (N10): the branch's secretary chooses to open a new period or to close a quarter. The
// confirmation says what is unfinished (deadline not passed, self-reviews, appraisals) but does not forbid closing;
// the reply comes after the close is stored. Closing is the secretary's, as opening a period and its dates are.
import { InlineKeyboard } from "grammy";
import { holdsRoleOver } from "../../store/authority";
import { currentPeriod, type PeriodRow } from "../../store/periods";
import { closeQuarter, openQuarters, quarterCloseFacts } from "../../store/quarter-close";
import { periodClose } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { formatInstant } from "../kit/format-date";
import { periodLabel } from "../kit/period-label";
import { refuse } from "../roles";

export const CLOSERS = ["secretary"] as const;

/** The menu when the branch has open quarters; false when it has none (then /period opens a period straight away). */
export async function offerQuarterClose(ctx: BotContext, org: { orgId: string; orgName: string }): Promise<boolean> {
  const open = await openQuarters(ctx.deps.db, org.orgId);
  if (open.length === 0) return false;
  const keyboard = new InlineKeyboard().text(ctx.t("period.menu.open"), periodClose.pack({ kind: "open" })).row();
  for (const p of open) keyboard.text(closeWords(ctx, "period.close.button", p), periodClose.pack({ kind: "ask", periodId: p.id })).row();
  const quarters = open.map((p) => periodLabel(ctx.t, p.year, p.quarter)).join(", ");
  await ctx.reply(ctx.t("period.menu.text", { org: org.orgName, quarters }), { reply_markup: keyboard });
  return true;
}

const closeWords = (ctx: BotContext, key: string, p: Pick<PeriodRow, "year" | "quarter">) =>
  ctx.t(key, { quarter: p.quarter, year: p.year });

/** A press on «Đóng quý …» or its confirmation; the role is read again against the period's branch every time. */
export async function onQuarterClose(ctx: BotContext, periodId: string, confirmed: boolean): Promise<void> {
  const { db, clock } = ctx.deps;
  if (!(await holdsRoleOver(db, ctx.identity.userId, { period: periodId }, CLOSERS))) return refuse(ctx, CLOSERS);
  const facts = await quarterCloseFacts(db, periodId, clock());
  if (!facts) return void (await ctx.reply(ctx.t("period.close.gone")));
  const label = periodLabel(ctx.t, facts.period.year, facts.period.quarter);
  if (!confirmed) {
    const warnings = [
      ...(facts.deadlinePassed
        ? []
        : [ctx.t("period.close.warn_deadline", { deadline: formatInstant(facts.period.selfReviewDeadline, ctx.lang, ctx.deps.timeZone) })]),
      ...(facts.submitted < facts.members ? [ctx.t("period.close.warn_submitted", facts)] : []),
      ...(facts.appraised < facts.members ? [ctx.t("period.close.warn_appraised", facts)] : []),
    ];
    const text = [ctx.t("period.close.confirm", { org: facts.orgName, period: label, year: facts.period.year }), ...warnings].join("\n");
    const keyboard = new InlineKeyboard().text(
      closeWords(ctx, "period.close.confirm_button", facts.period),
      periodClose.pack({ kind: "confirm", periodId }),
    );
    return void (await ctx.reply(text, { reply_markup: keyboard }));
  }
  const closed = await closeQuarter(db, periodId, ctx.identity.userId, clock());
  if (!closed.ok) return void (await ctx.reply(ctx.t("period.close.gone")));
  const now = await currentPeriod(db, facts.period.orgId);
  const next = now
    ? ctx.t("period.close.now_current", { period: periodLabel(ctx.t, now.year, now.quarter) })
    : ctx.t("period.close.none_open");
  await ctx.reply([ctx.t("period.close.done", { org: facts.orgName, period: label }), next].join("\n"));
}
