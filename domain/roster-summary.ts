// What a secretary sees before importing a roster: how many of each kind, who is not evaluated, the party groups.
import type { MemberKind } from "./levels";
import type { RosterEntry } from "./roster";

export type RosterSummary = {
  total: number;
  byKind: Record<MemberKind, number>;
  /** M2: not evaluated. */
  exempt: number;
  /** M10: rated L3 without a vote. */
  retiredNotMoved: number;
  workingAway: number;
  leaders: number;
  /** M6: group name → members, in order of first mention. */
  groups: Array<{ name: string; count: number }>;
};

export function summarizeRoster(entries: RosterEntry[]): RosterSummary {
  const summary: RosterSummary = {
    total: entries.length,
    byKind: { official: 0, probationary: 0, temporary: 0 },
    exempt: 0,
    retiredNotMoved: 0,
    workingAway: 0,
    leaders: 0,
    groups: [],
  };
  const groups = new Map<string, number>();
  for (const { status, group } of entries) {
    summary.byKind[status.kind] += 1;
    if (status.exempt) summary.exempt += 1;
    if (status.retiredNotMoved) summary.retiredNotMoved += 1;
    if (status.awayReportedAllowed) summary.workingAway += 1;
    if (status.isLeader) summary.leaders += 1;
    if (group) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  summary.groups = [...groups].map(([name, count]) => ({ name, count }));
  return summary;
}

/** Names compare by their letters, tones included (Ân is not An), ignoring case, spacing and Unicode form. */
export function sameNameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/**
 * A secretary often pastes the whole list again: entries whose name is already on the roster are set apart, so
 * the import adds only the new ones unless the secretary says two comrades really share a name.
 */
export function setApartKnownNames(entries: RosterEntry[], rosterNames: string[]): { fresh: RosterEntry[]; known: RosterEntry[] } {
  const onRoster = new Set(rosterNames.map(sameNameKey));
  const fresh: RosterEntry[] = [];
  const known: RosterEntry[] = [];
  for (const entry of entries) (onRoster.has(sameNameKey(entry.name)) ? known : fresh).push(entry);
  return { fresh, known };
}

/** The tone and vowel marks of Vietnamese, as combining characters (after NFD). */
const VIETNAMESE_MARKS = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]/g;

/**
 * A name worth a second look before importing: a garbled import (a replacement character, letters outside
 * Vietnamese), a row shifted into the name column (digits), or a name typed in capitals.
 */
export function isSuspiciousName(name: string): boolean {
  const letters = name.normalize("NFD").replace(VIETNAMESE_MARKS, "").replace(/[đĐ]/g, "d");
  if (!/^[A-Za-z]+(?:[ '’-]+[A-Za-z]+)*$/.test(letters)) return true;
  return letters.length > 1 && name === name.toLocaleUpperCase("vi") && name !== name.toLocaleLowerCase("vi");
}
