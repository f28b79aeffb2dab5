// N10: a branch's secretary closes a quarterly period. Closed, it is no longer anyone's current period (every
// "current period" read filters closedAt), reminders and late alerts stop (planning and sending skip closed periods),
// and the year (quarter 0) is the branch's current period again; its results stay for /recognize and the year's view.
// No reopening: closing deletes nothing and the committee above still recognizes what was proposed, so nothing is
// lost; the RULES know no reopened quarter, and reopening would have to decide again about reminders already skipped
// and a year that became current meanwhile. A quarter closed too early is told so in the confirmation beforehand.
import { recordAudit } from "./audit";
import { inTransaction, type Db } from "./client";
import { toRow, type PeriodRow } from "./periods";

/** The open quarterly periods of an organization, newest first (what /period offers to close). */
export async function openQuarters(db: Db, orgId: string): Promise<PeriodRow[]> {
  const rows = await db.reviewPeriod.findMany({
    where: { orgId, closedAt: null, quarter: { gt: 0 } },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
  });
  return rows.map(toRow);
}

/** What the confirmation says before closing: the deadline not passed yet, self-reviews and appraisals unfinished. */
export type QuarterCloseFacts = {
  period: PeriodRow;
  orgName: string;
  deadlinePassed: boolean;
  /** Members who are reviewed (not exempt). */
  members: number;
  submitted: number;
  appraised: number;
};

export async function quarterCloseFacts(db: Db, periodId: string, now: Date): Promise<QuarterCloseFacts | null> {
  const found = await db.reviewPeriod.findUnique({ where: { id: periodId }, include: { org: { select: { name: true } } } });
  if (!found || found.quarter === 0 || found.closedAt) return null;
  const { org, ...period } = found;
  const reviewed = { orgId: period.orgId, exempt: false };
  const [members, submitted, appraised] = await Promise.all([
    db.member.count({ where: reviewed }),
    db.selfReview.count({ where: { periodId, submittedAt: { not: null }, member: reviewed } }),
    db.memberAppraisal.findMany({ where: { periodId, step: "appraisal" }, select: { memberId: true }, distinct: ["memberId"] }),
  ]);
  return {
    period: toRow(period),
    orgName: org.name,
    deadlinePassed: now.getTime() > period.selfReviewDeadline.getTime(),
    members,
    submitted,
    appraised: appraised.length,
  };
}

export type CloseQuarterResult = { ok: true; period: PeriodRow } | { ok: false; reason: "not-found" | "not-quarter" | "closed" };

/** Closes a quarter once (a second close, or a year, is refused); audited with ids only. */
export async function closeQuarter(db: Db, periodId: string, actorId: string, now: Date): Promise<CloseQuarterResult> {
  return inTransaction(db, async (tx) => {
    const period = await tx.reviewPeriod.findUnique({ where: { id: periodId } });
    if (!period) return { ok: false as const, reason: "not-found" as const };
    if (period.quarter === 0) return { ok: false as const, reason: "not-quarter" as const };
    const closed = await tx.reviewPeriod.updateMany({ where: { id: periodId, closedAt: null }, data: { closedAt: now } });
    if (closed.count === 0) return { ok: false as const, reason: "closed" as const };
    await recordAudit(
      tx,
      {
        actorId,
        action: "period.closed",
        entity: "ReviewPeriod",
        entityId: periodId,
        data: { year: period.year, quarter: period.quarter },
      },
      now,
    );
    return { ok: true as const, period: toRow({ ...period, closedAt: now }) };
  });
}
