import { getRulebook } from "../domain/rulebooks";
import { inTransaction, type Db, type Tx } from "./client";
import { recordAudit } from "./audit";

export type PeriodRow = {
  id: string;
  orgId: string;
  year: number;
  /** 0: the year; 1–4: a quarter of it (N10). */
  quarter: number;
  rulebookId: string;
  selfReviewDeadline: string;
  meetingDate: string | null;
  reportDeadline: string;
  reminderOffsets: number[];
  closedAt: string | null;
};

type PeriodRecord = {
  id: string;
  orgId: string;
  year: number;
  quarter: number;
  rulebookId: string;
  selfReviewDeadline: Date;
  meetingDate: Date | null;
  reportDeadline: Date;
  reminderOffsets: string;
  closedAt: Date | null;
};

export function toRow(p: PeriodRecord): PeriodRow {
  return {
    id: p.id,
    orgId: p.orgId,
    year: p.year,
    quarter: p.quarter,
    rulebookId: p.rulebookId,
    selfReviewDeadline: p.selfReviewDeadline.toISOString(),
    meetingDate: p.meetingDate?.toISOString() ?? null,
    reportDeadline: p.reportDeadline.toISOString(),
    reminderOffsets: JSON.parse(p.reminderOffsets) as number[],
    closedAt: p.closedAt?.toISOString() ?? null,
  };
}

/**
 * Which open period is an organization's current one when a year and its quarters coexist (N10): the newest year,
 * and in it the latest quarter (the year itself, quarter 0, before its quarters). With yearly periods only (2011),
 * the newest year, as before quarters existed. Every query of "the" period of an organization orders by this.
 */
export const CURRENT_FIRST = [{ year: "desc" as const }, { quarter: "desc" as const }];

/**
 * Opens (or re-dates) the review period of a year (or, with `quarter`, of a quarter of it) for an organization. Dates are ISO instants. The reminder days are
 * the rulebook's unless given: the period keeps its own copy, so a later edit of the rulebook does not move them.
 */
export async function openPeriod(
  db: Db | Tx,
  input: {
    orgId: string;
    year: number;
    quarter?: number;
    rulebookId: string;
    selfReviewDeadline: string;
    reportDeadline: string;
    meetingDate?: string | null;
    reminderOffsets?: number[];
  },
  actorId: string | null,
  now: Date,
): Promise<PeriodRow> {
  return inTransaction(db, async (tx) => {
    const data = {
      rulebookId: input.rulebookId,
      selfReviewDeadline: new Date(input.selfReviewDeadline),
      reportDeadline: new Date(input.reportDeadline),
      meetingDate: input.meetingDate ? new Date(input.meetingDate) : null,
      reminderOffsets: JSON.stringify(input.reminderOffsets ?? getRulebook(input.rulebookId).reminders.offsetsDays),
    };
    const quarter = input.quarter ?? 0;
    const period = await tx.reviewPeriod.upsert({
      where: { orgId_year_quarter: { orgId: input.orgId, year: input.year, quarter } },
      create: { orgId: input.orgId, year: input.year, quarter, ...data },
      update: data,
    });
    await recordAudit(
      tx,
      {
        actorId,
        action: "period.opened",
        entity: "ReviewPeriod",
        entityId: period.id,
        data: { year: input.year, quarter, rulebookId: input.rulebookId, selfReviewDeadline: input.selfReviewDeadline },
      },
      now,
    );
    return toRow(period);
  });
}

/** The open period of an organization: the newest not closed (CURRENT_FIRST). */
export async function currentPeriod(db: Db, orgId: string): Promise<PeriodRow | null> {
  const period = await db.reviewPeriod.findFirst({ where: { orgId, closedAt: null }, orderBy: CURRENT_FIRST });
  return period ? toRow(period) : null;
}

export async function getPeriod(db: Db, periodId: string): Promise<PeriodRow | null> {
  const period = await db.reviewPeriod.findUnique({ where: { id: periodId } });
  return period ? toRow(period) : null;
}

/** Whether the organization already has the period of that year and quarter (open or closed). */
export async function periodExists(db: Db, orgId: string, year: number, quarter: number): Promise<boolean> {
  const found = await db.reviewPeriod.findUnique({ where: { orgId_year_quarter: { orgId, year, quarter } }, select: { id: true } });
  return found !== null;
}

/**
 * /period: opens the next period of an existing organization (a year, or a quarter of it, N10). One that exists is
 * never re-dated here (its dates change with /deadline): the secretary is told it is there.
 */
export async function openNextPeriod(
  db: Db,
  input: { orgId: string; year: number; quarter: number; rulebookId: string; selfReviewDeadline: string; reportDeadline: string },
  actorId: string,
  now: Date,
): Promise<{ ok: true; period: PeriodRow } | { ok: false; reason: "exists" }> {
  return inTransaction(db, async (tx) => {
    const key = { orgId_year_quarter: { orgId: input.orgId, year: input.year, quarter: input.quarter } };
    if (await tx.reviewPeriod.findUnique({ where: key, select: { id: true } })) return { ok: false as const, reason: "exists" as const };
    return { ok: true as const, period: await openPeriod(tx, input, actorId, now) };
  });
}

/** The quarters of a year an organization has periods for (N10), for the year's view. */
export async function quarterPeriods(db: Db, orgId: string, year: number): Promise<PeriodRow[]> {
  const rows = await db.reviewPeriod.findMany({ where: { orgId, year, quarter: { gt: 0 } }, orderBy: { quarter: "asc" } });
  return rows.map(toRow);
}
