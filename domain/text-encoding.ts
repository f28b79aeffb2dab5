// Which encoding a roster file is in, from its bytes alone (the decoding itself is done where the file is read).
// Excel saves "CSV" in the Windows code page of the machine: in Vietnam, Windows-1258; "Unicode text" is UTF-16LE.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

/** A byte order mark, and how many bytes it takes; null without one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** UTF-16 without a mark, seen by its NUL bytes: Latin letters and digits have a zero high byte. */
function utf16ByNuls(bytes: Uint8Array): TextEncodingName | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (pairs === 0) return null;
  if (odd > pairs / 4 && even === 0) return "utf-16le";
  if (even > pairs / 4 && odd === 0) return "utf-16be";
  return null;
}

/** Whether the bytes are well-formed UTF-8 (shortest forms, no surrogates, nothing above U+10FFFF). */
export function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return false;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    const second = bytes[i + 1]!;
    if (lead === 0xe0 && second < 0xa0) return false;
    if (lead === 0xed && second >= 0xa0) return false;
    if (lead === 0xf0 && second < 0x90) return false;
    if (lead === 0xf4 && second >= 0x90) return false;
    i += length;
  }
  return true;
}

/** A mark says it; else valid UTF-8 is UTF-8; else NULs in every other byte are UTF-16; else Windows-1258. */
export function detectTextEncoding(bytes: Uint8Array): { encoding: TextEncodingName; skip: number } {
  const mark = byteOrderMark(bytes);
  if (mark) return { encoding: mark.encoding, skip: mark.length };
  const utf16 = utf16ByNuls(bytes);
  if (utf16) return { encoding: utf16, skip: 0 };
  return { encoding: isUtf8(bytes) ? "utf-8" : "windows-1258", skip: 0 };
}

/** Text that did not decode cleanly: a replacement character or a control other than tab and line breaks. */
export function hasUndecodedCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text);
}
