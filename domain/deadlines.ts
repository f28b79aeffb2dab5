// T1, T2: the dates a secretary sets for a review period, as typed on a phone (dd/mm/yyyy [hh:mm], local time),
// and the instants the scheduler derives from them (reminder wording, the missing-members alert, the daily digest).
import { z } from "zod";
import { formatLocalDate, parseLocalDate } from "./branch-setup";
import { fromLocal, localDateKey, MS_PER_DAY, toIso, toMs } from "./calendar";
import type { DaytimeWindow } from "./reminders";
import { nextDaytime, planReminders, type ReminderPlanInput } from "./reminders";

export const DEADLINE_ERROR_CODES = [
  "date.format",
  "date.invalid",
  "deadline.in-past",
  "deadline.after-report",
  "meeting.before-deadline",
  "meeting.after-report",
  "report.in-past",
  "report.before-deadline",
  "report.before-meeting",
] as const;
export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

/** Which date of the period the secretary is changing. */
export type PeriodDateField = "selfReviewDeadline" | "meetingDate" | "reportDeadline";

/** Without a time, a deadline means the end of that day and a meeting the start of the working day. */
const DEFAULT_TIME: Record<PeriodDateField, { hh: number; mm: number; ss: number }> = {
  selfReviewDeadline: { hh: 23, mm: 59, ss: 59 },
  meetingDate: { hh: 8, mm: 0, ss: 0 },
  reportDeadline: { hh: 23, mm: 59, ss: 59 },
};

const TIME_INPUT = /^(\d{1,2})[:hg](\d{2})$/i;

/** "20/12/2026" or "20/12/2026 17:30" (local time) → ISO instant, or the reason it cannot be read. */
export function parseLocalInput(
  text: string,
  field: PeriodDateField,
  offsetMinutes: number,
): { ok: true; iso: string } | { ok: false; code: DeadlineErrorCode } {
  const [datePart = "", timePart, ...extra] = text.trim().split(/\s+/);
  const date = parseLocalDate(datePart);
  const timeMatch = timePart === undefined ? null : TIME_INPUT.exec(timePart);
  if (extra.length > 0 || (timePart !== undefined && !timeMatch)) return { ok: false, code: "date.format" };
  if ("error" in date) return { ok: false, code: date.error === "date.invalid" ? "date.invalid" : "date.format" };
  const time = timeMatch ? { hh: Number(timeMatch[1]), mm: Number(timeMatch[2]), ss: 0 } : DEFAULT_TIME[field];
  if (time.hh > 23 || time.mm > 59) return { ok: false, code: "date.invalid" };
  return { ok: true, iso: fromLocal({ ...date, ...time }, offsetMinutes) };
}

/** The zod schema a conversation validates a typed date with; the issue message is the error code. */
export function localInputSchema(field: PeriodDateField, offsetMinutes: number) {
  return z.string({ error: "date.format" }).transform((text, ctx) => {
    const parsed = parseLocalInput(text, field, offsetMinutes);
    if (parsed.ok) return parsed.iso;
    ctx.addIssue({ code: "custom", message: parsed.code });
    return z.NEVER;
  });
}

export type ReviewDates = { selfReviewDeadline: string; meetingDate: string | null; reportDeadline: string };

/**
 * T1: a new self-review deadline lies ahead and before the branch's report deadline; the meeting comes after the
 * self-reviews are in and before the report. Only the changed field is checked against `now`; an order broken by
 * a new report deadline is told as the report's fault, so the secretary knows which date to fix.
 */
export function validateReviewDates(dates: ReviewDates, changed: PeriodDateField, now: string): DeadlineErrorCode[] {
  const errors: DeadlineErrorCode[] = [];
  const deadline = toMs(dates.selfReviewDeadline);
  const report = toMs(dates.reportDeadline);
  const reportChanged = changed === "reportDeadline";
  if (changed === "selfReviewDeadline" && deadline <= toMs(now)) errors.push("deadline.in-past");
  if (reportChanged && report <= toMs(now)) errors.push("report.in-past");
  if (deadline > report) errors.push(reportChanged ? "report.before-deadline" : "deadline.after-report");
  if (dates.meetingDate !== null) {
    const meeting = toMs(dates.meetingDate);
    if (meeting < deadline) errors.push("meeting.before-deadline");
    if (meeting > report) errors.push(reportChanged ? "report.before-meeting" : "meeting.after-report");
  }
  return errors;
}

/** How many days after its anchor each field's example lies (a meeting a couple of days after the deadline). */
const EXAMPLE_DAYS_AFTER: Record<PeriodDateField, number> = { selfReviewDeadline: 7, meetingDate: 2, reportDeadline: 5 };

/**
 * The date a question shows as an example (dd/mm/yyyy): some days after the later of now and the period's
 * self-review deadline (`now` alone for the deadline itself), so an example is never a day already gone.
 */
export function exampleDate(field: PeriodDateField, selfReviewDeadline: string | null, now: string, offsetMinutes: number): string {
  const anchor = field === "selfReviewDeadline" || selfReviewDeadline === null ? now : selfReviewDeadline;
  const from = Math.max(toMs(anchor), toMs(now));
  return formatLocalDate(toIso(from + EXAMPLE_DAYS_AFTER[field] * MS_PER_DAY), offsetMinutes);
}

/** T2: the committee hears about missing members at the first daytime instant after the deadline. */
export function missingAlertDue(deadline: string, window: DaytimeWindow, offsetMinutes: number): string {
  return nextDaytime(toIso(toMs(deadline) + 1000), window, offsetMinutes);
}

/** The start of the daytime window on the local day of `now`: the digest of that day is due then, once. */
export function digestDue(now: string, window: DaytimeWindow, offsetMinutes: number): string {
  const [y, m, d] = localDateKey(now, offsetMinutes).split("-").map(Number);
  return fromLocal({ y, m, d, hh: window.startHour, mm: 0 }, offsetMinutes);
}

/**
 * T1: the reminders of a member before the deadline. Offset 0 is "the morning of the day" (the window's start on
 * the deadline's local day), not the deadline instant itself, which would be too late to act on; when the deadline
 * is before that morning, `planReminders` moves it to the evening before. Other offsets as `planReminders`.
 */
export function planMemberReminders(input: ReminderPlanInput): string[] {
  const { offsetMinutes } = input;
  const others = planReminders({ ...input, offsetsDays: input.offsetsDays.filter((d) => d !== 0) });
  if (!input.offsetsDays.includes(0)) return others;
  const [y, m, d] = localDateKey(input.deadline, offsetMinutes).split("-").map(Number);
  const morning = fromLocal({ y, m, d, hh: input.window.startHour, mm: 0 }, offsetMinutes);
  const sameDay = toMs(morning) <= toMs(input.deadline) ? [morning] : planReminders({ ...input, offsetsDays: [0] });
  const inFuture = sameDay.filter((at) => input.now === undefined || toMs(at) >= toMs(input.now));
  return [...new Set([...others, ...inFuture])].sort((a, b) => toMs(a) - toMs(b));
}

/** Whole local calendar days from the reminder's day to the deadline's day: 0 means "today". */
export function daysLeft(at: string, deadline: string, offsetMinutes: number): number {
  const day = (iso: string) => Date.parse(`${localDateKey(iso, offsetMinutes)}T00:00:00Z`);
  return Math.max(0, Math.round((day(deadline) - day(at)) / MS_PER_DAY));
}

type DueReminder = { id: string; memberId: string; dueAt: string };

/**
 * Reminders that piled up for one member (the night, or the bot being down) collapse into the newest one:
 * a member gets one nudge per sweep, never a burst. Returns the ids to skip as superseded.
 */
export function supersededReminders(rows: readonly DueReminder[]): string[] {
  const newest = new Map<string, DueReminder>();
  for (const row of rows) {
    const kept = newest.get(row.memberId);
    if (!kept || toMs(row.dueAt) > toMs(kept.dueAt)) newest.set(row.memberId, row);
  }
  const keep = new Set([...newest.values()].map((r) => r.id));
  return rows.filter((r) => !keep.has(r.id)).map((r) => r.id);
}
