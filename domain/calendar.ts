// T1: deadlines as instants, and the local-time arithmetic behind them. The review's time zone (TZ_REVIEW, one zone
// without daylight saving, checked by bot/config.ts) is a fixed offset, so local time is the UTC instant shifted by a
// constant: no time-zone database, no host TZ. Every function takes the offset: none has a zone of its own.
import { DomainError } from "./reasons";
import { PERIOD_DEADLINES, type PeriodDeadline, type Rulebook } from "./rulebook";

/**
 * Where the review's wall clock hangs. It comes from the deployment's configuration, not from a rulebook: a rulebook
 * says what the rules are (2011, 2025), the configuration says where the branches are; both rulebooks apply in one
 * country, and a rulebook value would let two periods of one bot disagree about what "20/12 23:59" means.
 */
export type ReviewTimeZone = { name: string; offsetMinutes: number };

/** An instant and the review time zone's offset (TZ_REVIEW): enough to know which local day it is. */
export type ZonedInstant = { at: string; offsetMinutes: number };

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** A wall-clock time; `m` is 1–12. */
export type LocalDateTime = { y: number; m: number; d: number; hh: number; mm: number; ss?: number };

// An offset (or Z) is required: without one, Date.parse would read the host's time zone and stop being pure.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch of an ISO instant with an offset; throws `time.invalid-instant` otherwise. */
export function toMs(iso: string): number {
  if (!isIsoInstant(iso)) throw new DomainError("time.invalid-instant", { value: iso });
  return Date.parse(iso);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function addDays(iso: string, days: number): string {
  return toIso(toMs(iso) + days * MS_PER_DAY);
}

export function toLocal(iso: string, offsetMinutes: number): Required<LocalDateTime> {
  const shifted = new Date(toMs(iso) + offsetMinutes * MS_PER_MINUTE);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hh: shifted.getUTCHours(),
    mm: shifted.getUTCMinutes(),
    ss: shifted.getUTCSeconds(),
  };
}

/** The instant of a local wall-clock time; throws `time.invalid-local` for a date like 30/02. */
export function fromLocal(t: LocalDateTime, offsetMinutes: number): string {
  const ss = t.ss ?? 0;
  const ms = Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mm, ss) - offsetMinutes * MS_PER_MINUTE;
  const back = Number.isNaN(ms) ? null : toLocal(toIso(ms), offsetMinutes);
  const same = back && back.y === t.y && back.m === t.m && back.d === t.d && back.hh === t.hh && back.mm === t.mm && back.ss === ss;
  if (!same) throw new DomainError("time.invalid-local", { ...t });
  return toIso(ms);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DD" of the local calendar day, e.g. to group reminders per day. */
export function localDateKey(iso: string, offsetMinutes: number): string {
  const t = toLocal(iso, offsetMinutes);
  return `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;
}

/** The calendar year of an ISO instant or a plain "YYYY-MM-DD" date, read in local time. */
export function localYear(dateOrInstant: string, offsetMinutes: number): number {
  const plainDate = /^(\d{4})-\d{2}-\d{2}$/.exec(dateOrInstant);
  if (plainDate) return Number(plainDate[1]);
  return toLocal(dateOrInstant, offsetMinutes).y;
}

/** A span of local calendar days ("YYYY-MM-DD"), both ends included. */
export type DaySpan = { first: string; last: string };

/** The review year as local days of the review time zone: 1 January to 31 December (M9). */
export function reviewYearDays(year: number): DaySpan {
  return { first: `${pad(year, 4)}-01-01`, last: `${pad(year, 4)}-12-31` };
}

/** "YYYY-MM-DD" of a day typed as d/m/y (a calendar day, the same in every zone). */
export function dayKey(date: { y: number; m: number; d: number }): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
}

export type PeriodDates = Record<PeriodDeadline, string>;

/** T1: the default deadlines of the review of `year` (December of `year`, January of `year + 1`). */
export function defaultPeriodDates(year: number, rulebook: Rulebook, offsetMinutes: number): PeriodDates {
  const dates = {} as PeriodDates;
  for (const key of PERIOD_DEADLINES) {
    const c = rulebook.calendar[key];
    dates[key] = fromLocal({ y: year + c.yearOffset, m: c.month, d: c.day, hh: c.hh, mm: c.mm, ss: c.ss }, offsetMinutes);
  }
  return dates;
}

/** A local day ("YYYY-MM-DD") plus whole months, the day kept or cut to the month's last (31/8 + 6 months = 28/2). */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayKey({ y: year, m: month, d: Math.min(d, last) });
}
