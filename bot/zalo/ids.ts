// Zalo's string ids as the numbers grammY and the bot expect (store/zalo.ts keeps the mapping; ZALO_NUMBER_BASE says
// why the range cannot collide with Telegram's). An update id and the chat's message ids come from the channel's
// sequence, which only grows: the self-review relies on a chat's message ids growing (store/review-drafts.ts).
import { ZALO_NUMBER_BASE } from "../../store/zalo";

export { ZALO_NUMBER_BASE };

export const zaloNumber = (accountOrSeq: number): number => ZALO_NUMBER_BASE + accountOrSeq;

/** True for a chat, user or update id the Zalo channel gave. */
export const isZaloNumber = (id: unknown): id is number => typeof id === "number" && id >= ZALO_NUMBER_BASE;

/** The account number behind a Zalo chat or user id. */
export const accountOfNumber = (id: number): number => id - ZALO_NUMBER_BASE;

/** The callback query id of a press made by number on Zalo: the chat is in it, for the press's answer. */
export const zaloCallbackId = (chatId: number, seq: number): string => `zalo:${chatId}:${seq}`;

/** The chat of a press made by number on Zalo; undefined for a Telegram callback query id. */
export function chatOfZaloCallback(callbackId: string): number | undefined {
  const match = /^zalo:(\d+):\d+$/.exec(callbackId);
  return match ? Number(match[1]) : undefined;
}
