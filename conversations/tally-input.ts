// Waiting for one answer in the tally dialogs: a number, a button of ours or (for notes and reasons) a text.
// Anything else — a sticker, a photo, a /command, a stale button — gets a polite hint and the question again.
import type { InlineKeyboard } from "grammy";
import type { ChoiceFamily } from "../bot/kit/button-family";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";

export type TallyAnswer = { kind: "text"; text: string } | { kind: "button"; value: string };
export type TallyQuestion = { text: string; keyboard?: InlineKeyboard; acceptText: boolean; buttons?: ChoiceFamily };

export async function askTally(conversation: BotConversation, ctx: ConvContext, t: Translate, q: TallyQuestion): Promise<TallyAnswer> {
  await ctx.reply(q.text, q.keyboard ? { reply_markup: q.keyboard } : {});
  for (;;) {
    const next = await conversation.wait();
    const value = q.buttons?.unpack(next.callbackQuery?.data)?.choice;
    if (next.callbackQuery) {
      await next.answerCallbackQuery(value == null ? { text: t("tally.press_button") } : {});
      if (value != null) return { kind: "button", value };
      continue;
    }
    const text = next.message?.text;
    if (text !== undefined && q.acceptText && !text.startsWith("/")) return { kind: "text", text };
    const hint = text?.startsWith("/")
      ? t("tally.command_not_counted", { command: text.split(/\s/)[0] })
      : t(q.acceptText ? "tally.not_number" : "tally.press_button");
    await next.reply(`${hint}\n\n${q.text}`, q.keyboard ? { reply_markup: q.keyboard } : {});
  }
}

/** A count as typed: digits only (spaces around allowed), else null. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
