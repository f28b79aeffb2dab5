// N11 (RULES-2025): the draft collective report reaches the participants at least a number of working days before
// the meeting. Working days are Monday to Friday; public holidays are not known here (a secretary moves the date
// earlier around Tết or 2/9), so the day given is the latest possible one, never too late by a weekend.
import { toLocal } from "./calendar";
import type { Rulebook } from "./rulebook";

const DAY_MS = 86_400_000;

/** The local day ("YYYY-MM-DD") `n` working days before the local day of `meetingAt`. */
export function workingDaysBefore(meetingAt: string, n: number, offsetMinutes: number): string {
  const local = toLocal(meetingAt, offsetMinutes);
  let day = Date.UTC(local.y, local.m - 1, local.d);
  for (let left = n; left > 0; ) {
    day -= DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(day).toISOString().slice(0, 10);
}

/** N11: the latest day the draft report goes out before a meeting, or null under a rulebook without that rule. */
export function draftReportDay(meetingAt: string | null, rulebook: Rulebook, offsetMinutes: number): string | null {
  if (!meetingAt || !rulebook.score) return null;
  return workingDaysBefore(meetingAt, rulebook.score.draftReportWorkingDays, offsetMinutes);
}
