// Instants as a member reads them: local time of the review (TZ_REVIEW, T1), in their language.
import type { ReviewTimeZone } from "../../domain/calendar";
import type { Language } from "./i18n";

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(isoInstant: string, lang: Language | string, zone: ReviewTimeZone): string {
  const locale = lang === "en" ? "en-GB" : "vi-VN";
  const cacheKey = `${locale}|${zone.name}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: zone.name,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    formats.set(cacheKey, format);
  }
  return format.format(new Date(isoInstant));
}

/** A local calendar day ("YYYY-MM-DD"): a day has no time zone. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A local calendar day as both languages show it: dd/mm/yyyy. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}
