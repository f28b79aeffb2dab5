// A dialog (a conversation of @grammyjs/conversations) is declared by the feature that starts it, as that feature's
// `dialogs`; ./index.ts installs every feature's dialogs before any command handler, so while one is active its
// answers reach it first and a command other than /cancel gets its polite re-ask, whichever feature it belongs to.
import { createConversation } from "@grammyjs/conversations";
import type { Middleware } from "grammy";
import type { BotContext, BotConversation, ConvContext } from "../kit/context";

// biome-ignore lint/suspicious/noExplicitAny: each dialog takes its own plain-data arguments
type DialogFunction = (conversation: BotConversation, ctx: ConvContext, ...args: any[]) => Promise<unknown>;

export function dialog(builder: DialogFunction, name: string): Middleware<BotContext> {
  return createConversation<BotContext, ConvContext>(builder, name);
}
