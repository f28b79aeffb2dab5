import type { Translate } from "./i18n";

/** A period as people read it: "năm 2026", or "quý 1 năm 2027" for a quarter (N10). */
export function periodLabel(t: Translate, year: number, quarter: number): string {
  return quarter === 0 ? t("period.label.year", { year }) : t("period.label.quarter", { year, quarter });
}
