import { badRequest } from "./api-error.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
// MarkdownV2 characters that are markup; the other reserved ones must be escaped.
const MARKDOWN_MARKUP = new Set(["*", "_", "~", "|", "`", "[", "]", "(", ")"]);
const MARKDOWN_RESERVED = new Set([">", "#", "+", "-", "=", "{", "}", ".", "!"]);

/**
 * The text as the user sees it (markup removed). Throws Telegram's
 * "can't parse entities" error for markup Telegram would reject, so bots with
 * escaping bugs fail in tests the way they fail in production.
 */
export function visibleText(text: string, parseMode?: string): string {
  const mode = parseMode?.toLowerCase();
  if (mode === "html") return visibleHtmlText(text);
  if (mode === "markdownv2") return visibleMarkdownV2Text(text);
  if (mode === "markdown") return text.replace(/[*_`[\]]/g, "");
  return text;
}

function visibleHtmlText(html: string): string {
  const open: string[] = [];
  const tagPattern = /<(\/?)([^\s>/]*)[^>]*>|</g;
  for (const match of html.matchAll(tagPattern)) {
    const [whole, closing, rawName] = match;
    const name = (rawName ?? "").toLowerCase();
    const at = Buffer.byteLength(html.slice(0, match.index));
    if (whole === "<" || !HTML_TAGS.has(name)) {
      throw badRequest(`can't parse entities: Unsupported start tag "${name}" at byte offset ${at}`);
    }
    if (!closing) open.push(name);
    else if (open.pop() !== name) {
      throw badRequest(
        `can't parse entities: Unmatched end tag at byte offset ${at}, expected "</${open.at(-1) ?? ""}>", found "</${name}>"`,
      );
    }
  }
  if (open.length > 0) {
    throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`);
  }
  return decodeHtmlEntities(html.replace(/<[^>]*>/g, ""));
}

function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function visibleMarkdownV2Text(text: string): string {
  let visible = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") {
      visible += text[++i] ?? "";
    } else if (char === "]" && text[i + 1] === "(") {
      i = text.indexOf(")", i); // skip the link URL
      if (i === -1) throw badRequest("can't parse entities: Can't find end of a URL");
    } else if (MARKDOWN_RESERVED.has(char)) {
      throw badRequest(`can't parse entities: Character '${char}' is reserved and must be escaped with the preceding '\\'`);
    } else if (!MARKDOWN_MARKUP.has(char)) {
      visible += char;
    }
  }
  return visible;
}

export function assertValidMessageText(text: unknown, parseMode?: string): string {
  if (typeof text !== "string") throw badRequest("message text is empty");
  const visible = visibleText(text, parseMode);
  if (visible.trim() === "") throw badRequest("message text is empty");
  if (visible.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return visible;
}

export function assertValidCaption(caption: unknown, parseMode?: string): string | undefined {
  if (typeof caption !== "string") return undefined;
  const visible = visibleText(caption, parseMode);
  if (visible.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return visible;
}

type InlineButton = { text?: string; callback_data?: string; url?: string };

/** Telegram shows at most 100 buttons on one inline keyboard and refuses more. */
const MAX_INLINE_BUTTONS = 100;

export function assertValidReplyMarkup(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return;
  if (rows.flat().length > MAX_INLINE_BUTTONS) throw badRequest("reply markup is too long");
  for (const button of rows.flat()) {
    if (!button?.text) throw badRequest("text buttons are unallowed in the inline keyboard");
    const data = button.callback_data;
    if (data !== undefined && (data === "" || Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES)) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  }
}

/** Telegram marks a leading "/command" (optionally "@botname") as a bot_command entity. */
export function commandEntities(text: string): Array<{ type: "bot_command"; offset: number; length: number }> {
  const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
}
