// Reports that go up (guideline D, T1): whether an organization reported on time, and the summary figures of a
// committee's report — members by level per subordinate organization, organizations by level.
import { MEMBER_LEVELS, ORG_LEVELS, type MemberLevel, type OrgLevel } from "./levels";
import type { ResultState } from "./results";
import { toMs } from "./calendar";

/** T1: reported before the deadline, reported after it, not yet with the deadline ahead, not yet and past it. */
export const REPORT_STATES = ["reported", "reported-late", "due", "overdue"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** T1: an organization's report against its level's deadline; the first sending counts. */
export function reportState(input: { deadline: string; reportedAt: string | null; now: string }): ReportState {
  const deadline = toMs(input.deadline);
  if (input.reportedAt !== null) return toMs(input.reportedAt) <= deadline ? "reported" : "reported-late";
  return toMs(input.now) <= deadline ? "due" : "overdue";
}

/** Whether the organization's secretary is to be reminded: nothing sent yet. */
export function awaitsReport(state: ReportState): boolean {
  return state === "due" || state === "overdue";
}

/** How many members of a unit share a roster flag and their newest result (counted by the store). */
export type MemberResultTally = { exempt: boolean; outcome: string | null; state: ResultState | null; members: number };

/**
 * Members of a unit: `exempt` (M2: not evaluated), `deferred` (M3: absent, evaluated later), `evaluated` (the rest);
 * the levels count recognized results only (M15), `unrecognized` the evaluated members without one yet.
 */
export type MemberLevelCounts = {
  total: number;
  exempt: number;
  deferred: number;
  evaluated: number;
  levels: Record<MemberLevel, number>;
  unrecognized: number;
};

const isLevel = (outcome: string | null): outcome is MemberLevel => (MEMBER_LEVELS as readonly string[]).includes(outcome ?? "");

export function emptyMemberCounts(): MemberLevelCounts {
  return { total: 0, exempt: 0, deferred: 0, evaluated: 0, levels: { L1: 0, L2: 0, L3: 0, L4: 0 }, unrecognized: 0 };
}

export function memberLevelCounts(tallies: readonly MemberResultTally[]): MemberLevelCounts {
  const counts = emptyMemberCounts();
  for (const t of tallies) {
    counts.total += t.members;
    if (t.outcome === "not-evaluated" || (t.exempt && t.outcome === null)) counts.exempt += t.members;
    else if (t.outcome === "deferred") counts.deferred += t.members;
    else {
      counts.evaluated += t.members;
      if (isLevel(t.outcome) && t.state === "recognized") counts.levels[t.outcome] += t.members;
      else counts.unrecognized += t.members;
    }
  }
  return counts;
}

export function sumMemberCounts(parts: readonly MemberLevelCounts[]): MemberLevelCounts {
  const sum = emptyMemberCounts();
  for (const p of parts) {
    sum.total += p.total;
    sum.exempt += p.exempt;
    sum.deferred += p.deferred;
    sum.evaluated += p.evaluated;
    sum.unrecognized += p.unrecognized;
    for (const level of MEMBER_LEVELS) sum.levels[level] += p.levels[level];
  }
  return sum;
}

/**
 * A share in tenths of a percent, rounded half up with integers only (3 of 7 is 429, read 42,9%); 0 of nothing is 0.
 */
export function percentTenths(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((2000 * part + whole) / (2 * whole));
}

/** An organization's recognized rating of the year (O2, O6), or none yet. */
export type RecognizedOrgRating = { level: OrgLevel; exemplary: boolean } | null;

export type OrgReportCounts = { total: number; levels: Record<OrgLevel, number>; exemplary: number; unrated: number };

export function orgLevelCounts(ratings: readonly RecognizedOrgRating[]): OrgReportCounts {
  const counts: OrgReportCounts = { total: 0, levels: { tsvm: 0, good: 0, completed: 0, weak: 0 }, exemplary: 0, unrated: 0 };
  for (const r of ratings) {
    counts.total += 1;
    if (!r) counts.unrated += 1;
    else {
      counts.levels[r.level] += 1;
      if (r.exemplary && r.level === "tsvm") counts.exemplary += 1;
    }
  }
  return counts;
}

export const isOrgLevel = (value: string): value is OrgLevel => (ORG_LEVELS as readonly string[]).includes(value);
