// N10: the year's view of a branch lists its quarterly periods with how many self-reviews each has received,
// whether it is closed, and how many members' results are each level (the quarters feed the year's: information).
import type { Db } from "./client";
import { branchQuarterLevels, type LevelCounts } from "./quarter-results";

export type QuarterCounts = {
  periodId: string;
  quarter: number;
  selfReviewDeadline: string;
  submitted: number;
  late: number;
  closed: boolean;
  levels: LevelCounts;
};

/** The quarters (1–4) of the year the organization has periods for, in order, with submitted and late counts. */
export async function quarterCounts(db: Db, orgId: string, year: number): Promise<QuarterCounts[]> {
  const periods = await db.reviewPeriod.findMany({
    where: { orgId, year, quarter: { gt: 0 } },
    orderBy: { quarter: "asc" },
    select: { id: true, quarter: true, selfReviewDeadline: true, closedAt: true },
  });
  const levels = await branchQuarterLevels(db, orgId, year);
  const out: QuarterCounts[] = [];
  for (const p of periods) {
    const submitted = await db.selfReview.count({ where: { periodId: p.id, submittedAt: { not: null } } });
    const late = await db.selfReview.count({ where: { periodId: p.id, submittedAt: { not: null }, late: true } });
    const none = { L1: 0, L2: 0, L3: 0, L4: 0 };
    const deadline = p.selfReviewDeadline.toISOString();
    const closed = p.closedAt !== null;
    out.push({
      periodId: p.id,
      quarter: p.quarter,
      selfReviewDeadline: deadline,
      submitted,
      late,
      closed,
      levels: levels.get(p.id) ?? none,
    });
  }
  return out;
}
