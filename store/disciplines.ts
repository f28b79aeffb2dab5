// M9: the decisions of discipline the branch secretary records for a member. A wrongly entered decision is marked
// removed (who, when), never deleted, and every change is audited (never any review text).
import type { DisciplineInput, DisciplineLevel, DisciplineSource } from "../domain";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { dateToDay, dayToDate } from "./dates";

export type DisciplineRow = DisciplineInput & { id: string; memberId: string };

type DisciplineRecord = {
  id: string;
  memberId: string;
  level: string;
  source: string;
  decidedOn: Date;
  endsOn: Date | null;
  decisionNumber: string | null;
};

const toRow = (d: DisciplineRecord): DisciplineRow => ({
  id: d.id,
  memberId: d.memberId,
  level: d.level as DisciplineLevel,
  source: d.source as DisciplineSource,
  decidedOn: dateToDay(d.decidedOn),
  endsOn: dateToDay(d.endsOn),
  decisionNumber: d.decisionNumber,
});

/**
 * The decisions on record (not removed) of one member, or of every member of a branch (by the branch, not by a list
 * of ids: a list of thousands would exceed SQLite's parameters), oldest decision first.
 */
export async function recordedDisciplines(db: Db | Tx, of: { memberId: string } | { orgId: string }): Promise<DisciplineRow[]> {
  const rows = await db.discipline.findMany({
    where: { ...("memberId" in of ? { memberId: of.memberId } : { member: { orgId: of.orgId } }), removedAt: null },
    orderBy: [{ decidedOn: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toRow);
}

export async function recordDiscipline(
  db: Db,
  input: { memberId: string; decision: DisciplineInput },
  actorId: string,
  now: Date,
): Promise<DisciplineRow> {
  const { memberId, decision } = input;
  return inTransaction(db, async (tx) => {
    const row = await tx.discipline.create({
      data: {
        memberId,
        level: decision.level,
        source: decision.source,
        decidedOn: dayToDate(decision.decidedOn),
        endsOn: decision.endsOn ? dayToDate(decision.endsOn) : null,
        decisionNumber: decision.decisionNumber?.trim() || null,
        recordedById: actorId,
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      {
        actorId,
        action: "discipline.recorded",
        entity: "Discipline",
        entityId: row.id,
        data: { memberId, level: decision.level, source: decision.source, decidedOn: decision.decidedOn, endsOn: decision.endsOn ?? null },
      },
      now,
    );
    return toRow(row);
  });
}

/** The member (and their branch) a recorded decision belongs to, to check the sender's role before acting on it. */
export async function disciplineOwner(db: Db, disciplineId: string): Promise<{ memberId: string; removed: boolean } | null> {
  const row = await db.discipline.findUnique({ where: { id: disciplineId }, select: { memberId: true, removedAt: true } });
  return row && { memberId: row.memberId, removed: row.removedAt !== null };
}

/** Marks a wrongly entered decision removed; false if it was already removed (or never existed). */
export async function removeDiscipline(db: Db, disciplineId: string, actorId: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.discipline.updateMany({
      where: { id: disciplineId, removedAt: null },
      data: { removedAt: now, removedById: actorId },
    });
    if (count > 0) await recordAudit(tx, { actorId, action: "discipline.removed", entity: "Discipline", entityId: disciplineId }, now);
    return count > 0;
  });
}

export type DisciplineListEntry = { memberId: string; fullName: string; decisions: number };

/** The branch's members in roster order, each with how many decisions are on record (the /discipline list). */
export async function branchDisciplineList(db: Db, orgId: string): Promise<DisciplineListEntry[]> {
  const members = await db.member.findMany({
    where: { orgId },
    select: { id: true, fullName: true, _count: { select: { disciplines: { where: { removedAt: null } } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return members.map((m) => ({ memberId: m.id, fullName: m.fullName, decisions: m._count.disciplines }));
}
