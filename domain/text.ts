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
