// A period's values of the RULES-2025 open points (ReviewPeriod.openPoints): read, and changed one at a time, audited.
import type { OpenPointKey, OpenPointValue } from "../domain/open-point-choices";
import { openPointsSchema } from "../domain/open-points";
import type { OpenPoints } from "../domain/rulebook";
import { recordAudit } from "./audit";
import { inTransaction, type Db } from "./client";

export type PeriodOpenPoints = {
  periodId: string;
  orgId: string;
  orgName: string;
  year: number;
  quarter: number;
  rulebookId: string;
  stored: OpenPoints;
};

/** What a stored value holds, read strictly: anything else (never written by the bot) counts as nothing set. */
function parseStored(json: string): OpenPoints {
  try {
    const parsed = openPointsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function periodOpenPoints(db: Db, periodId: string): Promise<PeriodOpenPoints | null> {
  const p = await db.reviewPeriod.findUnique({ where: { id: periodId }, include: { org: { select: { name: true } } } });
  if (!p) return null;
  return {
    periodId: p.id,
    orgId: p.orgId,
    orgName: p.org.name,
    year: p.year,
    quarter: p.quarter,
    rulebookId: p.rulebookId,
    stored: parseStored(p.openPoints),
  };
}

/** The open periods of the organizations directly under a committee, by name (which branches /openpoints offers). */
export async function openPeriodsUnder(
  db: Db,
  committeeId: string,
): Promise<Array<{ periodId: string; orgName: string; year: number; quarter: number; rulebookId: string }>> {
  const rows = await db.reviewPeriod.findMany({
    where: { closedAt: null, org: { parentId: committeeId } },
    include: { org: { select: { name: true } } },
    orderBy: [{ org: { name: "asc" } }, { year: "desc" }, { quarter: "desc" }],
  });
  return rows.map((p) => ({ periodId: p.id, orgName: p.org.name, year: p.year, quarter: p.quarter, rulebookId: p.rulebookId }));
}

/** Sets one point of a period; audited with the value before (the values are rules, not personal data). */
export async function setOpenPoint(
  db: Db,
  periodId: string,
  key: OpenPointKey,
  value: OpenPointValue,
  actorId: string,
  now: Date,
): Promise<OpenPoints> {
  return inTransaction(db, async (tx) => {
    const p = await tx.reviewPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { openPoints: true } });
    const before = parseStored(p.openPoints);
    const after = openPointsSchema.parse({ ...before, [key]: value });
    await tx.reviewPeriod.update({ where: { id: periodId }, data: { openPoints: JSON.stringify(after) } });
    await recordAudit(
      tx,
      {
        actorId,
        action: "period.open-point",
        entity: "ReviewPeriod",
        entityId: periodId,
        data: { key, value, before: before[key] ?? null },
      },
      now,
    );
    return after;
  });
}
