// The Zalo chats whose update the bot is handling at this moment. The channel's outgoing half (./route.ts) asks it
// whether a menu's write can ride on that update's own commits instead of waiting for a commit of its own.
import type { Context, MiddlewareFn } from "grammy";
import { isZaloNumber } from "./ids";

export type ChatsInHand = {
  has(chatId: number): boolean;
  /** Install it before every other middleware: a chat is in hand until its update's handling has ended. */
  middleware: MiddlewareFn<Context>;
};

export function chatsInHand(): ChatsInHand {
  const updates = new Map<number, number>(); // chat → its updates being handled (one: the inbox serializes a chat)
  return {
    has: (chatId) => updates.has(chatId),
    middleware: async (ctx, next) => {
      const chatId = ctx.chat?.id;
      if (!isZaloNumber(chatId)) return next();
      updates.set(chatId, (updates.get(chatId) ?? 0) + 1);
      try {
        await next();
      } finally {
        const left = (updates.get(chatId) ?? 1) - 1;
        if (left === 0) updates.delete(chatId);
        else updates.set(chatId, left);
      }
    },
  };
}
