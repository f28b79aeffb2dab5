// /recognize for the upper committee (M15): branches under them with results, recognize all or one by one, revoke
// (M14). Members are told their recognized result in their own language.
import { Composer, InlineKeyboard } from "grammy";
import { REVOKE, type RevokeArgs } from "../../conversations/revoke";
import { branchesAwaitingRecognition, branchResults, periodBranch, recognizeResults, type ResultWithMember } from "../../store/recognition";
import { callbackData } from "../callback-data";
import type { BotContext } from "../context";
import { describeOutcome } from "../describe-result";
import { notify } from "../notify";
import { orgsWithRole, requireRole } from "../roles";

/** `<action>:<periodId>[:<memberId>]` — all, each, member, revoke. */
const RECOGNIZE = callbackData("rc");
type Action = "all" | "each" | "member" | "revoke";

export function recognizeFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(["recognize", "revoke"], async (ctx) => {
    const orgs = orgsWithRole(ctx, ["upper"]);
    if (orgs.length === 0) return void (await requireRole(ctx, ["upper"]));
    const branches = await branchesAwaitingRecognition(ctx.deps.db, orgs.map((o) => o.orgId));
    if (branches.length === 0) return void (await ctx.reply(ctx.t("recognize.none")));
    const keyboard = new InlineKeyboard();
    for (const b of branches) {
      if (b.proposed > 0) keyboard.text(ctx.t("recognize.button.all", { org: b.orgName }), RECOGNIZE.data(`all:${b.periodId}`)).row();
      keyboard.text(ctx.t("recognize.button.each", { org: b.orgName }), RECOGNIZE.data(`each:${b.periodId}`)).row();
    }
    const lines = branches.map((b) => ctx.t("recognize.branch_line", { org: b.orgName, proposed: b.proposed, recognized: b.recognized }));
    await ctx.reply([ctx.t("recognize.title"), ...lines].join("\n"), { reply_markup: keyboard });
  });
  feature.callbackQuery(RECOGNIZE.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    const [action, periodId = "", memberId] = (RECOGNIZE.parse(ctx.callbackQuery.data) ?? "").split(":") as [Action, string, string?];
    const branch = await periodBranch(ctx.deps.db, periodId);
    const allowed = branch?.parentId && orgsWithRole(ctx, ["upper"]).some((o) => o.orgId === branch.parentId);
    if (!branch || !allowed) return void (await ctx.reply(ctx.t("recognize.not_found")));
    if (action === "each") return listMembers(ctx, branch.periodId, branch.orgName);
    if (action === "revoke") return startRevoke(ctx, branch, memberId ?? "");
    const recognized = await recognizeResults(
      ctx.deps.db, { periodId, actorId: ctx.identity.userId, ...(action === "member" ? { memberIds: [memberId ?? ""] } : {}) }, ctx.deps.clock(),
    );
    await notify(ctx.api, ctx.deps.db, recognized, (t, r) => ({
      text: t("recognize.member_notice", { year: branch.year, level: describeOutcome(t, (r as ResultWithMember).outcome) }),
    }), ctx.deps.clock());
    await ctx.reply(ctx.t("recognize.done", { count: recognized.length, org: branch.orgName }));
  });
  return feature;
}

async function listMembers(ctx: BotContext, periodId: string, orgName: string) {
  const results = (await branchResults(ctx.deps.db, periodId)).filter((r) => r.outcome.kind === "level" && r.state !== "revoked");
  const keyboard = new InlineKeyboard();
  for (const r of results) {
    const label = `${r.fullName} — ${ctx.t(`rating.short.${r.outcome.kind === "level" ? r.outcome.level : "L3"}`)}`;
    if (r.state === "proposed") keyboard.text(ctx.t("recognize.button.member", { name: label }), RECOGNIZE.data(`member:${periodId}:${r.memberId}`));
    keyboard.text(ctx.t("recognize.button.revoke", { name: r.fullName }), RECOGNIZE.data(`revoke:${periodId}:${r.memberId}`)).row();
  }
  await ctx.reply(ctx.t("recognize.members_title", { org: orgName }), { reply_markup: keyboard });
}

async function startRevoke(ctx: BotContext, branch: { periodId: string; orgId: string }, memberId: string) {
  const result = (await branchResults(ctx.deps.db, branch.periodId)).find((r) => r.memberId === memberId);
  if (!result) return void (await ctx.reply(ctx.t("recognize.not_found")));
  const args: RevokeArgs = {
    lang: ctx.lang, periodId: branch.periodId, orgId: branch.orgId, memberId, memberName: result.fullName,
    levelText: describeOutcome(ctx.t, result.outcome),
    member: { userId: result.userId, telegramId: result.telegramId, language: result.language },
  };
  await ctx.conversation.enter(REVOKE, args);
}
