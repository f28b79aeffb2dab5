import { Composer } from "grammy";
import type { BotContext } from "../context";

/** Last in the chain: anything no feature took gets a pointer to /help instead of silence. */
export function unhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled.button") }));
  feature.on("message", (ctx) => ctx.reply(ctx.t("unhandled.message")));
  return feature;
}
