import { Composer, InlineKeyboard } from "grammy";
import { deadlineEditConversation, DEADLINE_EDIT, type DeadlineEditArgs } from "../../conversations/deadline-edit";
import { currentPeriod } from "../../store/periods";
import { draftReportLine } from "../kit/draft-report";
import { requireBranchRole } from "../branch-role";
import { DEADLINE_FIELDS, deadlineChange } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { formatInstant } from "../kit/format-date";
import { onButton } from "../kit/on-button";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(deadlineEditConversation, DEADLINE_EDIT)];

/** /deadline: the secretary sees the period's dates (T1 defaults until changed) and changes them. */
export function deadlinesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("deadline", async (ctx) => {
    const found = await secretaryPeriod(ctx);
    if (!found) return;
    const { org, period } = found;
    const show = (iso: string) => formatInstant(iso, ctx.lang, ctx.deps.timeZone);
    const keyboard = new InlineKeyboard();
    for (const field of DEADLINE_FIELDS) keyboard.text(ctx.t(`deadline.button.${field}`), deadlineChange.pack({ field })).row();
    const dates = ctx.t("deadline.show", {
      org: org.orgName,
      year: period.year,
      deadline: show(period.selfReviewDeadline),
      report: show(period.reportDeadline),
      meeting: period.meetingDate ? show(period.meetingDate) : ctx.t("deadline.meeting_unset"),
    });
    const draft = draftReportLine(ctx.t, period.meetingDate, period.rulebookId, ctx.deps.timeZone);
    await ctx.reply(draft ? `${dates}\n${draft}` : dates, { reply_markup: keyboard });
  });
  onButton(feature, deadlineChange, async (ctx, { field }) => {
    await ctx.answerCallbackQuery();
    const found = await secretaryPeriod(ctx);
    if (!found) return;
    const { org, period } = found;
    const args: DeadlineEditArgs = {
      lang: ctx.lang,
      periodId: period.id,
      orgName: org.orgName,
      field,
      year: period.year,
      deadline: period.selfReviewDeadline,
      report: period.reportDeadline,
      meeting: period.meetingDate,
      rulebookId: period.rulebookId,
      timeZone: ctx.deps.timeZone,
    };
    await ctx.conversation.enter(DEADLINE_EDIT, args);
  });
  return feature;
}

async function secretaryPeriod(ctx: BotContext) {
  const org = await requireBranchRole(ctx, ["secretary"]);
  if (!org) return null;
  const period = await currentPeriod(ctx.deps.db, org.orgId);
  if (!period) {
    await ctx.reply(ctx.t("deadline.no_period", { org: org.orgName }));
    return null;
  }
  return { org, period };
}
