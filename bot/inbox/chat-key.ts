import type { Update } from "grammy/types";

/** The queue an update joins: its chat, else its sender (inline queries and the like), else one shared queue. */
export function chatKeyOf(update: Update): string {
  const chat =
    update.message?.chat ??
    update.edited_message?.chat ??
    update.callback_query?.message?.chat ??
    update.my_chat_member?.chat ??
    update.chat_member?.chat ??
    update.channel_post?.chat ??
    update.edited_channel_post?.chat;
  if (chat) return String(chat.id);
  const from = update.callback_query?.from ?? update.inline_query?.from ?? update.pre_checkout_query?.from ?? update.shipping_query?.from;
  return from ? String(from.id) : "-";
}
