// A feature's handler for one button family: it receives the unpacked values, never the raw data. Data the family
// refuses does not reach it (and goes on to the "button no longer active" toast of bot/features/unhandled.ts).
import type { CallbackQueryContext, Composer } from "grammy";
import type { ButtonFamily } from "./button-family";
import type { BotContext } from "./context";

export type ButtonContext = CallbackQueryContext<BotContext>;

export function onButton<V>(
  feature: Composer<BotContext>,
  family: ButtonFamily<V>,
  handler: (ctx: ButtonContext, values: V) => Promise<unknown>,
): void {
  feature.callbackQuery(family.filter, async (ctx, next) => {
    const values = family.unpack(ctx.callbackQuery.data);
    // The filter matches only what unpack accepts; a refusal here would be a bug in the family: let it go on.
    if (values === null) return next();
    await handler(ctx, values);
  });
}
