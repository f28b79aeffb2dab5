// /invites: the members who have not joined as buttons; pressing one reissues that member's link only, another
// button reissues them all. Where the bot serves both Telegram and Zalo, the members joined on one of them follow,
// each for a fresh invite that adds the other (issue 14). Every press checks the secretary's role against the branch
// that owns the target.
import { Composer, InlineKeyboard } from "grammy";
import { otherChannel } from "../../domain/channels";
import { invitableMembers, issueInvites } from "../../store/invites";
import { memberBranch } from "../../store/tallies";
import { requireBranchRole } from "../branch-role";
import { inviteButton } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { inviteMessages, joinWaysOf, otherChannelInvite } from "../kit/invite-links";
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

/** Whether an entry joined on one channel can add the other: the bot serves both. */
function servesBoth(ctx: BotContext): boolean {
  const ways = joinWaysOf(ctx.deps);
  return ways.telegram && ways.zalo;
}

async function showMembers(ctx: BotContext, branch: { orgId: string; orgName: string }, page: number, edit = false) {
  const members = await invitableMembers(ctx.deps.db, branch.orgId, servesBoth(ctx));
  if (members.length === 0) return void (await ctx.reply(ctx.t("invites.none")));
  const unjoined = members.filter((m) => m.joinedOn === null).length;
  const shown = pageOf(members, page, PAGE_SIZE);
  const keyboard = new InlineKeyboard();
  for (const m of shown.items) {
    const label = m.joinedOn
      ? ctx.t("invites.button.other_channel", { name: m.fullName, channel: ctx.t(`channel.${otherChannel(m.joinedOn)}`) })
      : m.fullName;
    keyboard.text(label, inviteButton.pack({ kind: "one", memberId: m.id })).row();
  }
  addPageButtons(keyboard, ctx.t, shown, (p) => inviteButton.pack({ kind: "page", orgId: branch.orgId, page: p })).row();
  if (unjoined > 0)
    keyboard.text(ctx.t("invites.button.all", { count: unjoined }), inviteButton.pack({ kind: "all", orgId: branch.orgId }));
  if (edit) return void (await ctx.editMessageReplyMarkup({ reply_markup: keyboard }));
  const intro = [
    unjoined > 0 ? ctx.t("invites.choose", { org: branch.orgName, count: unjoined }) : ctx.t("invites.all_joined", { org: branch.orgName }),
  ];
  if (unjoined < members.length) intro.push(ctx.t("invites.choose_bind"));
  await ctx.reply(intro.join("\n\n"), { reply_markup: keyboard });
}

/** Fresh codes for one member (their earlier link stops working, nobody else's) or for every unjoined member. */
async function sendInvites(ctx: BotContext, orgId: string, memberId: string | null) {
  const memberIds = memberId ? [memberId] : undefined;
  // Reissuing all is for those who have not joined; adding the other channel is asked for one member at a time.
  const input = { orgId, memberIds, otherChannel: memberId !== null && servesBoth(ctx) };
  const invites = await issueInvites(ctx.deps.db, input, ctx.identity.userId, ctx.deps.clock()).catch((error) => {
    ctx.deps.log.error({ name: (error as Error).name, code: (error as { code?: string }).code }, "invites not issued");
    return null;
  });
  if (!invites) return void (await ctx.reply(ctx.t("invites.failed")));
  if (memberId && invites.length === 0) {
    const name = (await memberBranch(ctx.deps.db, memberId))?.fullName ?? "";
    return void (await ctx.reply(ctx.t("invites.joined", { name })));
  }
  const [first] = invites;
  const parts = first?.joinedOn
    ? otherChannelInvite(ctx.t, joinWaysOf(ctx.deps), { ...first, joinedOn: first.joinedOn }, ctx.deps.timeZone)
    : inviteMessages(ctx.t, joinWaysOf(ctx.deps), invites, ctx.deps.timeZone, memberId !== null);
  for (const part of parts) await ctx.reply(part);
}
