// What a secretary types while setting up a branch: names, the review year, a deadline as dd/mm/yyyy in local time,
// and the invitation policy. Pure: the caller passes `now`.
import { z } from "zod";
import { addDays, dayKey, defaultPeriodDates, fromLocal, localYear, toLocal, toMs, type LocalDateTime } from "./calendar";
import { MAX_NAME_LENGTH } from "./roster";
import { cleanName } from "./text";
import type { Rulebook } from "./rulebook";

/** /setup is open to anyone: one person creates at most this many branches in BRANCH_QUOTA_HOURS. */
export const MAX_BRANCHES_PER_DAY = 3;
export const BRANCH_QUOTA_HOURS = 24;

/** Where the counting of a person's new branches starts: BRANCH_QUOTA_HOURS before `now`. */
export function branchQuotaStart(now: Date): Date {
  return new Date(now.getTime() - BRANCH_QUOTA_HOURS * 3_600_000);
}

/** Whether one more branch is allowed after `createdInWindow` since branchQuotaStart. */
export function mayCreateBranch(createdInWindow: number): boolean {
  return createdInWindow < MAX_BRANCHES_PER_DAY;
}

/** What a deep-link start parameter may hold (Telegram: A–Z, a–z, 0–9, _ and -, at most 64). */
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const orgNameSchema = z
  .string({ error: "setup.name-empty" })
  .transform(cleanName)
  .pipe(z.string().min(1, { error: "setup.name-empty" }).max(MAX_NAME_LENGTH, { error: "setup.name-too-long" }));

export type DateInputError = "date.format" | "date.invalid" | "date.past";
export type LocalDate = { y: number; m: number; d: number };

/** "20/12/2026", "20-12-2026", "20.12.2026" or "5/1/2027" as a calendar date; no two-digit years. */
export function parseLocalDate(text: string): LocalDate | { error: DateInputError } {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return { error: "date.format" };
  const date = { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) };
  try {
    fromLocal({ ...date, hh: 0, mm: 0 }, 0); // only whether the day exists: the same in every zone
  } catch {
    return { error: "date.invalid" };
  }
  return date;
}

/** A day typed as dd/mm/yyyy (or with - or .) as "YYYY-MM-DD" (M9: a decision's day), or why it cannot be read. */
export function parseDay(text: string): { day: string } | { error: "date.format" | "date.invalid" } {
  const date = parseLocalDate(text);
  if ("error" in date) return { error: date.error === "date.invalid" ? "date.invalid" : "date.format" };
  return { day: dayKey(date) };
}

/** A deadline typed as a day means the end of that day in the review's time zone. */
export function endOfLocalDay(date: LocalDate, offsetMinutes: number): string {
  const endOfDay: LocalDateTime = { ...date, hh: 23, mm: 59, ss: 59 };
  return fromLocal(endOfDay, offsetMinutes);
}

/** A deadline already gone cannot be set: members could not meet it. */
export function checkDeadline(deadlineIso: string, nowIso: string): DateInputError | null {
  return toMs(deadlineIso) <= toMs(nowIso) ? "date.past" : null;
}

/** The day of an instant, as the bot shows it (dd/mm/yyyy, local time). */
export function formatLocalDate(iso: string, offsetMinutes: number): string {
  const t = toLocal(iso, offsetMinutes);
  return `${String(t.d).padStart(2, "0")}/${String(t.m).padStart(2, "0")}/${t.y}`;
}

/**
 * The years a secretary may pick: the reviews of December happen in December and January, so in January and
 * February the previous year comes first.
 */
export function reviewYearChoices(nowIso: string, offsetMinutes: number): number[] {
  const year = localYear(nowIso, offsetMinutes);
  return toLocal(nowIso, offsetMinutes).m <= 2 ? [year - 1, year] : [year, year - 1];
}

/** "đi xa 5" in a pasted roster: the local day `months` months before `nowIso`, as YYYY-MM-DD. */
export function monthsBefore(nowIso: string, months: number, offsetMinutes: number): string {
  const t = toLocal(nowIso, offsetMinutes);
  const total = t.y * 12 + (t.m - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(t.d, lastDay)).padStart(2, "0")}`;
}

/** The end of the local day `days` days after the local day of `iso`. */
export function endOfDayAfter(iso: string, days: number, offsetMinutes: number): string {
  const { y, m, d } = toLocal(addDays(iso, days), offsetMinutes);
  return endOfLocalDay({ y, m, d }, offsetMinutes);
}

/**
 * The self-review deadline offered for `year`: the calendar's while it lies ahead; once it has passed (January, for
 * the previous year's review) the end of the day the rulebook's lead after today, so the default can always be used.
 */
export function defaultSelfReviewDeadline(year: number, rulebook: Rulebook, nowIso: string, offsetMinutes: number): string {
  const byCalendar = defaultPeriodDates(year, rulebook, offsetMinutes).selfReviewDeadline;
  if (checkDeadline(byCalendar, nowIso) === null) return byCalendar;
  return endOfDayAfter(nowIso, rulebook.setupDates.leadDays, offsetMinutes);
}

/**
 * The period's deadlines: the calendar's report deadline while it leaves the rulebook's gap after the self-review
 * deadline, else the end of the day that gap after it (a report due with the self-reviews leaves no day to meet).
 */
export function setupPeriodDeadlines(
  year: number,
  rulebook: Rulebook,
  selfReviewDeadline: string,
  offsetMinutes: number,
): { selfReviewDeadline: string; reportDeadline: string } {
  const byCalendar = defaultPeriodDates(year, rulebook, offsetMinutes).branchReportDeadline;
  const afterGap = endOfDayAfter(selfReviewDeadline, rulebook.setupDates.reportGapDays, offsetMinutes);
  return { selfReviewDeadline, reportDeadline: toMs(byCalendar) >= toMs(afterGap) ? byCalendar : afterGap };
}
