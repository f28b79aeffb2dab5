// /results for the secretary: the branch's proposed results and "send for recognition"; the M8 tie buttons and the
// double-entry re-entry button the branch-wide pass sends.
import { Composer, InlineKeyboard } from "grammy";
import { getRulebook } from "../../domain";
import { holdsBackSending } from "../../domain/results";
import { reportPass, tieNotice } from "../../conversations/tally-report";
import { recordReport } from "../../store/org-reports";
import { getOrganization, usersWithRole } from "../../store/orgs";
import { currentPeriod } from "../../store/periods";
import { branchResults, chooseCapKeeper } from "../../store/recognition";
import { evaluateBranch } from "../../store/results";
import { memberBranch, supersedeTallies } from "../../store/tallies";
import { requireBranchRole } from "../branch-role";
import { reentry, sendResults, tieKeep, tiePage } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";
import { describeOutcome, describeReason } from "../kit/describe-result";
import { wordsOf } from "../kit/rulebook-words";
import { notify } from "../kit/notify";
import { BRANCH_KINDS, orgsWithRole, refuse } from "../roles";
import { replyInParts } from "../kit/outgoing";
import { shortList } from "../kit/paging";
import { committeeCapPreview } from "./committee-cap";

/** The reasons /results shows under a member's line. */
const EXPLAINED: readonly string[] = ["cap.demoted", "cap.committee-demoted", "decision.differs"];

/** Who still holds the sending back: the first names, enough to act on; /tally shows them all. */
const PENDING_NAMES_SHOWN = 30;

export function resultsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("results", async (ctx) => {
    const org = await requireBranchRole(ctx, ["secretary"]);
    const period = org && (await currentPeriod(ctx.deps.db, org.orgId));
    if (!org) return;
    if (!period) return void (await ctx.reply(ctx.t("tally.no_period", { org: org.orgName })));
    const byAppraisal = getRulebook(period.rulebookId).procedure === "appraisal";
    const results = await branchResults(ctx.deps.db, period.id);
    if (results.length === 0) return void (await ctx.reply(ctx.t(byAppraisal ? "results.none_appraisal" : "results.none")));
    const words = wordsOf(ctx.t, period.rulebookId);
    const lines = results.map((r, i) => {
      const line = ctx.t("results.line", {
        index: i + 1,
        name: r.fullName,
        outcome: describeOutcome(words, r.outcome),
        state: ctx.t(`rating.state.${r.state}`),
      });
      // A level lowered by the cap (M8, N6), or decided otherwise than proposed (N7), differs from what the branch
      // entered: say why.
      const capped = r.outcome.reasons.find((reason) => EXPLAINED.includes(reason.code));
      return capped ? `${line}\n   ${describeReason(words, capped, ctx.lang, ctx.deps.timeZone)}` : line;
    });
    // M8: under a base committee the cap is the committee's; the branch sees where it stands against it. Under 366
    // (N6) the cap is applied where the decision is taken, not on the branch's proposals.
    const preview = byAppraisal ? null : await committeeCapPreview(ctx, period.id, org.orgId);
    const text = [ctx.t("results.title", { org: org.orgName, year: period.year }), ...lines, ...(preview ? ["", preview] : [])].join("\n");
    await replyInParts(ctx, text, new InlineKeyboard().text(ctx.t("results.button.send"), sendResults.pack({ periodId: period.id })));
  });
  onButton(feature, sendResults, async (ctx, { periodId }) => {
    await ctx.answerCallbackQuery();
    await sendForRecognition(ctx, periodId);
  });
  onButton(feature, tieKeep, async (ctx, { memberId }) => {
    await ctx.answerCallbackQuery();
    await decideTie(ctx, memberId);
  });
  onButton(feature, tiePage, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await showTiePage(ctx, page);
  });
  onButton(feature, reentry, async (ctx, { memberId }) => {
    await ctx.answerCallbackQuery();
    const target = await secretaryTarget(ctx, memberId);
    if (!target) return;
    const { db, clock } = ctx.deps;
    await supersedeTallies(db, target.periodId, target.memberId, ctx.identity.userId, clock());
    await evaluateBranch(db, { periodId: target.periodId, actorId: ctx.identity.userId }, clock(), ctx.deps.timeZone.offsetMinutes);
    await ctx.reply(ctx.t("tally.reentry_done", { name: target.fullName }));
  });
  return feature;
}

/** The member and open period a secretary's button is about, or a refusal. */
async function secretaryTarget(ctx: BotContext, memberId: string) {
  const place = await memberBranch(ctx.deps.db, memberId);
  if (!place || !orgsWithRole(ctx, ["secretary"]).some((o) => o.orgId === place.orgId)) {
    await refuse(ctx, ["secretary"]);
    return null;
  }
  const period = await currentPeriod(ctx.deps.db, place.orgId);
  return period ? { ...place, memberId, periodId: period.id } : null;
}

async function decideTie(ctx: BotContext, memberId: string) {
  const target = await secretaryTarget(ctx, memberId);
  if (!target) return;
  const { db, clock } = ctx.deps;
  const actorId = ctx.identity.userId;
  const pass = await evaluateBranch(db, { periodId: target.periodId, actorId }, clock(), ctx.deps.timeZone.offsetMinutes);
  const candidates = pass.tie?.candidates.map((c) => c.memberId) ?? [];
  if (!pass.tie || !candidates.includes(memberId)) return void (await ctx.reply(ctx.t("tally.tie_stale")));
  const done = await chooseCapKeeper(
    db,
    { periodId: target.periodId, candidates, seatsLeft: pass.tie.seatsLeft, memberId, actorId },
    clock(),
  );
  if (!done) return void (await ctx.reply(ctx.t("tally.tie_chosen", { name: target.fullName })));
  const after = await evaluateBranch(db, { periodId: target.periodId, actorId }, clock(), ctx.deps.timeZone.offsetMinutes);
  await ctx.reply(ctx.t("tally.tie_done"));
  await reportPass(ctx.api, db, target.orgId, after, clock());
}

/** A secretary's button of another period is named as such; anyone else is told the role it needs. */
async function notThisPeriod(ctx: BotContext, isSecretary: boolean): Promise<void> {
  if (isSecretary) await ctx.reply(ctx.t("unhandled.stale_period"));
  else await refuse(ctx, ["secretary"]);
}

/** Another page of the tie's buttons, from the tie as it stands now. */
async function showTiePage(ctx: BotContext, page: number) {
  const org = orgsWithRole(ctx, ["secretary"], BRANCH_KINDS)[0];
  const period = org && (await currentPeriod(ctx.deps.db, org.orgId));
  if (!org || !period) return notThisPeriod(ctx, Boolean(org));
  const pass = await evaluateBranch(
    ctx.deps.db,
    { periodId: period.id, actorId: ctx.identity.userId },
    ctx.deps.clock(),
    ctx.deps.timeZone.offsetMinutes,
  );
  if (!pass.tie) return void (await ctx.reply(ctx.t("tally.tie_stale")));
  await ctx.editMessageReplyMarkup({ reply_markup: tieNotice(ctx.t, pass.tie, page).keyboard });
}

async function sendForRecognition(ctx: BotContext, periodId: string) {
  const org = orgsWithRole(ctx, ["secretary"], BRANCH_KINDS)[0];
  const period = org && (await currentPeriod(ctx.deps.db, org.orgId));
  if (!org || !period || period.id !== periodId) return notThisPeriod(ctx, Boolean(org));
  const { db, clock } = ctx.deps;
  const pass = await evaluateBranch(db, { periodId, actorId: ctx.identity.userId }, clock(), ctx.deps.timeZone.offsetMinutes);
  if (pass.tie) return void (await ctx.reply(ctx.t("results.cannot_send_tie")));
  const results = await branchResults(db, periodId);
  // Members never counted have no result row yet: they hold the sending back too.
  const pending = [...pass.waitingForTally, ...results.filter((r) => holdsBackSending(r.outcome) && r.state !== "revoked")];
  if (pending.length > 0) {
    const names = shortList(
      ctx.t,
      pending.map((r) => r.fullName),
      PENDING_NAMES_SHOWN,
      "paging.more_people",
    );
    return void (await replyInParts(ctx, ctx.t("results.cannot_send_pending", { count: pending.length, names })));
  }
  const proposed = results.filter((r) => r.state === "proposed" && r.outcome.kind === "level");
  if (proposed.length === 0) return void (await ctx.reply(ctx.t("results.nothing_to_send")));
  const parentId = (await getOrganization(db, org.orgId))?.parentId;
  const upper = parentId ? await usersWithRole(db, parentId, ["secretary", "committee"]) : [];
  if (upper.length === 0) return void (await ctx.reply(ctx.t("results.no_upper")));
  // T1: the branch has reported to the committee above (the first sending counts; /status there shows it).
  await recordReport(db, { orgId: org.orgId, year: period.year, actorId: ctx.identity.userId }, clock());
  const recipients = upper.map((u) => ({ ...u, userId: u.userId }));
  await notify(
    ctx.api,
    db,
    recipients,
    (t) => ({ text: t("results.upper_notice", { org: org.orgName, count: proposed.length, year: period.year }) }),
    clock(),
  );
  await ctx.reply(ctx.t("results.sent", { count: proposed.length }));
}
