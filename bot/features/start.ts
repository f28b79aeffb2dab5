import { Composer } from "grammy";
import type { BotContext } from "../kit/context";
import { BRANCH_KINDS, COMMITTEE_KINDS, committeesOf, orgsWithRole, SCORE_ITEM_KINDS } from "../roles";

/** /start without an invite code and /help: what the bot can do for this person. */
export function startFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(["start", "help"], async (ctx) => {
    const { memberships, roles } = ctx.identity;
    if (memberships.length === 0 && roles.length === 0) {
      await ctx.reply(ctx.t("start.stranger"));
      return;
    }
    const lines = [ctx.t("start.welcome")];
    if (memberships.length > 0) lines.push(ctx.t("help.member"));
    const branchRoles = roles.filter((r) => BRANCH_KINDS.includes(r.orgKind));
    if (branchRoles.some((r) => r.role === "secretary")) lines.push(ctx.t("help.secretary"));
    if (branchRoles.some((r) => r.role === "committee")) lines.push(ctx.t("help.committee"));
    if (branchRoles.length > 0) lines.push(ctx.t("help.score"));
    if (committeesOf(ctx).length > 0) lines.push(ctx.t("help.upper"), ctx.t("help.orgs"));
    if (orgsWithRole(ctx, ["secretary"], COMMITTEE_KINDS).length > 0) lines.push(ctx.t("help.committee-secretary"));
    if (orgsWithRole(ctx, ["secretary", "committee"], SCORE_ITEM_KINDS).length > 0) lines.push(ctx.t("help.scoreitems"));
    const served = ctx.deps.channels ?? { telegram: true, zalo: false };
    const common = [ctx.t("help.common")];
    // Where the bot serves both apps, anyone on the roster may use both, and chooses where reminders go (issue 14).
    if (served.telegram && served.zalo && memberships.length > 0) common.unshift(ctx.t("help.notify"));
    lines.push(common.join("\n"));
    await ctx.reply(lines.join("\n\n"));
  });
  return feature;
}
