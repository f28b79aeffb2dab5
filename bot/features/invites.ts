// /invites: the members who have not joined as buttons; pressing one reissues that member's link only, another
// button reissues them all. Every press checks the secretary's role against the branch that owns the target.
import { Composer, InlineKeyboard } from "grammy";
import { issueInvites, unjoinedMembers } from "../../store/invites";
import { memberBranch } from "../../store/tallies";
import { requireBranchRole } from "../branch-role";
import { inviteButton } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { inviteMessages, joinWaysOf } from "../kit/invite-links";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { orgsWithRole, refuse } from "../roles";

const PAGE_SIZE = 20;

export function invitesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("invites", async (ctx) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (branch) await showMembers(ctx, branch, 0);
  });
  onButton(feature, inviteButton, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    const orgId = button.kind === "one" ? (await memberBranch(ctx.deps.db, button.memberId))?.orgId : button.orgId;
    const branch = orgsWithRole(ctx, ["secretary"]).find((o) => o.orgId === orgId);
    if (!branch) return refuse(ctx, ["secretary"]);
    if (button.kind === "page") return showMembers(ctx, branch, button.page, true);
    await sendInvites(ctx, branch.orgId, button.kind === "one" ? button.memberId : null);
  });
  return feature;
}

async function showMembers(ctx: BotContext, branch: { orgId: string; orgName: string }, page: number, edit = false) {
  const members = await unjoinedMembers(ctx.deps.db, branch.orgId);
  if (members.length === 0) return void (await ctx.reply(ctx.t("invites.none")));
  const shown = pageOf(members, page, PAGE_SIZE);
  const keyboard = new InlineKeyboard();
  for (const m of shown.items) keyboard.text(m.fullName, inviteButton.pack({ kind: "one", memberId: m.id })).row();
  addPageButtons(keyboard, ctx.t, shown, (p) => inviteButton.pack({ kind: "page", orgId: branch.orgId, page: p })).row();
  keyboard.text(ctx.t("invites.button.all", { count: members.length }), inviteButton.pack({ kind: "all", orgId: branch.orgId }));
  if (edit) return void (await ctx.editMessageReplyMarkup({ reply_markup: keyboard }));
  await ctx.reply(ctx.t("invites.choose", { org: branch.orgName, count: members.length }), { reply_markup: keyboard });
}

/** Fresh codes for one member (their earlier link stops working, nobody else's) or for every unjoined member. */
async function sendInvites(ctx: BotContext, orgId: string, memberId: string | null) {
  const memberIds = memberId ? [memberId] : undefined;
  const invites = await issueInvites(ctx.deps.db, { orgId, memberIds }, ctx.identity.userId, ctx.deps.clock()).catch((error) => {
    ctx.deps.log.error({ name: (error as Error).name, code: (error as { code?: string }).code }, "invites not issued");
    return null;
  });
  if (!invites) return void (await ctx.reply(ctx.t("invites.failed")));
  if (memberId && invites.length === 0) {
    const name = (await memberBranch(ctx.deps.db, memberId))?.fullName ?? "";
    return void (await ctx.reply(ctx.t("invites.joined", { name })));
  }
  for (const part of inviteMessages(ctx.t, joinWaysOf(ctx.deps), invites, ctx.deps.timeZone, memberId !== null)) await ctx.reply(part);
}
