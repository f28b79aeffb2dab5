import { Composer } from "grammy";
import { rosterImportConversation, ROSTER_CONVERSATION } from "../../conversations/roster-import";
import { requireBranchRole } from "../branch-role";
import type { BotContext } from "../kit/context";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(rosterImportConversation, ROSTER_CONVERSATION)];

/** /roster imports members (a conversation); /invites is ./invites.ts. */
export function rosterFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("roster", async (ctx) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (branch) await ctx.conversation.enter(ROSTER_CONVERSATION, { lang: ctx.lang, ...branch });
  });
  return feature;
}
