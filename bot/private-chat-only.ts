// Issue 9 point 3: reviews, counts and results are personal, and a group is read by everyone in it. In a group,
// supergroup or channel the bot says once (per group, remembered in the database) that it works in private chat,
// answers a button press with a short toast, and does nothing else: no command, no dialog, nothing read or stored.
import type { NextFunction } from "grammy";
import { claimGroupNotice } from "../store/group-notices";
import type { BotContext } from "./kit/context";
import { translatorFor } from "./kit/i18n";

export async function privateChatOnly(ctx: BotContext, next: NextFunction) {
  const chat = ctx.chat;
  if (!chat || chat.type === "private") return next();
  // No identity is loaded for a group: the sender's Telegram language, Vietnamese first.
  const t = translatorFor(ctx.from?.language_code?.startsWith("en") ? "en" : "vi");
  const username = ctx.deps.botUsername();
  if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: t("private_only.toast", { username }) }));
  // Channels are not for discussion, and a bot just removed can no longer write: nothing to say there.
  const stillIn = !ctx.myChatMember || ["member", "administrator"].includes(ctx.myChatMember.new_chat_member.status);
  if (chat.type === "channel" || !stillIn) return;
  if (await claimGroupNotice(ctx.deps.db, chat.id, ctx.deps.clock())) await ctx.reply(t("private_only.notice", { username }));
}
