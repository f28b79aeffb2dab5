// /report for a committee (guideline D, T1): its report to the level above as XLSX and DOCX — members by level per
// subordinate organization, organizations by level, the exemplary lists, the reward proposals — then a button to
// send it up (the time is recorded: the level above sees it in /status) and one to change the number, place and
// signer it carries (conversations/report-signer.ts).
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { REPORT_SIGNER, reportSignerConversation, type ReportSignerArgs } from "../../conversations/report-signer";
import { reportState } from "../../domain/reports";
import { localDateKey, type ReviewTimeZone } from "../../domain/calendar";
import { holdsRoleOver } from "../../store/authority";
import { committeeReportDeadline, committeeYear, recordReport, reportedAt, reportSettings } from "../../store/org-reports";
import { getOrganization, usersWithRole } from "../../store/orgs";
import { loadCommitteeReport, rewardLines } from "../../store/report-data";
import { committeeReportDocx } from "../documents/committee-report-docx";
import { reportFileName, type ReportPaper } from "../documents/committee-report-rows";
import { committeeReportXlsx } from "../documents/committee-report-xlsx";
import { reportAction } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { formatInstant } from "../kit/format-date";
import { notify } from "../kit/notify";
import { onButton } from "../kit/on-button";
import { refuse, requireCommittee } from "../roles";
import { dialog } from "./dialog";

export const dialogs = [dialog(reportSignerConversation, REPORT_SIGNER)];

export function reportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("report", async (ctx) => {
    const committee = await requireCommittee(ctx);
    if (committee) await sendReport(ctx, committee.orgId);
  });
  onButton(feature, reportAction, async (ctx, { action, orgId }) => {
    await ctx.answerCallbackQuery();
    // Button data is user input: the role is checked against the committee named in it, now.
    const roles = action === "send" ? (["secretary"] as const) : (["secretary", "committee"] as const);
    if (!(await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { org: orgId }, roles))) return refuse(ctx, ["upper"]);
    if (action === "send") return sendUp(ctx, orgId);
    const args: ReportSignerArgs = { lang: ctx.lang, orgId, settings: await reportSettings(ctx.deps.db, orgId) };
    await ctx.conversation.enter(REPORT_SIGNER, args);
  });
  return feature;
}

async function sendReport(ctx: BotContext, orgId: string) {
  const { db, clock, timeZone } = ctx.deps;
  const org = await getOrganization(db, orgId);
  const reviewed = await committeeYear(db, orgId);
  if (!org || !reviewed) return void (await ctx.reply(ctx.t("report.no_year", { org: org?.name ?? "" })));
  const { year } = reviewed;
  const now = clock();
  const settings = await reportSettings(db, orgId);
  const paper: ReportPaper = {
    report: await loadCommitteeReport(db, orgId, year, reviewDay(now, year, timeZone)),
    rewards: await rewardLines(db, orgId, year),
    heading: { number: settings.number, place: settings.place, date: now.toISOString() },
    signer: { name: settings.signerName, title: settings.signerTitle },
  };
  const name = reportFileName(year);
  const caption = ctx.t("report.caption", { year, org: org.name });
  await ctx.replyWithDocument(new InputFile(await committeeReportXlsx(ctx.t, paper, timeZone), `${name}.xlsx`), { caption });
  await ctx.replyWithDocument(new InputFile(await committeeReportDocx(ctx.t, paper, timeZone), `${name}.docx`), { caption });
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("report.settings", settingsWords(ctx, settings))];
  const upper = org.parentId ? await getOrganization(db, org.parentId) : null;
  if (upper) {
    const deadline = committeeReportDeadline(year, reviewed.rulebookId, timeZone.offsetMinutes);
    const sentAt = await reportedAt(db, orgId, year);
    const state = reportState({ deadline, reportedAt: sentAt, now: now.toISOString() });
    const show = (iso: string) => formatInstant(iso, ctx.lang, timeZone);
    lines.push(ctx.t(`report.state.${state}`, { upper: upper.name, deadline: show(deadline), at: sentAt ? show(sentAt) : "" }));
    keyboard.text(ctx.t("report.button.send", { upper: upper.name }), reportAction.pack({ action: "send", orgId })).row();
  }
  keyboard.text(ctx.t("report.button.sign"), reportAction.pack({ action: "sign", orgId }));
  await ctx.reply(lines.join("\n\n"), { reply_markup: keyboard });
}

function settingsWords(ctx: BotContext, s: Awaited<ReturnType<typeof reportSettings>>) {
  const blank = ctx.t("report.blank");
  return {
    number: s.number ?? blank,
    place: s.place ?? blank,
    signer: s.signerName ?? blank,
    title: ctx.t(`report.title.${s.signerTitle}`),
  };
}

/** T1: the committee reports its year to the level above; the first sending's time counts, the level above is told. */
async function sendUp(ctx: BotContext, orgId: string) {
  const { db, clock, timeZone } = ctx.deps;
  const org = await getOrganization(db, orgId);
  const reviewed = await committeeYear(db, orgId);
  const upper = org?.parentId ? await getOrganization(db, org.parentId) : null;
  if (!org || !reviewed || !upper) return void (await ctx.reply(ctx.t("report.no_upper", { org: org?.name ?? "" })));
  const at = await recordReport(db, { orgId, year: reviewed.year, actorId: ctx.identity.userId }, clock());
  const people = await usersWithRole(db, upper.id, ["secretary", "committee"]);
  await notify(ctx.api, db, people, (t) => ({ text: t("report.upper_notice", { org: org.name, year: reviewed.year }) }), clock());
  await ctx.reply(ctx.t("report.sent", { org: org.name, upper: upper.name, at: formatInstant(at, ctx.lang, timeZone) }));
}

/** N1's six months count to the day of the review: today, or the year's last day for a report sent after it. */
function reviewDay(now: Date, year: number, zone: ReviewTimeZone): string {
  const today = localDateKey(now.toISOString(), zone.offsetMinutes);
  const yearEnd = `${year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}
