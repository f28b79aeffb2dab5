// B.I: what an organization types at /score read into the rating's input (O1, O3), the figures read from recognized
// results (O3), the recognition of its rating by the level above (B.I.4) and the exemplary share (O6).
import { MEMBER_LEVELS, ORG_LEVELS, type LevelCounts, type MemberLevel, type OrgLevel, type OrgLevelCounts, type TaskKey } from "./levels";
import { exemplaryQuota, type OrgScoreError } from "./org-rating";
import type { ResultErrorCode, ResultState } from "./results";
import type { Rulebook } from "./rulebook";
import { withoutForbiddenCharacters } from "./text";

/** O1: one task's points as typed: a whole number in 0..max, or the error that says which bound. */
export function parseTaskScore(
  text: string,
  task: TaskKey,
  rulebook: Rulebook,
): { ok: true; value: number } | { ok: false; error: OrgScoreError } {
  const max = rulebook.org.taskMax[task];
  const typed = text.trim();
  if (!/^-?\d{1,4}$/.test(typed)) return { ok: false, error: { code: "org.score-not-integer", task, max } };
  const value = Number(typed);
  if (value < 0 || value > max) return { ok: false, error: { code: "org.score-out-of-range", task, max } };
  return { ok: true, value };
}

/** O5: longer than this is not a list of actions but a report (which goes in the documents). */
export const MAX_ACTIONS_LENGTH = 3000;

/** O5: the concrete actions as typed, composed and without control characters; empty or too long is refused. */
export function parseOrgActions(text: string): { ok: true; value: string } | { ok: false; error: "actions_empty" | "actions_too_long" } {
  const value = withoutForbiddenCharacters(text.normalize("NFC")).trim();
  if (!value) return { ok: false, error: "actions_empty" };
  return value.length > MAX_ACTIONS_LENGTH ? { ok: false, error: "actions_too_long" } : { ok: true, value };
}

export type Meeting = { attended: number; expected: number };
export const ATTENDANCE_ERRORS = ["attendance.unreadable", "attendance.over", "attendance.too-many"] as const;
export type AttendanceError = (typeof ATTENDANCE_ERRORS)[number];

/** More meetings than a year can hold is a typing slip (a year has twelve monthly meetings and a few extra). */
const MAX_MEETINGS = 60;
const PAIR = /^(\d{1,5})\s*\/\s*(\d{1,5})$/;
const PERCENT = /^(\d{1,3})\s*%?$/;

/**
 * O3: the year's meetings as typed: pairs "present/expected" separated by commas, semicolons or new lines
 * ("18/20, 19/20"), or the year's average as a percentage ("85%"), kept as one meeting of 85 out of 100 so the
 * domain's mean of rates reads it unchanged.
 */
export function parseAttendance(text: string): { ok: true; meetings: Meeting[] } | { ok: false; error: AttendanceError } {
  const typed = text.trim();
  const average = PERCENT.exec(typed);
  if (average) {
    const attended = Number(average[1]);
    return attended > 100 ? { ok: false, error: "attendance.over" } : { ok: true, meetings: [{ attended, expected: 100 }] };
  }
  const parts = typed
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, error: "attendance.unreadable" };
  if (parts.length > MAX_MEETINGS) return { ok: false, error: "attendance.too-many" };
  const meetings: Meeting[] = [];
  for (const part of parts) {
    const pair = PAIR.exec(part);
    if (!pair) return { ok: false, error: "attendance.unreadable" };
    const meeting = { attended: Number(pair[1]), expected: Number(pair[2]) };
    if (meeting.expected === 0) return { ok: false, error: "attendance.unreadable" };
    if (meeting.attended > meeting.expected) return { ok: false, error: "attendance.over" };
    meetings.push(meeting);
  }
  return { ok: true, meetings };
}

/** O3: members per level, from the levels of their recognized results. */
export function countMemberLevels(levels: readonly MemberLevel[]): LevelCounts {
  const counts = Object.fromEntries(MEMBER_LEVELS.map((l) => [l, 0])) as LevelCounts;
  for (const level of levels) counts[level]++;
  return counts;
}

/** O3, O4: subordinate organizations per level, from their recognized ratings. */
export function countOrgLevels(levels: readonly OrgLevel[]): OrgLevelCounts {
  const counts = Object.fromEntries(ORG_LEVELS.map((l) => [l, 0])) as OrgLevelCounts;
  for (const level of levels) counts[level]++;
  return counts;
}

/** B.I.4: the organization proposes (again); a recognized rating changes only by the level above revoking it (as M14). */
export function proposeOrgRating(current: { state: ResultState } | null): ResultErrorCode | null {
  return current?.state === "recognized" ? "result.revoke-first" : null;
}

/** B.I.4: the level above recognizes a proposed rating (the codes are a member result's, M15). */
export function recognizeOrgRating(current: { state: ResultState } | null): ResultErrorCode | null {
  if (!current) return "result.none";
  return current.state === "proposed" ? null : "result.not-proposed";
}

/** B.I.4: the level above revokes a proposed or recognized rating, saying why (as a member result, M14). */
export function revokeOrgRating(current: { state: ResultState } | null, why: string): ResultErrorCode | null {
  if (!current) return "result.none";
  if (current.state === "revoked") return "result.already-revoked";
  return why.trim() ? null : "result.why-required";
}

export type ExemplaryCheck =
  | { ok: true }
  | { ok: false; error: "org.exemplary-not-tsvm" }
  | { ok: false; error: "org.exemplary-over-quota"; quota: number; tsvm: number; marked: number };

/**
 * O6: marking one more recognized TSVM organization exemplary keeps the committee within the share of its TSVM
 * organizations. Who among tied organizations is marked is the committee's choice: nothing here picks.
 */
export function checkExemplary(
  target: { level: OrgLevel; state: ResultState },
  committee: { tsvm: number; exemplary: number },
  rulebook: Rulebook,
): ExemplaryCheck {
  if (target.level !== "tsvm" || target.state !== "recognized") return { ok: false, error: "org.exemplary-not-tsvm" };
  const quota = exemplaryQuota(committee.tsvm, rulebook);
  if (committee.exemplary + 1 > quota)
    return { ok: false, error: "org.exemplary-over-quota", quota, tsvm: committee.tsvm, marked: committee.exemplary };
  return { ok: true };
}
