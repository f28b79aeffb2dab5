// Asking one question inside a conversation and waiting until the answer has the expected shape. Anything else
// (a sticker, a photo, a voice note, a /command, a stale button) gets a polite hint and the question again:
// no dead ends, and a command is never taken as content.
import type { InlineKeyboard } from "grammy";
import type { ChoiceFamily } from "../bot/kit/button-family";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { replyInParts } from "../bot/kit/outgoing";

export type Answer =
  | { kind: "text"; text: string }
  | { kind: "button"; value: string }
  | { kind: "document"; fileId: string; fileName: string; size: number };

export type Question = {
  text: string;
  keyboard?: InlineKeyboard;
  /** Accept typed text. */
  acceptText?: boolean;
  /** Accept an uploaded document (e.g. a CSV file). */
  acceptDocument?: boolean;
  /** Accept these choices of this button family. */
  buttons?: { data: ChoiceFamily; values: readonly string[] };
};

/** Sends the question, then waits for a fitting answer. */
export async function ask(conversation: BotConversation, ctx: ConvContext, t: Translate, question: Question): Promise<Answer> {
  await replyInParts(ctx, question.text, question.keyboard);
  return waitForAnswer(conversation, t, question);
}

/** Waits for a fitting answer to a question already sent; re-asks on anything else. */
export async function waitForAnswer(conversation: BotConversation, t: Translate, question: Question): Promise<Answer> {
  for (;;) {
    const next = await conversation.wait();
    const answer = readAnswer(next, question);
    if (next.callbackQuery) await next.answerCallbackQuery(answer ? {} : { text: t("ask.stale-button") });
    // An answered question's buttons go away, so the chat shows what is still open.
    // Best effort: a message too old to edit (48 h) must not block the answer.
    if (answer?.kind === "button") await next.editMessageReplyMarkup().catch(() => undefined);
    if (answer) return answer;
    if (next.callbackQuery) continue; // the toast said it; repeating the question would only add noise
    await replyInParts(next, `${t(hintFor(next, question))}\n\n${question.text}`, question.keyboard);
  }
}

function readAnswer(ctx: ConvContext, question: Question): Answer | null {
  const text = ctx.message?.text;
  if (text !== undefined && question.acceptText && !text.startsWith("/")) return { kind: "text", text };
  const document = ctx.message?.document;
  if (document && question.acceptDocument) {
    return { kind: "document", fileId: document.file_id, fileName: document.file_name ?? "", size: document.file_size ?? 0 };
  }
  const value = question.buttons?.data.unpack(ctx.callbackQuery?.data)?.choice;
  if (value != null && question.buttons!.values.includes(value)) return { kind: "button", value };
  return null;
}

/** The locale key of the hint: what was wrong with this update for this question. */
function hintFor(ctx: ConvContext, question: Question): string {
  if (ctx.message?.text?.startsWith("/")) return "ask.command";
  if (!question.acceptText && !question.acceptDocument) return "ask.press-button";
  if (question.acceptDocument) return "ask.text-or-file";
  return question.buttons ? "ask.text-or-button" : "ask.text";
}
