// Zalo has no buttons: an inline keyboard becomes a numbered list under the text and a line saying what to reply
// ("Trả lời 1, 2 hoặc 3."; with letters where a typed number is an answer, see `needsLetters`); the buttons'
// callback data, in the same order, is kept as the chat's menu (store/zalo.ts) so that a reply with a number (or
// letter) acts as that button. A link button is written out as its address.
import type { Translate } from "../kit/i18n";
import { safeCut } from "../kit/split-message";

/** Zalo's limit of a message: 2,000 UTF-16 units. */
export const ZALO_TEXT_LIMIT = 2000;

type Button = { text?: string; callback_data?: string; url?: string };
export type Markup = { inline_keyboard?: Button[][] } | undefined;

/** `letters`: the menu is marked a, b, c … (see `needsLetters`); absent, 1, 2, 3 …. */
export type Menu = { text: string; options: string[]; letters?: true };

/**
 * Where a choice's label holds a number ("Giữ nguyên 4", "Có — cả 12 đồng chí", "2026"), the question is about a
 * number, and a typed number must be the person's own answer, not a choice: such a menu is marked with letters, and
 * a bare number goes to the dialog as text. Why the labels and not the question: the channel sees only the message
 * and its keyboard (the dialogs do not know the channel), and a prompt that offers a number to keep always shows it
 * on its button; a menu lettered without need is still unambiguous. More than 26 choices stay numbered.
 */
export function needsLetters(labels: readonly string[]): boolean {
  return labels.length <= 26 && labels.some((label) => /\d/.test(label));
}

/** The mark of the choice at `index` (from 0): "1", "2" … or "a", "b" …. */
const markOf = (index: number, letters: boolean) => (letters ? String.fromCharCode(97 + index) : String(index + 1));

/** The message's text with its keyboard as a numbered (or lettered) menu (no keyboard: the text as it is, no options). */
export function withNumberedMenu(text: string, markup: Markup, t: Translate): Menu {
  const buttons = (markup?.inline_keyboard ?? []).flat();
  const labels = buttons.filter((b) => typeof b.callback_data === "string").map((b) => b.text ?? "");
  const letters = needsLetters(labels);
  const options: string[] = [];
  const lines: string[] = [];
  for (const button of buttons) {
    if (typeof button.callback_data === "string") {
      lines.push(`${markOf(options.length, letters)}. ${button.text ?? ""}`);
      options.push(button.callback_data);
    } else if (typeof button.url === "string") lines.push(t("zalo.link", { text: button.text ?? "", url: button.url }));
  }
  if (lines.length === 0) return { text, options };
  const hint = options.length === 0 ? [] : [replyHint(options.length, letters, t)];
  const menuText = [text, lines.join("\n"), ...hint].filter((block) => block !== "").join("\n\n");
  return letters && options.length > 0 ? { text: menuText, options, letters } : { text: menuText, options };
}

function replyHint(count: number, letters: boolean, t: Translate): string {
  if (count === 1) return t("zalo.reply_one", { number: markOf(0, letters) });
  const numbers = Array.from({ length: count - 1 }, (_, i) => markOf(i, letters)).join(", ");
  return t("zalo.reply_many", { numbers, last: markOf(count - 1, letters) });
}

/**
 * Splits a text into messages of at most `limit` UTF-16 units: between paragraphs when one ends in the second half
 * of the message, else between lines, else between words, and inside a word only when it alone is longer.
 */
export function splitForZalo(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const paragraph = window.lastIndexOf("\n\n");
    const line = window.lastIndexOf("\n");
    const word = Math.max(line, window.lastIndexOf(" "));
    const at = paragraph > limit / 2 ? paragraph : line > limit / 2 ? line : word > 0 ? word : safeCut(rest, limit);
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, "");
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

/** Zalo's parse modes are not Telegram's: formatted text is sent plain (tags dropped, entities read). */
export function plainText(text: string, parseMode: string | undefined): string {
  if (parseMode?.toLowerCase() !== "html") return text;
  return text
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
