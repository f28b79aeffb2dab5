// M8 tie decisions and M15 recognition / M14 revocation: each a new result version with who, when and why.
import {
  recognizeResult,
  revokeResult,
  validateCapResolutions,
  type CapResolution,
  type ResultErrorCode,
  type ResultVersion,
} from "../domain";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { latestResults, outcomeCode, toStoredResult, writeRecognizedVersion, type StoredResult } from "./results";
import { idRow, query } from "./sqlite";

export type ResultWithMember = StoredResult & {
  fullName: string;
  userId: string | null;
  telegramId: string | null;
  language: string | null;
};

/**
 * M8: the secretary picks one tied member to keep L1. Once as many are picked as there are seats, the others are
 * recorded as L2. Returns true when the tie is fully decided.
 */
export async function chooseCapKeeper(
  db: Db,
  input: { periodId: string; candidates: string[]; seatsLeft: number; memberId: string; actorId: string },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { periodId, candidates, seatsLeft, memberId, actorId } = input;
    const existing = await tx.capDecision.findMany({ where: { periodId, memberId: { in: candidates }, level: "L1" } });
    let keepers = [...new Set([...existing.map((d) => d.memberId), memberId])];
    // Decisions from an earlier, different tie must not fill the seats of this one.
    if (keepers.length > seatsLeft) keepers = [memberId];
    await tx.capDecision.deleteMany({ where: { periodId, memberId: { in: candidates } } });
    const done = keepers.length === seatsLeft;
    const levels: Record<string, CapResolution> = {};
    for (const id of candidates) if (keepers.includes(id) || done) levels[id] = keepers.includes(id) ? "L1" : "L2";
    for (const [id, level] of Object.entries(levels))
      await tx.capDecision.create({ data: { periodId, memberId: id, level, decidedById: actorId, decidedAt: now } });
    await recordAudit(
      tx,
      { actorId, action: "cap.decided", entity: "ReviewPeriod", entityId: periodId, data: { keeper: memberId, done } },
      now,
    );
    return done && validateCapResolutions(candidates, seatsLeft, levels).length === 0;
  });
}

/** The newest version of every member of the period, with names and contacts, in roster order. */
export async function branchResults(db: Db | Tx, periodId: string): Promise<ResultWithMember[]> {
  const latest = await latestResults(db, periodId);
  const members = await db.member.findMany({
    // By relation, not `id IN (…)`: with an ORDER BY, Prisma cannot split a list of a thousand ids (P2029).
    where: { results: { some: { periodId } } },
    include: { user: { select: { telegramId: true, language: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return members.map((m) => ({
    ...latest.get(m.id)!,
    fullName: m.fullName,
    userId: m.userId,
    telegramId: m.user?.telegramId ?? null,
    language: m.user?.language ?? null,
  }));
}

/**
 * Branches under the given organizations with proposed levels waiting for recognition: each open period, a year or a
 * quarter (N10, each its own line), and a closed quarter while it still has proposed levels.
 */
export async function branchesAwaitingRecognition(db: Db, upperOrgIds: string[]) {
  const closedWaiting = closedQuartersWaiting(db)
    .all(JSON.stringify(upperOrgIds))
    .map((r) => r.id);
  const periods = await db.reviewPeriod.findMany({
    where: { OR: [{ closedAt: null }, { id: { in: closedWaiting } }], org: { parentId: { in: upperOrgIds } } },
    include: { org: { select: { name: true } } },
    orderBy: [{ org: { name: "asc" } }, { orgId: "asc" }, { year: "desc" }, { quarter: "asc" }],
  });
  type Line = { orgId: string; orgName: string; periodId: string; year: number; quarter: number; proposed: number; recognized: number };
  const out: Line[] = [];
  for (const p of periods) {
    const results = [...(await latestResults(db, p.id)).values()];
    const proposed = results.filter((r) => r.state === "proposed" && r.outcome.kind === "level").length;
    const recognized = results.filter((r) => r.state === "recognized").length;
    const waiting = p.closedAt ? proposed > 0 : proposed + recognized > 0;
    if (waiting) out.push({ orgId: p.orgId, orgName: p.org.name, periodId: p.id, year: p.year, quarter: p.quarter, proposed, recognized });
  }
  return out;
}

/**
 * The closed quarters (N10) under the organizations (a JSON array of ids) where some member's newest result is a
 * proposed level: read in one statement, so closed quarters piling up over the years are not each read again.
 */
const closedQuartersWaiting = (db: Db) =>
  query(
    db,
    `SELECT DISTINCT p.id AS id FROM ReviewPeriod p JOIN Organization o ON o.id = p.orgId JOIN MemberResult r ON r.periodId = p.id
      WHERE p.closedAt IS NOT NULL AND p.quarter > 0 AND o.parentId IN (SELECT value FROM json_each(?))
        AND r.state = 'proposed' AND r.outcome IN ('L1', 'L2', 'L3', 'L4')
        AND NOT EXISTS (SELECT 1 FROM MemberResult s WHERE s.periodId = r.periodId AND s.memberId = r.memberId AND s.version > r.version)`,
    idRow,
  );

function asVersion(r: StoredResult): ResultVersion {
  return { version: r.version, state: r.state, outcome: r.outcome, by: "", at: r.createdAt };
}

/** M15: recognizes the proposed levels of a period (all, or the listed members). Returns what was recognized. */
export async function recognizeResults(
  db: Db | Tx,
  input: { periodId: string; memberIds?: string[]; actorId: string },
  now: Date,
): Promise<ResultWithMember[]> {
  // Read inside the transaction that writes: a revocation or a pass at the same moment numbers after it, not with it.
  return inTransaction(db, async (tx) => {
    const current = await branchResults(tx, input.periodId);
    const chosen = current.filter((r) => !input.memberIds || input.memberIds.includes(r.memberId));
    const done: ResultWithMember[] = [];
    for (const r of chosen) {
      if (!recognizeResult([asVersion(r)], { by: input.actorId, at: now.toISOString() }).ok) continue;
      const next = { periodId: input.periodId, memberId: r.memberId, version: r.version + 1, outcome: r.outcome, inputs: r.inputs };
      const row = await writeRecognizedVersion(tx, { ...next, actorId: input.actorId }, { action: "result.recognized", data: {} }, now);
      done.push({ ...r, ...toStoredResult(row) });
    }
    return done;
  });
}

/** M14: revokes the current result with who, when and why; the next tally proposes again. */
export async function revokeMemberResult(
  db: Db,
  input: { periodId: string; memberId: string; why: string; actorId: string },
  now: Date,
): Promise<{ ok: true; result: StoredResult } | { ok: false; error: ResultErrorCode }> {
  return inTransaction(db, async (tx) => {
    const latest = (await latestResults(tx, input.periodId)).get(input.memberId);
    const check = revokeResult(latest ? [asVersion(latest)] : [], { by: input.actorId, at: now.toISOString(), why: input.why });
    if (!check.ok) return check;
    const why = input.why.trim();
    const row = await tx.memberResult.create({
      data: {
        periodId: input.periodId,
        memberId: input.memberId,
        version: latest!.version + 1,
        outcome: outcomeCode(latest!.outcome),
        reasons: JSON.stringify(latest!.outcome.reasons),
        inputs: JSON.stringify(latest!.inputs),
        state: "revoked",
        createdById: input.actorId,
        createdAt: now,
        revokedAt: now,
        revokedById: input.actorId,
        revokeReason: why,
      },
    });
    // The reason is the upper committee's official wording, not review text; the audit keeps only that it was given.
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: "result.revoked",
        entity: "MemberResult",
        entityId: row.id,
        data: { memberId: input.memberId, version: row.version },
      },
      now,
    );
    return { ok: true as const, result: toStoredResult(row) };
  });
}

/** The branch of a period and the organization above it (to check who may recognize). */
export async function periodBranch(db: Db, periodId: string) {
  const p = await db.reviewPeriod.findUnique({ where: { id: periodId }, include: { org: { select: { name: true, parentId: true } } } });
  return (
    p && {
      periodId: p.id,
      orgId: p.orgId,
      orgName: p.org.name,
      parentId: p.org.parentId,
      year: p.year,
      quarter: p.quarter,
      rulebookId: p.rulebookId,
    }
  );
}
