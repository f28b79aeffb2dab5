import { Composer } from "grammy";
import { periodOpenConversation, PERIOD_OPEN } from "../../conversations/period-open";
import { requireBranchRole } from "../branch-role";
import { periodClose } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";
import { dialog } from "./dialog";
import { offerQuarterClose, onQuarterClose } from "./period-close";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(periodOpenConversation, PERIOD_OPEN)];

/**
 * /period: the branch's secretary opens its next review period (a year, or a quarter under a rulebook that has
 * them); with quarters open, they first choose between that and closing one (N10, ./period-close.ts).
 */
export function periodFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("period", async (ctx) => {
    const org = await requireBranchRole(ctx, ["secretary"]);
    if (!org || (await offerQuarterClose(ctx, org))) return;
    await openPeriodDialog(ctx, org);
  });
  onButton(feature, periodClose, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind !== "open") return onQuarterClose(ctx, button.periodId, button.kind === "confirm");
    const org = await requireBranchRole(ctx, ["secretary"]);
    if (org) await openPeriodDialog(ctx, org);
  });
  return feature;
}

async function openPeriodDialog(ctx: BotContext, org: { orgId: string; orgName: string }) {
  await ctx.conversation.enter(PERIOD_OPEN, { lang: ctx.lang, timeZone: ctx.deps.timeZone, orgId: org.orgId, orgName: org.orgName });
}
