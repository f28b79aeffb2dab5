// /export (secretary): the rating list as XLSX and DOCX and the ballot minutes as DOCX, sent in the chat; under the
// 366 rulebook the list with the scores and the minutes of the branch meeting that appraised and proposed.
// /myreview_docx (member): their own filled self-review as DOCX to print and sign (form 2A/2B/2C under 366).
import { Composer, InputFile } from "grammy";
import { getRulebook } from "../../domain/rulebooks";
import { loadAppraisalPapers } from "../../store/appraisal-papers";
import type { Db } from "../../store/client";
import { type Issuer, loadBranchPapers, loadIssuer } from "../../store/documents-data";
import { scoreItemsFor } from "../../store/score-items";
import { getScoreReview, scoreReviewSetting } from "../../store/score-reviews";
import { currentPeriod } from "../../store/periods";
import { getReview, reviewerContext } from "../../store/reviews";
import { requireBranchRole } from "../branch-role";
import type { BotContext } from "../kit/context";
import { appraisalListDocx, appraisalListXlsx, appraisalMinutesDocx } from "../documents/appraisal-papers";
import { ballotMinutesDocx, ratingListDocx, ratingListXlsx } from "../documents/branch-papers";
import { minutesWords } from "../documents/minutes-words";
import { selfReviewDocx } from "../documents/self-review-docx";
import { selfScoreDocx } from "../documents/self-score-docx";
import type { Translate } from "../kit/i18n";
import { scoreWords } from "../kit/rulebook-words";

export function exportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("export", async (ctx) => {
    const org = await requireBranchRole(ctx, ["secretary"]);
    if (!org) return;
    const period = await currentPeriod(ctx.deps.db, org.orgId);
    if (!period) return void (await ctx.reply(ctx.t("tally.no_period", { org: org.orgName })));
    if (getRulebook(period.rulebookId).procedure === "appraisal") return void (await sendAppraisalPapers(ctx, period.id, org.orgName));
    const papers = await loadBranchPapers(ctx.deps.db, period.id, ctx.deps.clock(), ctx.deps.timeZone.offsetMinutes);
    if (!papers.rows.some((r) => r.outcome)) return void (await ctx.reply(ctx.t("export.nothing")));
    const minutes = minutesWords(papers, period.year);
    const names = { list: `danh-sach-xep-loai-${period.year}`, minutes: minutes.fileName };
    const caption = (key: string) => ctx.t(`export.caption.${key}`, { year: period.year, org: org.orgName });
    await ctx.replyWithDocument(new InputFile(await ratingListXlsx(ctx.t, papers, ctx.lang, ctx.deps.timeZone), `${names.list}.xlsx`), {
      caption: caption("list"),
    });
    await ctx.replyWithDocument(new InputFile(await ratingListDocx(ctx.t, papers, ctx.lang, ctx.deps.timeZone), `${names.list}.docx`), {
      caption: caption("list"),
    });
    await ctx.replyWithDocument(new InputFile(await ballotMinutesDocx(ctx.t, papers), `${names.minutes}.docx`), {
      caption: caption(minutes.captionKey),
    });
  });
  feature.command("myreview_docx", async (ctx) => {
    const membership = ctx.identity.memberships[0];
    const reviewer = membership && (await reviewerContext(ctx.deps.db, membership.memberId));
    const review = reviewer?.period && (await getReview(ctx.deps.db, reviewer.period.id, reviewer.memberId));
    if (!reviewer?.period || !review) return void (await ctx.reply(ctx.t("export.no_review")));
    const issuer = await loadIssuer(ctx.deps.db, reviewer.orgId);
    const file =
      (await selfScoreFile(ctx.deps.db, ctx.t, reviewer.period.id, reviewer.memberId, reviewer.fullName, issuer)) ??
      (await selfReviewDocx(ctx.t, { review, fullName: reviewer.fullName, issuer, year: reviewer.period.year }));
    await ctx.replyWithDocument(new InputFile(file, `ban-tu-kiem-diem-${reviewer.period.year}.docx`), {
      caption: ctx.t("export.caption.review", { year: reviewer.period.year, name: reviewer.fullName }),
    });
  });
  return feature;
}

/** RULES-2025 N7, N12: the list with the scores (XLSX, DOCX) and the minutes of the meeting that proposed. */
async function sendAppraisalPapers(ctx: BotContext, periodId: string, orgName: string) {
  const { db, timeZone } = ctx.deps;
  const papers = await loadAppraisalPapers(db, periodId, ctx.deps.clock(), timeZone.offsetMinutes);
  if (!papers.rows.some((r) => r.appraisal || r.result)) return void (await ctx.reply(ctx.t("export.nothing_appraisal")));
  const suffix = papers.quarter > 0 ? `${papers.year}-quy-${papers.quarter}` : `${papers.year}`;
  const caption = (key: string) => ({ caption: ctx.t(`export.caption.${key}`, { year: papers.year, org: orgName }) });
  const list = `danh-sach-xep-loai-${suffix}`;
  await ctx.replyWithDocument(new InputFile(await appraisalListXlsx(ctx.t, papers, ctx.lang, timeZone), `${list}.xlsx`), caption("list"));
  await ctx.replyWithDocument(new InputFile(await appraisalListDocx(ctx.t, papers, ctx.lang, timeZone), `${list}.docx`), caption("list"));
  const minutes = await appraisalMinutesDocx(ctx.t, papers, ctx.lang, timeZone);
  await ctx.replyWithDocument(new InputFile(minutes, `bien-ban-hop-chi-bo-xet-xep-loai-${suffix}.docx`), caption("appraisal_minutes"));
}

/** RULES-2025: in a period of the 366 rulebook the member's paper is their form 2A/2B/2C with the self-score; else null. */
async function selfScoreFile(db: Db, t: Translate, periodId: string, memberId: string, fullName: string, issuer: Issuer) {
  const setting = await scoreReviewSetting(db, periodId, memberId);
  const stored = getScoreReview(db, periodId, memberId);
  if (!setting || !stored || getRulebook(setting.rulebookId).procedure !== "appraisal") return null;
  const form = stored.form ?? setting.form;
  const { items } = await scoreItemsFor(db, setting.orgId, setting.year, setting.quarter, form);
  const { texts, fixStatus, scores, tasks, proposal } = stored.draft;
  return selfScoreDocx(scoreWords(t), {
    form,
    fullName,
    issuer,
    year: setting.year,
    quarter: setting.quarter,
    parts: texts,
    fixStatus,
    items,
    scores,
    tasks,
    proposed: proposal,
  });
}
