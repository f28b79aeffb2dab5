// /recognize for the upper committee (M15): branches under them with results, recognize all or one by one, revoke
// (M14). Members are told their recognized result in their own language. Under 366 (N7 step 3) the committee may
// also decide a member's level otherwise than proposed, with a reason (./decide-level.ts's dialog).
import { Composer, InlineKeyboard } from "grammy";
import { getRulebook, MEMBER_LEVELS, sharePercent, type MemberLevel } from "../../domain";
import { DECIDE_LEVEL, decideLevelConversation, type DecideLevelArgs } from "../../conversations/decide-level";
import { holdsRoleOver } from "../../store/authority";
import { revokeConversation, REVOKE, type RevokeArgs } from "../../conversations/revoke";
import { recognizeWithinCap } from "../../store/committee-cap";
import { branchesAwaitingRecognition, branchResults, periodBranch, type ResultWithMember } from "../../store/recognition";
import { recognize } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import type { Translate } from "../kit/i18n";
import { describeOutcome } from "../kit/describe-result";
import { wordsOf } from "../kit/rulebook-words";
import { notify } from "../kit/notify";
import { replyInParts } from "../kit/outgoing";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { committeesOf, requireCommittee } from "../roles";
import { showCommitteeCaps } from "./committee-cap";
import { dialog } from "./dialog";

/** At most two buttons a branch and two a member: a page stays well under Telegram's 100 buttons. */
const BRANCHES_PER_PAGE = 20;
const MEMBERS_PER_PAGE = 25;

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(revokeConversation, REVOKE), dialog(decideLevelConversation, DECIDE_LEVEL)];

export function recognizeFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(["recognize", "revoke"], async (ctx) => {
    if (!(await requireCommittee(ctx))) return;
    await listBranches(ctx, 0, false);
    // M8: a base committee's figure and cut across its branches, beside the branches it recognizes.
    await showCommitteeCaps(ctx);
  });
  onButton(feature, recognize, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "page") return listBranches(ctx, button.page, true);
    // Checked on every press: the period's branch must be under a committee where the sender sits.
    const branch = await periodBranch(ctx.deps.db, button.periodId);
    const allowed = branch?.parentId && committeesOf(ctx).some((o) => o.orgId === branch.parentId);
    if (!branch || !allowed) return void (await ctx.reply(ctx.t("recognize.not_found")));
    // Nobody recognizes or revokes their own branch's results, nor their own (M15: the level above decides).
    if (button.kind !== "each" && belongsTo(ctx, branch.orgId))
      return void (await ctx.reply(ctx.t("recognize.own_refused", { org: branch.orgName })));
    const label = periodBranchLabel(ctx.t, branch);
    if (button.kind === "each") return listMembers(ctx, branch, button.page);
    if (button.kind === "revoke") return startRevoke(ctx, branch, button.memberId);
    if (button.kind === "other") return chooseOtherLevel(ctx, branch, button.memberId);
    if (button.kind === "to") return startDecision(ctx, branch, button.memberId, button.level);
    const { periodId } = branch;
    const { recognized, held, state, rule } = await recognizeWithinCap(
      ctx.deps.db,
      { periodId, actorId: ctx.identity.userId, ...(button.kind === "member" ? { memberIds: [button.memberId] } : {}) },
      ctx.deps.clock(),
      ctx.deps.timeZone.offsetMinutes,
    );
    await notify(
      ctx.api,
      ctx.deps.db,
      recognized,
      (t, r) => ({
        text: t(branch.quarter === 0 ? "recognize.member_notice" : "recognize.member_notice_quarter", {
          year: branch.year,
          quarter: branch.quarter,
          level: describeOutcome(wordsOf(t, branch.rulebookId), (r as ResultWithMember).outcome),
        }),
      }),
      ctx.deps.clock(),
    );
    if (recognized.length > 0 || held.length === 0) await ctx.reply(ctx.t("recognize.done", { count: recognized.length, org: label }));
    // M8: L1 results wait for the committee's cut across its branches.
    // N6: a tie under 366 is of equal points, not of a vote's share.
    const context = state === "tie" && rule?.openPoints ? { context: "score" } : {};
    const why = ctx.t(`cap_committee.held.${state}`, { percent: rule ? sharePercent(rule.share) : 0, ...context });
    if (held.length > 0) await ctx.reply(wordsOf(ctx.t, branch.rulebookId)("recognize.l1_held", { count: held.length, why }));
  });
  return feature;
}

/** Whether the sender holds a role on the branch itself or is one of its members: its results are their own. */
function belongsTo(ctx: BotContext, branchId: string): boolean {
  const { roles, memberships } = ctx.identity;
  return roles.some((r) => r.orgId === branchId) || memberships.some((m) => m.orgId === branchId);
}

/** The branches under the upper committee with results, a page at a time; a page turn edits the message. */
async function listBranches(ctx: BotContext, page: number, turn: boolean) {
  const orgs = committeesOf(ctx);
  const branches =
    orgs.length > 0
      ? await branchesAwaitingRecognition(
          ctx.deps.db,
          orgs.map((o) => o.orgId),
        )
      : [];
  if (branches.length === 0) return void (await ctx.reply(ctx.t("recognize.none")));
  const shown = pageOf(branches, page, BRANCHES_PER_PAGE);
  const keyboard = new InlineKeyboard();
  for (const b of shown.items) {
    const org = periodBranchLabel(ctx.t, b);
    if (b.proposed > 0) keyboard.text(ctx.t("recognize.button.all", { org }), recognize.pack({ kind: "all", periodId: b.periodId })).row();
    keyboard.text(ctx.t("recognize.button.each", { org }), recognize.pack({ kind: "each", periodId: b.periodId })).row();
  }
  addPageButtons(keyboard, ctx.t, shown, (p) => recognize.pack({ kind: "page", page: p }));
  const lines = shown.items.map((b) =>
    ctx.t("recognize.branch_line", { org: periodBranchLabel(ctx.t, b), proposed: b.proposed, recognized: b.recognized }),
  );
  await show(ctx, [ctx.t("recognize.title"), ...lines].join("\n"), keyboard, turn);
}

type PeriodBranch = NonNullable<Awaited<ReturnType<typeof periodBranch>>>;

async function listMembers(ctx: BotContext, branch: PeriodBranch, page: number | undefined) {
  const { periodId } = branch;
  const decides = getRulebook(branch.rulebookId).procedure === "appraisal";
  const results = (await branchResults(ctx.deps.db, periodId)).filter((r) => r.outcome.kind === "level" && r.state !== "revoked");
  const shown = pageOf(results, page ?? 0, MEMBERS_PER_PAGE);
  const keyboard = new InlineKeyboard();
  for (const r of shown.items) {
    const label = `${r.fullName} — ${ctx.t(`rating.short.${r.outcome.kind === "level" ? r.outcome.level : "L3"}`)}`;
    if (r.state === "proposed")
      keyboard.text(ctx.t("recognize.button.member", { name: label }), recognize.pack({ kind: "member", periodId, memberId: r.memberId }));
    // N7 step 3: the competent level decides; otherwise than proposed it says why.
    if (r.state === "proposed" && decides)
      keyboard.text(ctx.t("decide.button", { name: r.fullName }), recognize.pack({ kind: "other", periodId, memberId: r.memberId })).row();
    keyboard
      .text(ctx.t("recognize.button.revoke", { name: r.fullName }), recognize.pack({ kind: "revoke", periodId, memberId: r.memberId }))
      .row();
  }
  addPageButtons(keyboard, ctx.t, shown, (p) => recognize.pack({ kind: "each", periodId, page: p }));
  await show(ctx, ctx.t("recognize.members_title", { org: periodBranchLabel(ctx.t, branch) }), keyboard, page !== undefined);
}

/** A branch's line: its name, and a quarter's (N10) labelled with it («Chi bộ A — quý 3/2026»). */
function periodBranchLabel(t: Translate, p: { orgName: string; year: number; quarter: number }): string {
  return p.quarter === 0 ? p.orgName : t("recognize.quarter_label", { org: p.orgName, quarter: p.quarter, year: p.year });
}

/** A first page is a new message; turning a page edits the message whose button was pressed. */
async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard, turn: boolean) {
  if (turn) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await replyInParts(ctx, text, keyboard);
}

/** The result a committee member may decide otherwise, checked on the server: the role above the branch, now. */
async function decidable(ctx: BotContext, branch: PeriodBranch, memberId: string) {
  const allowed = await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { periodAbove: branch.periodId }, ["secretary", "committee"]);
  const result = allowed && (await branchResults(ctx.deps.db, branch.periodId)).find((r) => r.memberId === memberId);
  const level = result && result.state === "proposed" && result.outcome.kind === "level" ? result.outcome.level : null;
  if (!result || !level || getRulebook(branch.rulebookId).procedure !== "appraisal") {
    await ctx.reply(ctx.t("recognize.not_found"));
    return null;
  }
  return { result, level };
}

/** N7 step 3: the levels other than the one proposed. */
async function chooseOtherLevel(ctx: BotContext, branch: PeriodBranch, memberId: string) {
  const found = await decidable(ctx, branch, memberId);
  if (!found) return;
  const { result, level } = found;
  const keyboard = new InlineKeyboard();
  const words = wordsOf(ctx.t, branch.rulebookId);
  for (const other of MEMBER_LEVELS.filter((l) => l !== level))
    keyboard.text(words(`rating.level.${other}`), recognize.pack({ kind: "to", periodId: branch.periodId, memberId, level: other })).row();
  const score = typeof result.inputs.score === "number" ? result.inputs.score : 0;
  const rulebook = getRulebook(branch.rulebookId);
  const of = (rulebook.score?.generalMax ?? 0) + (rulebook.score?.taskMax ?? 0);
  await ctx.reply(ctx.t("decide.choose", { name: result.fullName, level: words(`rating.level.${level}`), score, of }), {
    reply_markup: keyboard,
  });
}

async function startDecision(ctx: BotContext, branch: PeriodBranch, memberId: string, level: MemberLevel) {
  const found = await decidable(ctx, branch, memberId);
  if (!found) return;
  const { result } = found;
  const args: DecideLevelArgs = {
    lang: ctx.lang,
    periodId: branch.periodId,
    orgId: branch.orgId,
    year: branch.year,
    quarter: branch.quarter,
    memberId,
    memberName: result.fullName,
    level,
    proposed: found.level,
    member: { userId: result.userId, telegramId: result.telegramId, language: result.language },
  };
  await ctx.conversation.enter(DECIDE_LEVEL, args);
}

async function startRevoke(ctx: BotContext, branch: { periodId: string; orgId: string; rulebookId: string }, memberId: string) {
  const result = (await branchResults(ctx.deps.db, branch.periodId)).find((r) => r.memberId === memberId);
  if (!result) return void (await ctx.reply(ctx.t("recognize.not_found")));
  const args: RevokeArgs = {
    lang: ctx.lang,
    periodId: branch.periodId,
    orgId: branch.orgId,
    memberId,
    memberName: result.fullName,
    levelText: describeOutcome(wordsOf(ctx.t, branch.rulebookId), result.outcome),
    member: { userId: result.userId, telegramId: result.telegramId, language: result.language },
  };
  await ctx.conversation.enter(REVOKE, args);
}
