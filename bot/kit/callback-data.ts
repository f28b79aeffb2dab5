// Callback data of inline buttons: a short prefix and one argument, built and parsed in one place.
// Telegram allows at most 64 bytes of callback data.

const MAX_CALLBACK_BYTES = 64;

export type CallbackData = {
  /** The data of a button carrying `arg`. */
  data(arg?: string): string;
  /** Matches exactly this prefix's buttons; group 1 is the argument (may be empty). */
  readonly pattern: RegExp;
  /** The argument of a button's data, or null when the data is not this prefix's. */
  parse(data: string | undefined): string | null;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function callbackData(prefix: string): CallbackData {
  if (prefix.includes(":")) throw new Error(`callback prefix "${prefix}" must not contain ":"`);
  const pattern = new RegExp(`^${escapeRegExp(prefix)}:(.*)$`, "s");
  return {
    data(arg = "") {
      const data = `${prefix}:${arg}`;
      if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${prefix}`);
      return data;
    },
    pattern,
    parse(data) {
      const match = data === undefined ? null : pattern.exec(data);
      return match ? match[1] : null;
    },
  };
}
