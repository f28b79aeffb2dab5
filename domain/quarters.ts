// N10 (RULES-2025): a review period is the year (quarter 0, as ReviewPeriod.quarter stores it) or one of its
// quarters. Days are local calendar days of the review time zone ("YYYY-MM-DD"), as everywhere in calendar.ts.
import { addDays, dayKey, fromLocal, reviewYearDays, type DaySpan } from "./calendar";
import type { Rulebook } from "./rulebook";

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];
/** 0: the whole year; 1–4: a quarter. */
export type PeriodQuarter = 0 | Quarter;

export function isPeriodQuarter(value: unknown): value is PeriodQuarter {
  return value === 0 || (QUARTERS as readonly unknown[]).includes(value);
}

/** The periods a rulebook allows in a year: the year, and the four quarters when it evaluates quarterly (N10). */
export function periodQuarters(rulebook: Rulebook): PeriodQuarter[] {
  return rulebook.score?.quarterly ? [0, ...QUARTERS] : [0];
}

/** The quarter a local day falls in. */
export function quarterOfDay(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return Math.ceil(month / 3) as Quarter;
}

/** The first and last local day of a quarter (quarter 0: the whole year). */
export function periodDays(year: number, quarter: PeriodQuarter): DaySpan {
  if (quarter === 0) return reviewYearDays(year);
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { first: dayKey({ y: year, m: firstMonth, d: 1 }), last: dayKey({ y: year, m: lastMonth, d: lastDay }) };
}

/**
 * N10 Decision: a quarter's self-reviews are due at 23:59:59 local of the rulebook's `quarterSelfReviewDaysAfter`-th
 * day after the quarter's last day (10: 10/4, 10/7, 10/10 and 10/1 of the next year), so the quarter is over before
 * anyone reports on it. An instant (ISO, UTC).
 */
export function quarterSelfReviewDeadline(year: number, quarter: Quarter, rulebook: Rulebook, offsetMinutes: number): string {
  if (!rulebook.score) throw new Error(`rulebook ${rulebook.id} has no quarters`);
  const [y, m, d] = periodDays(year, quarter).last.split("-").map(Number) as [number, number, number];
  const endOfLastDay = fromLocal({ y, m, d, hh: 23, mm: 59, ss: 59 }, offsetMinutes);
  // The offset is fixed (no daylight saving), so n days of 24 hours are n local days.
  return addDays(endOfLastDay, rulebook.score.quarterSelfReviewDaysAfter);
}

/**
 * What a period is called, as data for the bot's words (`period.label.<kind>`): no words here. The days let a
 * label say "Quý 2/2026 (01/04–30/06)".
 */
export type PeriodLabel = { kind: "year"; year: number } | { kind: "quarter"; year: number; quarter: Quarter; first: string; last: string };

export function periodLabel(year: number, quarter: PeriodQuarter): PeriodLabel {
  if (quarter === 0) return { kind: "year", year };
  return { kind: "quarter", year, quarter, ...periodDays(year, quarter) };
}
