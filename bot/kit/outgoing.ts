// Telegram refuses a message over 4096 characters or an inline keyboard over 100 buttons, and the person then gets
// nothing at all. Every reply whose text or keyboard grows with the roster goes through `replyInParts` (texts are
// split, the keyboard goes under the last part), and `limitGuard` does the same for every call of an Api it is
// installed on, so a list that outgrows a message is split, and a keyboard that outgrows one fails loudly, not silently.
import type { InlineKeyboard, Transformer } from "grammy";
import { splitMessage } from "./split-message";

export const TELEGRAM_BUTTON_LIMIT = 100;

/** A keyboard too big for one message: a programming error (the list must be paged), never sent half-way. */
export class KeyboardTooBigError extends Error {
  constructor(readonly buttons: number) {
    super(`inline keyboard of ${buttons} buttons; Telegram allows ${TELEGRAM_BUTTON_LIMIT}: page the list`);
  }
}

type Markup = InlineKeyboard | { inline_keyboard?: unknown[][] } | undefined;

export function buttonCount(markup: Markup): number {
  const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
  return Array.isArray(rows) ? rows.reduce((sum, row) => sum + (Array.isArray(row) ? row.length : 0), 0) : 0;
}

export function assertKeyboardFits(markup: Markup): void {
  const buttons = buttonCount(markup);
  if (buttons > TELEGRAM_BUTTON_LIMIT) throw new KeyboardTooBigError(buttons);
}

export type Part = { text: string; keyboard?: InlineKeyboard };

/** The text in parts that each fit one message, the keyboard (checked) under the last part. */
export function outgoingParts(text: string, keyboard?: InlineKeyboard): Part[] {
  assertKeyboardFits(keyboard);
  const texts = splitMessage(text);
  return texts.map((part, i) => (keyboard && i === texts.length - 1 ? { text: part, keyboard } : { text: part }));
}

type Replier = { reply(text: string, other?: { reply_markup?: InlineKeyboard }): Promise<unknown> };

/** Replies with a text of any length: its parts in order, the keyboard under the last. */
export async function replyInParts(ctx: Replier, text: string, keyboard?: InlineKeyboard): Promise<void> {
  for (const part of outgoingParts(text, keyboard)) await ctx.reply(part.text, part.keyboard ? { reply_markup: part.keyboard } : {});
}

const WITH_MARKUP = new Set(["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "sendPhoto"]);

/**
 * The same for every call of an Api: a `sendMessage` too long is sent in parts (the markup under the last, the last
 * message returned); an oversized keyboard is refused before it reaches Telegram. Install on `bot.api` and, for
 * conversations, in their `plugins`.
 */
export const limitGuard: Transformer = async (prev, method, payload, signal) => {
  const p = payload as { text?: string; reply_markup?: Markup };
  if (WITH_MARKUP.has(method)) assertKeyboardFits(p.reply_markup);
  if (method !== "sendMessage" || typeof p.text !== "string" || (p as { parse_mode?: string }).parse_mode) {
    return prev(method, payload, signal);
  }
  const texts = splitMessage(p.text);
  for (const text of texts.slice(0, -1)) {
    const { reply_markup: _markup, ...rest } = p;
    const sent = await prev(method, { ...rest, text } as typeof payload, signal);
    if (!sent.ok) return sent;
  }
  return prev(method, { ...p, text: texts[texts.length - 1]! } as typeof payload, signal);
};
