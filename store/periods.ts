import { getRulebook } from "../domain/rulebooks";
import { inTransaction, type Db, type Tx } from "./client";
import { recordAudit } from "./audit";

export type PeriodRow = {
  id: string;
  orgId: string;
  year: number;
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
    rulebookId: p.rulebookId,
    selfReviewDeadline: p.selfReviewDeadline.toISOString(),
    meetingDate: p.meetingDate?.toISOString() ?? null,
    reportDeadline: p.reportDeadline.toISOString(),
    reminderOffsets: JSON.parse(p.reminderOffsets) as number[],
    closedAt: p.closedAt?.toISOString() ?? null,
  };
}

/**
 * Opens (or re-dates) the review period of a year for an organization. Dates are ISO instants. The reminder days are
 * the rulebook's unless given: the period keeps its own copy, so a later edit of the rulebook does not move them.
 */
export async function openPeriod(
  db: Db | Tx,
  input: {
    orgId: string;
    year: number;
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
    const period = await tx.reviewPeriod.upsert({
      where: { orgId_year_quarter: { orgId: input.orgId, year: input.year, quarter: 0 } },
      create: { orgId: input.orgId, year: input.year, ...data },
      update: data,
    });
    await recordAudit(
      tx,
      {
        actorId,
        action: "period.opened",
        entity: "ReviewPeriod",
        entityId: period.id,
        data: { year: input.year, selfReviewDeadline: input.selfReviewDeadline },
      },
      now,
    );
    return toRow(period);
  });
}

/** The open period of an organization: the newest not closed. */
export async function currentPeriod(db: Db, orgId: string): Promise<PeriodRow | null> {
  const period = await db.reviewPeriod.findFirst({ where: { orgId, closedAt: null }, orderBy: { year: "desc" } });
  return period ? toRow(period) : null;
}

export async function getPeriod(db: Db, periodId: string): Promise<PeriodRow | null> {
  const period = await db.reviewPeriod.findUnique({ where: { id: periodId } });
  return period ? toRow(period) : null;
}
