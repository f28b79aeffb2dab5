import { Composer } from "grammy";
import { issueInvites } from "../../store/invites";
import { rosterImportConversation, ROSTER_CONVERSATION } from "../../conversations/roster-import";
import { requireBranchRole } from "../branch-role";
import type { BotContext } from "../kit/context";
import { inviteMessages } from "../kit/invite-links";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(rosterImportConversation, ROSTER_CONVERSATION)];

/** /roster imports members (a conversation); /invites lists fresh links for members who have not joined yet. */
export function rosterFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("roster", async (ctx) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (branch) await ctx.conversation.enter(ROSTER_CONVERSATION, { lang: ctx.lang, ...branch });
  });
  feature.command("invites", async (ctx) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (!branch) return;
    // Fresh codes: the earlier links of these members stop working, so a lost list cannot be replayed.
    const invites = await issueInvites(ctx.deps.db, { orgId: branch.orgId }, ctx.identity.userId, ctx.deps.clock()).catch((error) => {
      ctx.deps.log.error({ name: (error as Error).name, code: (error as { code?: string }).code }, "invites not issued");
      return null;
    });
    if (!invites) return void (await ctx.reply(ctx.t("invites.failed")));
    for (const part of inviteMessages(ctx.t, ctx.deps.botUsername(), invites, ctx.deps.timeZone)) await ctx.reply(part);
  });
  return feature;
}
