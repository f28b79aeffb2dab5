import { Composer } from "grammy";
import { periodOpenConversation, PERIOD_OPEN } from "../../conversations/period-open";
import { requireBranchRole } from "../branch-role";
import type { BotContext } from "../kit/context";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(periodOpenConversation, PERIOD_OPEN)];

/** /period: the branch's secretary opens its next review period (a year, or a quarter under a rulebook that has them). */
export function periodFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("period", async (ctx) => {
    const org = await requireBranchRole(ctx, ["secretary"]);
    if (!org) return;
    await ctx.conversation.enter(PERIOD_OPEN, { lang: ctx.lang, timeZone: ctx.deps.timeZone, orgId: org.orgId, orgName: org.orgName });
  });
  return feature;
}
