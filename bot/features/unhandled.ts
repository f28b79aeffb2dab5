import { Composer } from "grammy";
import type { BotContext } from "../kit/context";

/** Last in the chain: anything no feature took gets a pointer to /help — or, for a stranger, how to join. */
export function unhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled.button") }));
  feature.on("message", (ctx) => {
    const stranger = ctx.identity.memberships.length === 0 && ctx.identity.roles.length === 0;
    return ctx.reply(ctx.t(stranger ? "start.stranger" : "unhandled.message"));
  });
  return feature;
}
