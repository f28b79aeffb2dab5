import { Composer, InlineKeyboard } from "grammy";
import { MAX_BRANCHES_PER_DAY } from "../../domain/branch-setup";
import { mayCreateBranchNow } from "../../store/branches";
import { setupOrgConversation, SETUP_CONVERSATION } from "../../conversations/setup-org";
import { setupAnother } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";
import { orgsWithRole } from "../roles";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(setupOrgConversation, SETUP_CONVERSATION)];

/** /setup: anyone may set up a branch or a committee; a secretary already runs one and must confirm another. */
export function setupFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("setup", async (ctx) => {
    if (!(await mayCreateBranchNow(ctx.deps.db, ctx.identity.userId, ctx.deps.clock()))) {
      return ctx.reply(ctx.t("setup.daily-limit", { max: MAX_BRANCHES_PER_DAY }));
    }
    const [mine] = orgsWithRole(ctx, ["secretary"]);
    if (!mine) return ctx.conversation.enter(SETUP_CONVERSATION, { lang: ctx.lang, timeZone: ctx.deps.timeZone });
    const keyboard = new InlineKeyboard().text(ctx.t("setup.create-another"), setupAnother.pack({}));
    await ctx.reply(ctx.t("setup.already", { org: mine.orgName }), { reply_markup: keyboard });
  });
  onButton(feature, setupAnother, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.conversation.enter(SETUP_CONVERSATION, { lang: ctx.lang, timeZone: ctx.deps.timeZone });
  });
  return feature;
}
