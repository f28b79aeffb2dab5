// Telegram refuses messages over 4096 characters: long texts are sent in several parts.

export const TELEGRAM_TEXT_LIMIT = 4096;

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
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

/** Joins blocks (e.g. a name with its link) into as few messages as fit, never cutting a block that fits alone. */
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
    const pieces = splitMessage(block, limit);
    current = pieces.pop()!;
    messages.push(...pieces);
  }
  if (current !== "" || messages.length === 0) messages.push(current);
  return messages;
}
