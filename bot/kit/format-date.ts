// Instants as a member reads them: local time of the review (Asia/Ho_Chi_Minh, T1), in their language.
import type { Language } from "./i18n";

export const REVIEW_TIME_ZONE = "Asia/Ho_Chi_Minh";

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(isoInstant: string, lang: Language | string, timeZone = REVIEW_TIME_ZONE): string {
  const locale = lang === "en" ? "en-GB" : "vi-VN";
  const cacheKey = `${locale}|${timeZone}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
    formats.set(cacheKey, format);
  }
  return format.format(new Date(isoInstant));
}
