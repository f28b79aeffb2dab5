// Everything the member rating of a branch is computed from, loaded with one query per table.
import type { ZonedInstant } from "../domain/calendar";
import {
  fullMonthsBetween,
  tallyEntriesAgree,
  type DisciplineInput,
  type MemberKind,
  type MemberStatusInput,
  type TallyInput,
} from "../domain";
import type { Db, Tx } from "./client";
import { recordedDisciplines } from "./disciplines";
import { activeTallies, type TallyRow } from "./tallies";

export type RosterMember = {
  id: string;
  fullName: string;
  group: string | null;
  status: MemberStatusInput;
  userId: string | null;
  telegramId: string | null;
  language: string | null;
};

export type MemberInputs = RosterMember & {
  absent: boolean;
  /** M12: written in the self-review, or recorded by the secretary as presented. */
  hcmActions: boolean;
  /** M12: the meeting's acknowledgement, recorded by the secretary. */
  hcmAcknowledged: boolean;
  disciplines: DisciplineInput[];
  /** The tally that stands: the only entry, or (double entry) two entries that agree. */
  tally: TallyInput | null;
  entries: TallyRow[];
  disagreement: boolean;
};

export type BranchInputs = {
  orgId: string;
  orgName: string;
  doubleEntry: boolean;
  periodId: string;
  year: number;
  rulebookId: string;
  /** The review time zone's offset the inputs were read at (local days of M9, M10). */
  offsetMinutes: number;
  members: MemberInputs[];
};

/** MemberStatusInput from a roster row; months away are counted up to `asOf` (M10). */
export function memberStatus(
  m: { kind: string; exempt: boolean; retiredNotMoved: boolean; workingAwaySince: Date | null; isLeader: boolean },
  asOf: ZonedInstant,
): MemberStatusInput {
  const since = m.workingAwaySince?.toISOString().slice(0, 10);
  const months = since ? (fullMonthsBetween(since, asOf.at, asOf.offsetMinutes) ?? 0) : 0;
  return {
    kind: m.kind as MemberKind,
    exempt: m.exempt,
    retiredNotMoved: m.retiredNotMoved,
    workingAwayMonths: months,
    // The roster records "working away since" only for a member who reported and was allowed (B.II.1).
    awayReportedAllowed: m.workingAwaySince !== null,
    isLeader: m.isLeader,
  };
}

export async function loadRoster(db: Db | Tx, orgId: string, asOf: ZonedInstant): Promise<RosterMember[]> {
  const rows = await db.member.findMany({
    where: { orgId },
    include: { group: { select: { name: true } }, user: { select: { telegramId: true, language: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({
    id: m.id,
    fullName: m.fullName,
    group: m.group?.name ?? null,
    status: memberStatus(m, asOf),
    userId: m.userId,
    telegramId: m.user?.telegramId ?? null,
    language: m.user?.language ?? null,
  }));
}

/** The tally that stands for a member from their active entries (double entry: two that agree). */
export function standingTally(entries: TallyRow[], doubleEntry: boolean): { tally: TallyInput | null; disagreement: boolean } {
  const first = entries.find((e) => e.entrySlot === 1);
  if (!doubleEntry) return { tally: first ?? null, disagreement: false };
  const second = entries.find((e) => e.entrySlot === 2);
  if (!first || !second) return { tally: null, disagreement: false };
  if (!tallyEntriesAgree(first, second)) return { tally: null, disagreement: true };
  // The grounds (M9) are a judgement: both entrants' grounds are kept together.
  const grounds = [...new Set([...(first.l4Grounds ?? []), ...(second.l4Grounds ?? [])])];
  return { tally: { ...first, l4Grounds: grounds }, disagreement: false };
}

export async function loadBranchInputs(db: Db | Tx, periodId: string, asOf: ZonedInstant): Promise<BranchInputs> {
  const period = await db.reviewPeriod.findUniqueOrThrow({ where: { id: periodId }, include: { org: true } });
  const roster = await loadRoster(db, period.orgId, asOf);
  const [absences, reviews, acknowledgements, disciplines, tallies] = await Promise.all([
    db.meetingAbsence.findMany({ where: { periodId }, select: { memberId: true } }),
    db.selfReview.findMany({ where: { periodId }, select: { memberId: true, hcmActions: true, hcmRecordedById: true } }),
    db.hcmAcknowledgement.findMany({ where: { periodId }, select: { memberId: true } }),
    recordedDisciplines(db, { orgId: period.orgId }),
    activeTallies(db, periodId),
  ]);
  const absent = new Set(absences.map((a) => a.memberId));
  const hcm = new Set(reviews.filter((r) => (r.hcmActions ?? "").trim() !== "" || r.hcmRecordedById).map((r) => r.memberId));
  const acknowledged = new Set(acknowledgements.map((a) => a.memberId));
  const members = roster.map((m): MemberInputs => {
    const entries = tallies.filter((t) => t.memberId === m.id);
    return {
      ...m,
      absent: absent.has(m.id),
      hcmActions: hcm.has(m.id),
      hcmAcknowledged: acknowledged.has(m.id),
      disciplines: disciplines
        .filter((d) => d.memberId === m.id)
        .map(({ level, source, decidedOn, endsOn, decisionNumber }) => ({ level, source, decidedOn, endsOn, decisionNumber })),
      entries,
      ...standingTally(entries, period.org.doubleEntry),
    };
  });
  return {
    orgId: period.orgId,
    orgName: period.org.name,
    doubleEntry: period.org.doubleEntry,
    periodId,
    year: period.year,
    rulebookId: period.rulebookId,
    offsetMinutes: asOf.offsetMinutes,
    members,
  };
}

/**
 * M12: the members whose Ho Chi Minh actions wait for the meeting's acknowledgement: evaluated, present, with
 * actions written or recorded, not yet acknowledged.
 */
export function awaitingHcmAcknowledgement(members: readonly MemberInputs[]): MemberInputs[] {
  return members.filter((m) => !m.status.exempt && !m.absent && m.hcmActions && !m.hcmAcknowledged);
}

/** What the counts dialog asks about the acknowledgement (M12): this member's state, and who else waits for it. */
export async function hcmAcknowledgementState(db: Db, periodId: string, memberId: string, asOf: ZonedInstant) {
  const inputs = await loadBranchInputs(db, periodId, asOf);
  const member = inputs.members.find((m) => m.id === memberId);
  const waiting = awaitingHcmAcknowledgement(inputs.members).map((m) => m.id);
  return { waits: waiting.includes(memberId), acknowledged: member?.hcmAcknowledged ?? false, waiting };
}
