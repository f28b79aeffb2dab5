// /export (secretary): the rating list as XLSX and DOCX and the ballot minutes as DOCX, sent in the chat.
// /myreview_docx (member): their own filled self-review as DOCX to print and sign.
import { Composer, InputFile } from "grammy";
import { loadBranchPapers, loadIssuer } from "../../store/documents-data";
import { currentPeriod } from "../../store/periods";
import { getReview, reviewerContext } from "../../store/reviews";
import { requireBranchRole } from "../branch-role";
import type { BotContext } from "../kit/context";
import { ballotMinutesDocx, ratingListDocx, ratingListXlsx } from "../documents/branch-papers";
import { minutesWords } from "../documents/minutes-words";
import { selfReviewDocx } from "../documents/self-review-docx";

export function exportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("export", async (ctx) => {
    const org = await requireBranchRole(ctx, ["secretary"]);
    if (!org) return;
    const period = await currentPeriod(ctx.deps.db, org.orgId);
    if (!period) return void (await ctx.reply(ctx.t("tally.no_period", { org: org.orgName })));
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
    const file = await selfReviewDocx(ctx.t, {
      review,
      fullName: reviewer.fullName,
      issuer: await loadIssuer(ctx.deps.db, reviewer.orgId),
      year: reviewer.period.year,
    });
    await ctx.replyWithDocument(new InputFile(file, `ban-tu-kiem-diem-${reviewer.period.year}.docx`), {
      caption: ctx.t("export.caption.review", { year: reviewer.period.year, name: reviewer.fullName }),
    });
  });
  return feature;
}
