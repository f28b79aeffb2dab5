// N10: "quarterly results feed the year's". The RULES say no more than that: these reads put each quarter's
// results beside the year's judgement (the year's /appraise, /myreview, /status) as information. No rule of the
// year reads them; the year's level is still the year's appraisal and decision.
import type { MemberLevel, ResultState } from "../domain";
import { latestSteps, selfScores } from "./appraisals";
import type { Db } from "./client";
import { latestResults } from "./results";

/** One member's results in one quarter: the self-score, the committee's appraisal, the decided (or proposed) level. */
export type QuarterResult = {
  quarter: number;
  periodId: string;
  closed: boolean;
  submitted: boolean;
  selfTotal: number | null;
  selfLevel: MemberLevel | null;
  appraisalScore: number | null;
  appraisalLevel: MemberLevel | null;
  /** The newest result version of the quarter, when it is a level. */
  decided: { level: MemberLevel; state: ResultState } | null;
};

type QuarterPeriod = { id: string; quarter: number; closedAt: Date | null };

function quarterPeriodsOf(db: Db, orgId: string, year: number): Promise<QuarterPeriod[]> {
  return db.reviewPeriod.findMany({
    where: { orgId, year, quarter: { gt: 0 } },
    orderBy: { quarter: "asc" },
    select: { id: true, quarter: true, closedAt: true },
  });
}

/** Every member's results in one quarter period, by member id. */
async function periodResults(db: Db, p: QuarterPeriod, memberId?: string): Promise<Map<string, QuarterResult>> {
  const [scores, steps, results] = await Promise.all([
    selfScores(db, p.id, memberId),
    latestSteps(db, p.id, memberId),
    latestResults(db, p.id),
  ]);
  const ids = new Set([...scores.keys(), ...steps.keys(), ...results.keys()].filter((id) => !memberId || id === memberId));
  const out = new Map<string, QuarterResult>();
  for (const id of ids) {
    const self = scores.get(id);
    const appraisal = steps.get(id)?.appraisal;
    const result = results.get(id);
    out.set(id, {
      quarter: p.quarter,
      periodId: p.id,
      closed: p.closedAt !== null,
      submitted: self?.submitted ?? false,
      selfTotal: self?.total ?? null,
      selfLevel: self?.proposed ?? null,
      appraisalScore: appraisal?.score ?? null,
      appraisalLevel: appraisal?.level ?? null,
      decided: result?.outcome.kind === "level" ? { level: result.outcome.level, state: result.state } : null,
    });
  }
  return out;
}

/**
 * One member's quarter results in the year of `periodId`, a year period of their branch (only the quarters with
 * something recorded); none when `periodId` is itself a quarter (a quarter is not judged on the others).
 */
export async function memberQuarterResults(
  db: Db,
  periodId: string,
  memberId: string,
): Promise<{ year: number; quarters: QuarterResult[] }> {
  const period = await db.reviewPeriod.findUnique({ where: { id: periodId }, select: { orgId: true, year: true, quarter: true } });
  if (!period || period.quarter > 0) return { year: period?.year ?? 0, quarters: [] };
  const quarters: QuarterResult[] = [];
  for (const p of await quarterPeriodsOf(db, period.orgId, period.year)) {
    const found = (await periodResults(db, p, memberId)).get(memberId);
    if (found) quarters.push(found);
  }
  return { year: period.year, quarters };
}

export type LevelCounts = Record<MemberLevel, number>;

/** A branch's quarters of a year: per quarter, how many members' newest result is each level (revoked ones aside). */
export async function branchQuarterLevels(db: Db, orgId: string, year: number): Promise<Map<string, LevelCounts>> {
  const out = new Map<string, LevelCounts>();
  for (const p of await quarterPeriodsOf(db, orgId, year)) {
    const counts: LevelCounts = { L1: 0, L2: 0, L3: 0, L4: 0 };
    for (const r of (await latestResults(db, p.id)).values())
      if (r.outcome.kind === "level" && r.state !== "revoked") counts[r.outcome.level] += 1;
    out.set(p.id, counts);
  }
  return out;
}

/** A branch's members' quarter results in a year, by member id (each member's quarters in order). */
export async function branchQuarterResults(db: Db, orgId: string, year: number): Promise<Map<string, QuarterResult[]>> {
  const out = new Map<string, QuarterResult[]>();
  for (const p of await quarterPeriodsOf(db, orgId, year))
    for (const [memberId, r] of await periodResults(db, p)) out.set(memberId, [...(out.get(memberId) ?? []), r]);
  return out;
}
