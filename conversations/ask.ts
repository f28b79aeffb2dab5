// The one way every dialog asks: send the question, then wait through the conversations plugin's form validation
// until an update answers it. Anything else (a sticker, a photo, a /command, a stale button, an answer the question's
// check refuses) gets a polite hint and is skipped: the plugin forgets that update, so wrong answers never enter the
// replay log, however many of them come. A command is never taken as content; buttons of other features may pass.
import type { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { ChoiceFamily } from "../bot/kit/button-family";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { replyInParts } from "../bot/kit/outgoing";
import { foldVietnamese } from "../domain/text";

export type Answer =
  | { kind: "text"; text: string; messageId: number }
  | { kind: "button"; value: string }
  | { kind: "document"; fileId: string; fileName: string; size: number };

/** Why an update does not answer the question. */
export type Rejection =
  | { why: "command"; command: string }
  /** A button that is not one of the question's (an old one, another step's, another feature's). */
  | { why: "button" }
  /** Typed text where only buttons (or a file) answer. */
  | { why: "text" }
  /** Anything else: a sticker, a photo, a voice note, an edited message... */
  | { why: "kind" }
  /** The question's check refused the answer; `hint` says why (one message, or several in order). */
  | { why: "invalid"; hint: string | readonly string[] };

/**
 * What the bot does with a rejected update: a toast on a pressed button, replies (with `repeat`, the question and its
 * keyboard follow the last one), or `pass` to let the rest of the bot handle it (a button of another feature).
 */
export type Hint = { toast?: string; reply?: string | readonly string[]; keyboard?: InlineKeyboard; repeat?: boolean; pass?: boolean };
export type Hints = (rejection: Rejection, ctx: ConvContext) => Hint;

/** What a question needs of its buttons' family: a strict reading of a press's data (every ChoiceFamily is one). */
export type ChoiceReader = Pick<ChoiceFamily, "unpack">;

export type Question = {
  text: string;
  keyboard?: InlineKeyboard;
  /** Accept typed text. */
  acceptText?: boolean;
  /** Accept an uploaded document (e.g. a CSV file). */
  acceptDocument?: boolean;
  /** Accept these choices of this button family. */
  buttons?: { data: ChoiceReader; values: readonly string[] };
  /** The dialog's own words for what does not answer (default: the `ask.*` hints, then the question again). */
  hints?: Hints;
};

/** Turns a fitting answer into the dialog's value, or refuses it with a hint; may call `conversation.external`. */
export type Check<T> = (answer: Answer) => Checked<T> | Promise<Checked<T>>;
export type Checked<T> = { ok: true; value: T } | { ok: false; hint: string | readonly string[] };

const asIs: Check<Answer> = (answer) => ({ ok: true, value: answer });

/** Sends the question, then waits for a fitting answer (that passes `check`, if given). */
export async function ask(conversation: BotConversation, ctx: ConvContext, t: Translate, question: Question): Promise<Answer>;
export async function ask<T>(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  question: Question,
  check: Check<T>,
): Promise<T>;
export async function ask(conversation: BotConversation, ctx: ConvContext, t: Translate, question: Question, check = asIs) {
  await replyInParts(ctx, question.text, question.keyboard);
  return waitForAnswer(conversation, t, question, check);
}

/** Waits for a fitting answer to a question already sent; anything else gets its hint and is forgotten. */
export async function waitForAnswer(conversation: BotConversation, t: Translate, question: Question): Promise<Answer>;
export async function waitForAnswer<T>(conversation: BotConversation, t: Translate, question: Question, check: Check<T>): Promise<T>;
export async function waitForAnswer(conversation: BotConversation, t: Translate, question: Question, check = asIs) {
  const hints = question.hints ?? askHints(t, question);
  return conversation.form.build<unknown, Rejection>({
    collationKey: "ask",
    validate: async (ctx) => {
      const answer = readAnswer(ctx, question);
      if ("why" in answer) return { ok: false, error: answer };
      const checked = await check(answer);
      return checked.ok ? checked : { ok: false, error: { why: "invalid", hint: checked.hint } };
    },
    action: settleButton,
    otherwise: async (ctx, rejection) => {
      const hint = hints(rejection, ctx);
      if (hint.pass) await conversation.skip({ next: true });
      if (rejection.why === "invalid") await settleButton(ctx);
      else if (ctx.callbackQuery) await ctx.answerCallbackQuery(hint.toast ? { text: hint.toast } : {});
      await sayHint(ctx, question, hint);
    },
  });
}

/** A chosen button is answered and its keyboard goes, so the chat shows what is still open. */
async function settleButton(ctx: ConvContext): Promise<void> {
  if (!ctx.callbackQuery) return;
  await ctx.answerCallbackQuery();
  // Best effort: a message too old to edit (48 h) must not block the answer.
  if (ctx.callbackQuery.message) await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
}

async function sayHint(ctx: ConvContext, question: Question, hint: Hint): Promise<void> {
  const parts = hint.reply === undefined ? [] : typeof hint.reply === "string" ? [hint.reply] : [...hint.reply];
  if (parts.length === 0) return;
  const last = parts.length - 1;
  if (hint.repeat) parts[last] = `${parts[last]}\n\n${question.text}`;
  const keyboard = hint.keyboard ?? (hint.repeat ? question.keyboard : undefined);
  for (const [i, part] of parts.entries()) await replyInParts(ctx, part, i === last ? keyboard : undefined);
}

function readAnswer(ctx: ConvContext, question: Question): Answer | Rejection {
  const message = ctx.message;
  const command = message && leadingCommand(message);
  if (command) return { why: "command", command };
  if (message?.text !== undefined) {
    const typed = typedChoice(message.text, question);
    if (typed !== null) return { kind: "button", value: typed };
    return question.acceptText ? { kind: "text", text: message.text, messageId: message.message_id } : { why: "text" };
  }
  const document = message?.document;
  if (document && question.acceptDocument) {
    return { kind: "document", fileId: document.file_id, fileName: document.file_name ?? "", size: document.file_size ?? 0 };
  }
  if (ctx.callbackQuery) {
    const value = question.buttons?.data.unpack(ctx.callbackQuery.data)?.choice;
    return value != null && question.buttons!.values.includes(value) ? { kind: "button", value } : { why: "button" };
  }
  return { why: "kind" };
}

/**
 * A button's label typed instead of pressed ("có", "Không", "2026"; diacritics and case do not matter) answers as the
 * button: nobody is refused for typing what a button says, and a channel without buttons (Zalo) can answer the same.
 */
function typedChoice(text: string, question: Question): string | null {
  if (!question.keyboard || !question.buttons) return null;
  const wanted = foldLabel(text);
  for (const button of question.keyboard.inline_keyboard.flat()) {
    if (!("callback_data" in button) || foldLabel(button.text) !== wanted) continue;
    const value = question.buttons.data.unpack(button.callback_data)?.choice;
    if (value != null && question.buttons.values.includes(value)) return value;
  }
  return null;
}

const foldLabel = (label: string) => foldVietnamese(label.replace(/[✓✔]/g, "")).trim();

/** "/results" of "/results now" (Telegram marks it as a bot_command; a bare leading "/" counts too). */
function leadingCommand(message: Message): string | null {
  const entity = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (entity && message.text) return message.text.slice(0, entity.length);
  return message.text?.startsWith("/") ? message.text.split(/\s/)[0] : null;
}

/** The hints of the plain dialogs: a toast on a stale button; otherwise what is wanted, then the question again. */
export function askHints(t: Translate, question: Question): Hints {
  return (rejection) => {
    if (rejection.why === "button") return { toast: t("ask.stale-button") };
    if (rejection.why === "invalid") return { reply: rejection.hint, repeat: true };
    return { reply: t(hintKey(rejection, question)), repeat: true };
  };
}

/** The locale key of the hint: what was wrong with this update for this question. */
function hintKey(rejection: Rejection, question: Question): string {
  if (rejection.why === "command") return "ask.command";
  if (!question.acceptText && !question.acceptDocument) return "ask.press-button";
  if (question.acceptDocument) return "ask.text-or-file";
  return question.buttons ? "ask.text-or-button" : "ask.text";
}
