// N10: the year's view of a branch lists its quarterly periods with how many self-reviews each has received.
import type { Db } from "./client";

export type QuarterCounts = { periodId: string; quarter: number; selfReviewDeadline: string; submitted: number; late: number };

/** The quarters (1–4) of the year the organization has periods for, in order, with submitted and late counts. */
export async function quarterCounts(db: Db, orgId: string, year: number): Promise<QuarterCounts[]> {
  const periods = await db.reviewPeriod.findMany({
    where: { orgId, year, quarter: { gt: 0 } },
    orderBy: { quarter: "asc" },
    select: { id: true, quarter: true, selfReviewDeadline: true },
  });
  const out: QuarterCounts[] = [];
  for (const p of periods) {
    const submitted = await db.selfReview.count({ where: { periodId: p.id, submittedAt: { not: null } } });
    const late = await db.selfReview.count({ where: { periodId: p.id, submittedAt: { not: null }, late: true } });
    out.push({ periodId: p.id, quarter: p.quarter, selfReviewDeadline: p.selfReviewDeadline.toISOString(), submitted, late });
  }
  return out;
}
