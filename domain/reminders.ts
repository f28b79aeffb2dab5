// Reminder planning for the scheduler: when to nudge members before a deadline, only in daytime, and whom.
import { MS_PER_DAY, toIso, toMs, MS_PER_MINUTE } from "./calendar";
import type { SubmissionState } from "./submission";

/** Local hours; both ends are daytime (08:00 and 20:00 with the defaults). */
export type DaytimeWindow = { startHour: number; endHour: number };

const MS_PER_HOUR = 3_600_000;

/** Split an instant into the start of its local day and the milliseconds since then. */
function localDay(ms: number, offsetMinutes: number): { dayStart: number; sinceMidnight: number } {
  const offset = offsetMinutes * MS_PER_MINUTE;
  const sinceMidnight = (((ms + offset) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return { dayStart: ms - sinceMidnight, sinceMidnight };
}

function isDaytimeMs(ms: number, w: DaytimeWindow, offsetMinutes: number): boolean {
  const { sinceMidnight } = localDay(ms, offsetMinutes);
  return sinceMidnight >= w.startHour * MS_PER_HOUR && sinceMidnight <= w.endHour * MS_PER_HOUR;
}

function nextDaytimeMs(ms: number, w: DaytimeWindow, offsetMinutes: number): number {
  if (isDaytimeMs(ms, w, offsetMinutes)) return ms;
  const { dayStart, sinceMidnight } = localDay(ms, offsetMinutes);
  const start = dayStart + w.startHour * MS_PER_HOUR;
  return sinceMidnight < w.startHour * MS_PER_HOUR ? start : start + MS_PER_DAY;
}

/**
 * A reminder instant moved into daytime on its own local day: to that day's morning (a reminder of "the day"),
 * or, when that morning is already past the deadline, to the evening before.
 */
function intoDaytimeMs(ms: number, deadline: number, w: DaytimeWindow, offsetMinutes: number): number {
  if (isDaytimeMs(ms, w, offsetMinutes)) return ms;
  const { dayStart } = localDay(ms, offsetMinutes);
  const morning = dayStart + w.startHour * MS_PER_HOUR;
  return morning <= deadline ? morning : dayStart - MS_PER_DAY + w.endHour * MS_PER_HOUR;
}

export function isDaytime(iso: string, window: DaytimeWindow, offsetMinutes: number): boolean {
  return isDaytimeMs(toMs(iso), window, offsetMinutes);
}

/** The instant itself if in daytime, else the next window start. */
export function nextDaytime(iso: string, window: DaytimeWindow, offsetMinutes: number): string {
  return toIso(nextDaytimeMs(toMs(iso), window, offsetMinutes));
}

export type ReminderPlanInput = {
  deadline: string;
  offsetsDays: readonly number[];
  window: DaytimeWindow;
  /** Reminders before this instant are dropped. */
  now?: string;
  /** The review's time zone (ReviewTimeZone.offsetMinutes). */
  offsetMinutes: number;
};

/** One reminder per offset at `deadline - d days`, moved into daytime (see above); sorted, without duplicates. */
export function planReminders(input: ReminderPlanInput): string[] {
  const { offsetMinutes } = input;
  const deadline = toMs(input.deadline);
  const notBefore = input.now === undefined ? -Infinity : toMs(input.now);
  const due = new Set<number>();
  for (const days of input.offsetsDays) {
    const at = intoDaytimeMs(deadline - days * MS_PER_DAY, deadline, input.window, offsetMinutes);
    if (at >= notBefore) due.add(at);
  }
  return [...due].sort((a, b) => a - b).map(toIso);
}

type WithState = { id: string; state: SubmissionState };
const REMINDABLE: ReadonlySet<SubmissionState> = new Set(["pending", "draft", "missing"]);

/** Members to remind: evaluated, present, nothing submitted yet. */
export function whoToRemind(members: readonly WithState[]): string[] {
  return members.filter((m) => REMINDABLE.has(m.state)).map((m) => m.id);
}

/** T2: members whose deadline passed with nothing submitted, for the branch committee's alert. */
export function missingMembers(members: readonly WithState[]): string[] {
  return members.filter((m) => m.state === "missing").map((m) => m.id);
}

/** T2: members who submitted after the deadline, for the branch committee's alert. */
export function lateMembers(members: readonly WithState[]): string[] {
  return members.filter((m) => m.state === "late").map((m) => m.id);
}
