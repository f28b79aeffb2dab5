// M13 for a whole branch at once: the preview of every counted member's level with the L1 cap (M8) as it would
// stand, and the saving of all the counts and the branch-wide pass in one transaction.
import { entrySlotFor, type MemberOutcome, type SheetRoster, type TallyInput } from "../domain";
import { inTransaction, type Db } from "./client";
import { awaitingHcmAcknowledgement, loadBranchInputs, standingTally, type BranchInputs, type MemberInputs } from "./rating-inputs";
import type { BranchCap } from "./branch-cap-unit";
import { evaluateBranch, latestResults, rateBranch, type BranchPass } from "./results";
import { recordTally, setHcmAcknowledged, type TallyRow } from "./tallies";

/** One member's counts as the secretary sent them, and the M11 note for an L3 result. */
export type CountLine = { memberId: string; tally: TallyInput; note?: string };
/** `acknowledgeAll`: the meeting acknowledged the Ho Chi Minh actions of every member waiting for it (M12). */
export type BranchCount = { periodId: string; entrantId: string; lines: readonly CountLine[]; acknowledgeAll?: boolean };
type At = { now: Date; offsetMinutes: number };

export type BranchCountPreview = {
  /** Each counted member's outcome with the cap applied over the branch as it would stand. */
  outcomes: Record<string, MemberOutcome>;
  /** M8: the branch's own cap and its base, or (under a base committee) the committee's, decided after recognition. */
  cap: { kind: "own"; cap: number; base: number; final: boolean } | { kind: "committee"; final: boolean };
  /** Double entry: members whose result waits for the other entrant's count. */
  awaitingOtherEntry: string[];
  /** Evaluated members left without counts after this batch (named, so nobody is forgotten). */
  stillToCount: string[];
};

/** The members' entries as they would be after this batch: the entrant's slot replaced, the standing tally again. */
function withLines(branch: BranchInputs, count: BranchCount, now: Date): Map<string, MemberInputs> {
  const byId = new Map(branch.members.map((m) => [m.id, m]));
  for (const line of count.lines) {
    const m = byId.get(line.memberId);
    if (!m) throw new Error("member not in this period's branch");
    const slot = entrySlotFor(m.entries, branch.doubleEntry, count.entrantId);
    const entry: TallyRow = {
      ...line.tally,
      id: `preview-${m.id}`,
      memberId: m.id,
      entrySlot: slot,
      enteredById: count.entrantId,
      createdAt: now.toISOString(),
    };
    const entries = [...m.entries.filter((e) => e.entrySlot !== slot), entry];
    Object.assign(m, { entries, ...standingTally(entries, branch.doubleEntry) });
  }
  return byId;
}

/** The branch's own cap and base (what its pass stores with each result), or the committee's whose cut it awaits. */
function capFigure(cap: BranchCap): BranchCountPreview["cap"] {
  const stored = cap.capInputs("");
  if ("committee" in stored) return { kind: "committee", final: cap.final };
  return { kind: "own", cap: Number(stored.cap), base: Number(stored.base), final: cap.final };
}

/** What confirming would give, computed without writing anything. */
export async function previewBranchCount(db: Db, count: BranchCount, at: At): Promise<BranchCountPreview> {
  const branch = await loadBranchInputs(db, count.periodId, { at: at.now.toISOString(), offsetMinutes: at.offsetMinutes });
  withLines(branch, count, at.now);
  if (count.acknowledgeAll) for (const m of awaitingHcmAcknowledgement(branch.members)) m.hcmAcknowledged = true;
  const latest = await latestResults(db, count.periodId);
  const notes = new Map(count.lines.flatMap((l) => (l.note ? [[l.memberId, l.note] as const] : [])));
  const cap = await rateBranch(db, branch, (m) => notes.get(m.id) ?? (latest.get(m.id)?.inputs.l3Note as string | undefined));
  const counted = new Set(count.lines.map((l) => l.memberId));
  const outcomes = Object.fromEntries(Object.entries(cap.outcomes).filter(([id]) => counted.has(id)));
  const waiting = (m: MemberInputs) => cap.outcomes[m.id]?.kind === "awaiting-tally";
  return {
    outcomes,
    cap: capFigure(cap),
    awaitingOtherEntry: branch.members.filter((m) => counted.has(m.id) && waiting(m)).map((m) => m.id),
    stillToCount: branch.members.filter((m) => !counted.has(m.id) && waiting(m) && m.entries.length === 0).map((m) => m.fullName),
  };
}

/**
 * Stores every line (each in the entrant's own slot, superseding their earlier entry for that member, as one
 * member's correction does) and runs the branch-wide pass, all in one transaction: nothing is stored if any fails.
 */
export async function recordBranchCount(db: Db, count: BranchCount, at: At): Promise<BranchPass> {
  return inTransaction(
    db,
    async (tx) => {
      const branch = await loadBranchInputs(tx, count.periodId, { at: at.now.toISOString(), offsetMinutes: at.offsetMinutes });
      const byId = new Map(branch.members.map((m) => [m.id, m]));
      for (const line of count.lines) {
        const m = byId.get(line.memberId);
        if (!m) throw new Error("member not in this period's branch");
        const slot = entrySlotFor(m.entries, branch.doubleEntry, count.entrantId);
        await recordTally(tx, { periodId: count.periodId, memberId: m.id, slot, tally: line.tally, enteredById: count.entrantId }, at.now);
      }
      if (count.acknowledgeAll) {
        const waiting = awaitingHcmAcknowledgement(branch.members).map((m) => m.id);
        await setHcmAcknowledged(tx, { periodId: count.periodId, memberIds: waiting, acknowledged: true }, count.entrantId, at.now);
      }
      const notes = Object.fromEntries(count.lines.flatMap((l) => (l.note ? [[l.memberId, l.note]] : [])));
      return evaluateBranch(tx, { periodId: count.periodId, actorId: count.entrantId, notes }, at.now, at.offsetMinutes);
    },
    { timeout: 60_000 },
  );
}

/** Members with counts entered, of the members to count (the absent, M3, and the exempt, M2, are not counted). */
export function progressOf(members: readonly MemberInputs[]): { counted: number; total: number } {
  const toCount = members.filter((m) => !m.absent && !m.status.exempt);
  return { counted: toCount.filter((m) => m.entries.length > 0).length, total: toCount.length };
}

/** Running totals for the per-member flow ("đã nhập 12/30"). */
export async function countingProgress(db: Db, periodId: string, at: At): Promise<{ counted: number; total: number }> {
  return progressOf((await loadBranchInputs(db, periodId, { at: at.now.toISOString(), offsetMinutes: at.offsetMinutes })).members);
}

/** The roster a counting sheet is matched against: who can be counted (M2 exempt, M3 absent are named as such). */
export async function countingRoster(db: Db, periodId: string, at: At): Promise<Array<SheetRoster & { group: string | null }>> {
  const branch = await loadBranchInputs(db, periodId, { at: at.now.toISOString(), offsetMinutes: at.offsetMinutes });
  return branch.members.map((m) => ({ id: m.id, fullName: m.fullName, group: m.group, absent: m.absent, evaluated: !m.status.exempt }));
}

/** M12: how many members' Ho Chi Minh actions wait for the meeting's acknowledgement. */
export async function awaitingAcknowledgement(db: Db, periodId: string, at: At): Promise<number> {
  const branch = await loadBranchInputs(db, periodId, { at: at.now.toISOString(), offsetMinutes: at.offsetMinutes });
  return awaitingHcmAcknowledgement(branch.members).length;
}
