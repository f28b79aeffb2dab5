// M13: ballot counts (never who voted how), append-only; M3 absences; M12 Ho Chi Minh actions recorded by the secretary.
import type { L4Ground, TallyInput } from "../domain";
import { recordAudit, recordAudits } from "./audit";
import { chunksOf } from "./chunks";
import { inTransaction, type Db, type Tx } from "./client";

/** Rows of five values per insert, well below Prisma's 999 bound values on SQLite (./chunks.ts). */
const ROWS_PER_INSERT = 150;

export type TallySlot = 1 | 2;

export type TallyRow = TallyInput & {
  id: string;
  memberId: string;
  entrySlot: TallySlot;
  enteredById: string;
  createdAt: string;
};

type TallyRecord = {
  id: string;
  memberId: string;
  entrySlot: number;
  method: string;
  official: number;
  present: number;
  valid: number;
  votesL1: number;
  votesL2: number;
  votesL3: number;
  votesL4: number;
  l4Grounds: string;
  enteredById: string;
  createdAt: Date;
};

function toRow(t: TallyRecord): TallyRow {
  return {
    id: t.id,
    memberId: t.memberId,
    entrySlot: t.entrySlot === 2 ? 2 : 1,
    enteredById: t.enteredById,
    createdAt: t.createdAt.toISOString(),
    method: t.method === "hands" ? "hands" : "secret",
    official: t.official,
    present: t.present,
    valid: t.valid,
    votes: { L1: t.votesL1, L2: t.votesL2, L3: t.votesL3, L4: t.votesL4 },
    l4Grounds: JSON.parse(t.l4Grounds) as L4Ground[],
  };
}

/** Records a tally; the active entry of the same member and slot is superseded, never changed. */
export async function recordTally(
  db: Db | Tx,
  input: { periodId: string; memberId: string; slot: TallySlot; tally: TallyInput; enteredById: string },
  now: Date,
): Promise<TallyRow> {
  return inTransaction(db, async (tx) => {
    const { periodId, memberId, slot, tally } = input;
    const superseded = await tx.ballotTally.updateMany({
      where: { periodId, memberId, entrySlot: slot, supersededAt: null },
      data: { supersededAt: now },
    });
    const row = await tx.ballotTally.create({
      data: {
        periodId,
        memberId,
        entrySlot: slot,
        method: tally.method,
        official: tally.official,
        present: tally.present,
        valid: tally.valid,
        votesL1: tally.votes.L1,
        votesL2: tally.votes.L2,
        votesL3: tally.votes.L3,
        votesL4: tally.votes.L4,
        l4Grounds: JSON.stringify(tally.l4Grounds ?? []),
        enteredById: input.enteredById,
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      {
        actorId: input.enteredById,
        action: superseded.count > 0 ? "tally.corrected" : "tally.recorded",
        entity: "BallotTally",
        entityId: row.id,
        data: { memberId, periodId, slot, method: tally.method },
      },
      now,
    );
    return toRow(row);
  });
}

/** The active (not superseded) entries of a period, or of one member. */
export async function activeTallies(db: Db | Tx, periodId: string, memberId?: string): Promise<TallyRow[]> {
  const rows = await db.ballotTally.findMany({
    where: { periodId, supersededAt: null, ...(memberId ? { memberId } : {}) },
    orderBy: [{ memberId: "asc" }, { entrySlot: "asc" }],
  });
  return rows.map(toRow);
}

/** Double entry: a disagreement is cleared so that both entries are made again. */
export async function supersedeTallies(db: Db, periodId: string, memberId: string, actorId: string, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.ballotTally.updateMany({ where: { periodId, memberId, supersededAt: null }, data: { supersededAt: now } });
    await recordAudit(
      tx,
      { actorId, action: "tally.reentry-requested", entity: "Member", entityId: memberId, data: { periodId, count } },
      now,
    );
    return count;
  });
}

/** M3: absent from the meeting, evaluated at the next one. `absent: false` undoes a mistaken mark. */
export async function setMeetingAbsence(
  db: Db,
  periodId: string,
  memberId: string,
  absent: boolean,
  actorId: string,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (absent) {
      await tx.meetingAbsence.upsert({
        where: { periodId_memberId: { periodId, memberId } },
        create: { periodId, memberId, recordedAt: now },
        update: {},
      });
    } else await tx.meetingAbsence.deleteMany({ where: { periodId, memberId } });
    await recordAudit(
      tx,
      { actorId, action: absent ? "absence.recorded" : "absence.removed", entity: "Member", entityId: memberId, data: { periodId } },
      now,
    );
  });
}

/**
 * M12: the secretary records that the member presented concrete Ho Chi Minh actions at the meeting. Only the fact and
 * who recorded it are stored here; the member's own words stay in their self-review.
 */
export async function recordHcmPresented(db: Db, periodId: string, memberId: string, actorId: string, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.selfReview.upsert({
      where: { periodId_memberId: { periodId, memberId } },
      create: { periodId, memberId, hcmRecordedById: actorId },
      update: { hcmRecordedById: actorId },
    });
    await recordAudit(tx, { actorId, action: "hcm.recorded", entity: "Member", entityId: memberId, data: { periodId } }, now);
  });
}

/**
 * M12: the branch meeting acknowledged (or, `acknowledged: false`, did not acknowledge) the Ho Chi Minh actions of
 * these members, as the secretary confirms at the meeting. One audit event per member whose state changed.
 */
export async function setHcmAcknowledged(
  db: Db | Tx,
  input: { periodId: string; memberIds: readonly string[]; acknowledged: boolean },
  actorId: string,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { periodId, memberIds, acknowledged } = input;
    // By the period, never by a list of ids: a branch of thousands would exceed SQLite's parameters.
    const existing = await tx.hcmAcknowledgement.findMany({ where: { periodId }, select: { memberId: true } });
    const had = new Set(existing.map((e) => e.memberId));
    const changing = [...new Set(memberIds)].filter((id) => had.has(id) !== acknowledged);
    for (const chunk of chunksOf(changing, ROWS_PER_INSERT)) {
      if (acknowledged)
        await tx.hcmAcknowledgement.createMany({
          data: chunk.map((memberId) => ({ periodId, memberId, recordedById: actorId, recordedAt: now })),
        });
      else await tx.hcmAcknowledgement.deleteMany({ where: { periodId, memberId: { in: chunk } } });
    }
    const action = acknowledged ? "hcm.acknowledged" : "hcm.acknowledgement-withdrawn";
    await recordAudits(
      tx,
      changing.map((memberId) => ({ actorId, action, entity: "Member", entityId: memberId, data: { periodId } })),
      now,
    );
    return changing.length;
  });
}

/** The branch a member belongs to (to check the sender's role before acting on them). */
export async function memberBranch(db: Db, memberId: string): Promise<{ orgId: string; fullName: string } | null> {
  return db.member.findUnique({ where: { id: memberId }, select: { orgId: true, fullName: true } });
}
