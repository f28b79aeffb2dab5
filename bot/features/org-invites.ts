// A committee's links (issue 12). /orginvites: its secretary issues links for the secretaries of the organizations under
// it and for its own members (ủy viên), lists the open ones and revokes them; a secretary of a branch under a
// committee that nobody runs yet issues the link for that committee's first secretary. /start <code> of such a link:
// a committee role is granted at once; a secretary attaches an organization they run, or sets a new one up.
// Every press checks the sender's role against the committee that owns the link, in the store.
import { Composer, InlineKeyboard } from "grammy";
import { formatLocalDate, INVITE_CODE_PATTERN } from "../../domain/branch-setup";
import { subordinateKinds, type OrgInviteKind } from "../../domain/org-tree";
import { SETUP_CONVERSATION, type SetupArgs } from "../../conversations/setup-org";
import { holdsRoleOver } from "../../store/authority";
import { getOrganization } from "../../store/orgs";
import {
  attachableOrgs,
  claimOrgInvite,
  committeesWithoutSecretary,
  findOrgInvite,
  issueOrgInvite,
  openOrgInvites,
  orgInviteOwner,
  revokeOrgInvite,
  type FoundOrgInvite,
} from "../../store/org-invites";
import { orgInviteButton } from "../kit/buttons";
import { tellOfOrgInviteClaim } from "../kit/claim-notice";
import type { BotContext } from "../kit/context";
import { howToJoin, joinWaysOf } from "../kit/invite-links";
import { onButton } from "../kit/on-button";
import { COMMITTEE_KINDS, orgsWithRole } from "../roles";

export function orgInvitesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("orginvites", async (ctx) => {
    const [committee] = orgsWithRole(ctx, ["secretary"], COMMITTEE_KINDS);
    const leaderless = await committeesWithoutSecretary(ctx.deps.db, ctx.identity.userId);
    if (!committee && leaderless.length === 0) return void (await ctx.reply(ctx.t("orginvites.refused")));
    if (committee) await showPanel(ctx, committee);
    for (const c of leaderless) {
      const button = orgInviteButton.pack({ kind: "issue", orgId: c.orgId, what: "first-secretary" });
      const keyboard = new InlineKeyboard().text(ctx.t("orginvites.button.first-secretary", { committee: c.orgName }), button);
      await ctx.reply(ctx.t("orginvites.first-offer", { committee: c.orgName }), { reply_markup: keyboard });
    }
  });
  onButton(feature, orgInviteButton, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "issue") return issue(ctx, button.orgId, button.what);
    const orgId = await orgInviteOwner(ctx.deps.db, button.inviteId);
    if (!orgId || !(await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { org: orgId }, ["secretary"]))) {
      return void (await ctx.reply(ctx.t("orginvites.refused")));
    }
    const open = await openOrgInvites(ctx.deps.db, orgId, ctx.deps.clock());
    const n = open.findIndex((i) => i.id === button.inviteId) + 1;
    const revoked = await revokeOrgInvite(ctx.deps.db, button.inviteId, ctx.identity.userId, ctx.deps.clock());
    await ctx.reply(revoked ? ctx.t("orginvites.revoked", { n }) : ctx.t("orginvites.revoke-gone"));
  });
  feature.command("start", async (ctx, next) => {
    const code = ctx.match.trim();
    if (!INVITE_CODE_PATTERN.test(code)) return next();
    const found = await findOrgInvite(ctx.deps.db, code, ctx.deps.clock());
    if (!found.ok && found.reason === "unknown") return next(); // a member's link, or nothing: the join feature's
    if (!found.ok) return void (await ctx.reply(ctx.t(`orgjoin.refused.${found.reason}`, { committee: found.orgName })));
    await openLink(ctx, found.invite);
  });
  return feature;
}

/** The committee's open links, a revoke button for each, and the two buttons that issue new ones. */
async function showPanel(ctx: BotContext, committee: { orgId: string; orgName: string }) {
  const open = await openOrgInvites(ctx.deps.db, committee.orgId, ctx.deps.clock());
  const offset = ctx.deps.timeZone.offsetMinutes;
  const lines = open.map((invite, i) =>
    ctx.t("orginvites.line", { n: i + 1, kind: ctx.t(`orginvites.kind.${invite.kind}`), date: formatLocalDate(invite.expiresAt, offset) }),
  );
  const keyboard = new InlineKeyboard();
  for (const what of ["subordinate", "committee"] as const) {
    keyboard.text(ctx.t(`orginvites.button.${what}`), orgInviteButton.pack({ kind: "issue", orgId: committee.orgId, what })).row();
  }
  for (const [i, invite] of open.entries()) {
    keyboard.text(ctx.t("orginvites.button.revoke", { n: i + 1 }), orgInviteButton.pack({ kind: "revoke", inviteId: invite.id }));
    if (i % 3 === 2) keyboard.row();
  }
  const text = [ctx.t("orginvites.panel", { committee: committee.orgName, count: open.length }), ...lines].join("\n");
  await ctx.reply(text, { reply_markup: keyboard });
}

/** A new link, after checking in the store that the sender may issue it for this committee. */
async function issue(ctx: BotContext, orgId: string, what: OrgInviteKind) {
  const { db } = ctx.deps;
  const userId = ctx.identity.userId;
  const org = await getOrganization(db, orgId);
  const allowed =
    what === "first-secretary"
      ? (await committeesWithoutSecretary(db, userId)).some((c) => c.orgId === orgId)
      : org !== null && COMMITTEE_KINDS.includes(org.kind) && (await holdsRoleOver(db, userId, { org: orgId }, ["secretary"]));
  if (!org || !allowed) return void (await ctx.reply(ctx.t("orginvites.refused")));
  const issued = await issueOrgInvite(db, { orgId, kind: what }, userId, ctx.deps.clock());
  if (!issued) return void (await ctx.reply(ctx.t("orginvites.too-many", { committee: org.name })));
  const whom = what === "subordinate" ? ctx.t(`orginvites.whom.${org.kind === "bloc" ? "bloc" : "base-committee"}`) : "";
  const date = formatLocalDate(issued.expiresAt, ctx.deps.timeZone.offsetMinutes);
  const link = howToJoin(ctx.t, joinWaysOf(ctx.deps), issued.code);
  await ctx.reply(ctx.t(`orginvites.issued.${what}`, { committee: org.name, whom, date, link }));
}

/** A valid link opened: a committee role is taken at once; an organization goes under the committee through /setup's dialog. */
async function openLink(ctx: BotContext, invite: FoundOrgInvite) {
  const { db, clock } = ctx.deps;
  const userId = ctx.identity.userId;
  if (invite.kind === "subordinate") {
    const kinds = subordinateKinds(invite.orgKind);
    const existing = await attachableOrgs(db, userId, invite);
    const args: SetupArgs = {
      lang: ctx.lang,
      timeZone: ctx.deps.timeZone,
      invite: { id: invite.id, committee: invite.orgName, kinds, existing },
    };
    if (existing.length === 0) await ctx.reply(ctx.t("orgjoin.intro", { committee: invite.orgName }));
    return ctx.conversation.enter(SETUP_CONVERSATION, args);
  }
  const claimed = await claimOrgInvite(db, { inviteId: invite.id, userId }, clock());
  if (!claimed.ok) return void (await ctx.reply(ctx.t(`orgjoin.refused.${claimed.reason}`, { committee: invite.orgName })));
  ctx.deps.log.info({ inviteId: invite.id, kind: invite.kind }, "committee invite claimed");
  await ctx.reply(ctx.t(`orgjoin.welcome.${claimed.kind}`, { committee: claimed.orgName }));
  await tellOfOrgInviteClaim(ctx.api, db, claimed, { userId, from: ctx.from! }, clock(), ctx.deps.log);
}
