// Telegram refuses messages over 4096 characters (UTF-16 code units): long texts are sent in several parts.

export const TELEGRAM_TEXT_LIMIT = 4096;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The last index at or before `limit` where text can be cut without splitting a character: never inside a surrogate
 * pair, and not inside a grapheme (a flag, a ZWJ family, a letter with its marks) unless that grapheme alone is longer
 * than the limit.
 */
export function safeCut(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  let cut = 0;
  // Segmented from the start (where a flag's pair begins depends on every regional indicator before it), up to the
  // whole code point at the limit: a boundary there depends on it and on nothing after it.
  for (const { index } of graphemes.segment(text.slice(0, limit + 2))) {
    if (index > limit) break;
    cut = index;
  }
  if (cut > 0) return cut;
  // One grapheme longer than a message: cut between code points at least.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * Splits text into parts of at most `limit` characters, preferring to break between lines, then between words,
 * so that no line (an invite link, a name) is cut unless it is longer than a whole message.
 */
export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf("\n");
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = safeCut(rest, limit);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

/**
 * Joins blocks (a name with its link, a part's title with its text) into as few messages as fit, never cutting a
 * block that fits alone; a block longer than a message is cut inside, never between its first line (its title) and
 * the beginning of what follows.
 */
export function joinInMessages(blocks: string[], separator = "\n\n", limit = TELEGRAM_TEXT_LIMIT): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks) {
    const joined = current === "" ? block : current + separator + block;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current !== "") messages.push(current);
    const newline = block.indexOf("\n");
    const title = block.length > limit && newline > 0 && newline < limit / 4 ? block.slice(0, newline + 1) : "";
    const pieces = splitMessage(block.slice(title.length), limit - title.length);
    pieces[0] = title + pieces[0];
    current = pieces.pop()!;
    messages.push(...pieces);
  }
  if (current !== "" || messages.length === 0) messages.push(current);
  return messages;
}
