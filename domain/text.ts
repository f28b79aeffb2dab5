// Diacritics-insensitive matching of Vietnamese keywords: "Chính thức", "chinh thuc" and "CHÍNH  THỨC" are one word.

/** Lower case, without tone and vowel marks, đ as d, single spaces. */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Characters a name must never carry: C0 and C1 controls, and what XML 1.0 forbids (U+FFFE, U+FFFF, a lone
 * surrogate), which would make an exported XLSX or DOCX unreadable. Line breaks and tabs are whitespace, not these.
 */
const FORBIDDEN_IN_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the pattern removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters XML 1.0 forbids (and other controls); line breaks are kept. */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_IN_TEXT, "");
}

/**
 * A name as one line: forbidden characters removed, every run of whitespace (line and paragraph breaks included)
 * one space, composed (NFC) so "Nguyễn" typed on two keyboards is one name. A name can then never add a line to a list.
 */
export function cleanName(raw: string): string {
  return withoutForbiddenCharacters(raw.normalize("NFC"))
    .replace(/[\s\u0085]+/g, " ")
    .trim();
}
