// N10: a review period is a year (quarter 0) or one of its quarters (1–4), when the rulebook allows quarters. The
// dates of a quarter are this project's simple rule (the texts set none): the self-review is due at the end of the
// quarter's last day and the report the rulebook's `reportGapDays` after it; once that day has passed (a quarter
// opened late), the end of the day the rulebook's `leadDays` after today, as for a year opened in January.
import { checkDeadline, endOfDayAfter, endOfLocalDay, setupPeriodDeadlines } from "./branch-setup";
import type { Rulebook } from "./rulebook";

export const QUARTERS = [1, 2, 3, 4] as const;
/** 0: the whole year; 1–4: a quarter of it (ReviewPeriod.quarter). */
export type PeriodQuarter = 0 | (typeof QUARTERS)[number];

export function isPeriodQuarter(value: number): value is PeriodQuarter {
  return value === 0 || (QUARTERS as readonly number[]).includes(value);
}

/** The quarters a new period may be: the year alone for a rulebook without quarters (2011), else the year and 1–4. */
export function quarterChoices(rulebook: Rulebook): PeriodQuarter[] {
  return rulebook.score?.quarterly ? [0, ...QUARTERS] : [0];
}

/** The end of a quarter's last day in local time (31/3, 30/6, 30/9, 31/12). */
export function quarterEnd(year: number, quarter: (typeof QUARTERS)[number], offsetMinutes: number): string {
  const month = quarter * 3;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return endOfLocalDay({ y: year, m: month, d: lastDay }, offsetMinutes);
}

/** The self-review deadline offered for a quarter: its last day while ahead, else `leadDays` after today. */
export function defaultQuarterDeadline(
  year: number,
  quarter: (typeof QUARTERS)[number],
  rulebook: Rulebook,
  nowIso: string,
  offsetMinutes: number,
): string {
  const end = quarterEnd(year, quarter, offsetMinutes);
  if (checkDeadline(end, nowIso) === null) return end;
  return endOfDayAfter(nowIso, rulebook.setupDates.leadDays, offsetMinutes);
}

/** A period's deadlines from its self-review deadline: the year's by the calendar, a quarter's `reportGapDays` later. */
export function periodDeadlines(
  year: number,
  quarter: PeriodQuarter,
  rulebook: Rulebook,
  selfReviewDeadline: string,
  offsetMinutes: number,
): { selfReviewDeadline: string; reportDeadline: string } {
  if (quarter === 0) return setupPeriodDeadlines(year, rulebook, selfReviewDeadline, offsetMinutes);
  return { selfReviewDeadline, reportDeadline: endOfDayAfter(selfReviewDeadline, rulebook.setupDates.reportGapDays, offsetMinutes) };
}
