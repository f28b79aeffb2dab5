// N7 step 2 (RULES-2025): "the branch committee (or an assigned person) appraises". The branch's secretary assigns
// a roster entry to appraise in one period, or withdraws the assignment (kept, with revokedAt, for the record). An
// assignment counts only while not withdrawn, only in its period, and never over the assigned person's own entry.
// The audit names ids only.
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";

export type AssignedAppraiser = {
  memberId: string;
  fullName: string;
  userId: string | null;
  telegramId: string | null;
  language: string | null;
};

type Change = { periodId: string; memberId: string; actorId: string };
export type AssignmentChange = { ok: true; appraiser: AssignedAppraiser } | { ok: false; error: "not-in-branch" | "unchanged" };

const ACTIVE = { revokedAt: null } as const;

/** The roster entry with its account, when it belongs to the period's branch. */
async function branchEntry(db: Db | Tx, periodId: string, memberId: string): Promise<AssignedAppraiser | null> {
  const [period, member] = await Promise.all([
    db.reviewPeriod.findUnique({ where: { id: periodId }, select: { orgId: true } }),
    db.member.findUnique({
      where: { id: memberId },
      select: { orgId: true, fullName: true, userId: true, user: { select: { telegramId: true, language: true } } },
    }),
  ]);
  if (!period || !member || member.orgId !== period.orgId) return null;
  return {
    memberId,
    fullName: member.fullName,
    userId: member.userId,
    telegramId: member.user?.telegramId ?? null,
    language: member.user?.language ?? null,
  };
}

/** Assigns the roster entry to appraise in the period (once: a second assignment changes nothing). */
export async function assignAppraiser(db: Db, input: Change, now: Date): Promise<AssignmentChange> {
  return inTransaction(db, async (tx): Promise<AssignmentChange> => {
    const appraiser = await branchEntry(tx, input.periodId, input.memberId);
    if (!appraiser) return { ok: false, error: "not-in-branch" };
    const { periodId, memberId } = input;
    if (await tx.appraiserAssignment.findFirst({ where: { periodId, memberId, ...ACTIVE }, select: { id: true } }))
      return { ok: false, error: "unchanged" };
    const row = await tx.appraiserAssignment.create({ data: { periodId, memberId, createdById: input.actorId, createdAt: now } });
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: "appraiser.assigned",
        entity: "AppraiserAssignment",
        entityId: row.id,
        data: { periodId, memberId },
      },
      now,
    );
    return { ok: true, appraiser };
  });
}

/** Withdraws the entry's assignment in the period (none in force: nothing changes). */
export async function withdrawAppraiser(db: Db, input: Change, now: Date): Promise<AssignmentChange> {
  return inTransaction(db, async (tx): Promise<AssignmentChange> => {
    const appraiser = await branchEntry(tx, input.periodId, input.memberId);
    if (!appraiser) return { ok: false, error: "not-in-branch" };
    const { periodId, memberId } = input;
    const active = await tx.appraiserAssignment.findMany({ where: { periodId, memberId, ...ACTIVE }, select: { id: true } });
    if (active.length === 0) return { ok: false, error: "unchanged" };
    await tx.appraiserAssignment.updateMany({
      where: { id: { in: active.map((a) => a.id) } },
      data: { revokedAt: now, revokedById: input.actorId },
    });
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: "appraiser.withdrawn",
        entity: "AppraiserAssignment",
        entityId: active[0]!.id,
        data: { periodId, memberId },
      },
      now,
    );
    return { ok: true, appraiser };
  });
}

/** The roster entries assigned in the period now, in roster order. */
export async function assignedAppraisers(db: Db | Tx, periodId: string): Promise<AssignedAppraiser[]> {
  const rows = await db.appraiserAssignment.findMany({ where: { periodId, ...ACTIVE }, select: { memberId: true } });
  const members = await db.member.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.memberId))] } },
    select: { id: true, fullName: true, userId: true, user: { select: { telegramId: true, language: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return members.map((m) => ({
    memberId: m.id,
    fullName: m.fullName,
    userId: m.userId,
    telegramId: m.user?.telegramId ?? null,
    language: m.user?.language ?? null,
  }));
}

/** The roster entries of the user's that are assigned in the period now (the person may be on it once). */
export async function assignedEntriesOf(db: Db | Tx, userId: string, periodId: string): Promise<string[]> {
  const period = await db.reviewPeriod.findUnique({ where: { id: periodId }, select: { orgId: true } });
  if (!period) return [];
  const entries = await db.member.findMany({ where: { userId, orgId: period.orgId }, select: { id: true } });
  const rows = await db.appraiserAssignment.findMany({
    where: { periodId, memberId: { in: entries.map((e) => e.id) }, ...ACTIVE },
    select: { memberId: true },
  });
  return rows.map((r) => r.memberId);
}

/**
 * The roster entries the secretary may assign in the period: not assigned already, and not held by someone who
 * appraises anyway (the branch's secretary or a committee member). Roster order.
 */
export async function assignableEntries(db: Db, periodId: string): Promise<Array<{ memberId: string; fullName: string }>> {
  const period = await db.reviewPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { orgId: true } });
  const [members, assigned, committee] = await Promise.all([
    db.member.findMany({
      where: { orgId: period.orgId },
      select: { id: true, fullName: true, userId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.appraiserAssignment.findMany({ where: { periodId, ...ACTIVE }, select: { memberId: true } }),
    db.roleGrant.findMany({ where: { orgId: period.orgId, role: { in: ["secretary", "committee"] } }, select: { userId: true } }),
  ]);
  const taken = new Set(assigned.map((a) => a.memberId));
  const appraising = new Set(committee.map((g) => g.userId));
  return members
    .filter((m) => !taken.has(m.id) && !(m.userId && appraising.has(m.userId)))
    .map((m) => ({ memberId: m.id, fullName: m.fullName }));
}
