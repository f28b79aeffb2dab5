// What /status reads: per branch, each member's submission, absence, counts and current result, loaded with one
// query per table for any number of branches (an upper committee's 1,000 branches included).
import type { MemberLevel, MemberOutcome, ResultState, StatusMember } from "../domain";
import type { Db } from "./client";
import { memberStatus } from "./rating-inputs";

export type BranchStatusInputs = {
  orgId: string;
  orgName: string;
  period: { id: string; year: number; selfReviewDeadline: string };
  members: StatusMember[];
};

const LEVELS = new Set(["L1", "L2", "L3", "L4"]);
/** Status only needs the kind and level of an outcome; the reasons stay in the result's own rows. */
const slimOutcome = (code: string): MemberOutcome =>
  LEVELS.has(code) ? { kind: "level", level: code as MemberLevel, reasons: [] } : { kind: code as "undecided", reasons: [] };

/** The open period of each organization with its members; organizations without an open period are left out. */
export async function loadStatusInputs(db: Db, orgIds: string[], now: string): Promise<BranchStatusInputs[]> {
  const periods = await db.reviewPeriod.findMany({
    where: { orgId: { in: orgIds }, closedAt: null },
    select: { id: true, orgId: true, year: true, selfReviewDeadline: true, org: { select: { name: true } } },
    orderBy: { year: "asc" },
  });
  const periodOf = new Map(periods.map((p) => [p.orgId, p])); // the newest open period wins
  const periodIds = [...periodOf.values()].map((p) => p.id);
  const [members, reviews, absences, tallies, results] = await Promise.all([
    db.member.findMany({
      where: { orgId: { in: [...periodOf.keys()] } },
      select: {
        id: true, orgId: true, fullName: true, kind: true, exempt: true, retiredNotMoved: true, workingAwaySince: true,
        isLeader: true, group: { select: { name: true } }, user: { select: { unreachableAt: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.selfReview.findMany({ where: { periodId: { in: periodIds } }, select: { memberId: true, submittedAt: true } }),
    db.meetingAbsence.findMany({ where: { periodId: { in: periodIds } }, select: { memberId: true } }),
    db.ballotTally.findMany({ where: { periodId: { in: periodIds }, supersededAt: null }, select: { memberId: true }, distinct: ["memberId"] }),
    db.memberResult.findMany({ where: { periodId: { in: periodIds } }, select: { memberId: true, outcome: true, state: true }, orderBy: { version: "asc" } }),
  ]);
  const review = new Map(reviews.map((r) => [r.memberId, { submittedAt: r.submittedAt?.toISOString() ?? null }]));
  const absent = new Set(absences.map((a) => a.memberId));
  const counted = new Set(tallies.map((t) => t.memberId));
  const result = new Map(results.map((r) => [r.memberId, r])); // ascending versions: the last one stays

  const byOrg = new Map<string, StatusMember[]>();
  for (const m of members) {
    const r = result.get(m.id);
    const row: StatusMember = {
      id: m.id, name: m.fullName, group: m.group?.name ?? null, status: memberStatus(m, now), review: review.get(m.id),
      absent: absent.has(m.id), unreachable: !m.user || m.user.unreachableAt !== null, hasTally: counted.has(m.id),
      ...(r ? { outcome: slimOutcome(r.outcome), resultState: r.state as ResultState } : {}),
    };
    let list = byOrg.get(m.orgId);
    if (!list) byOrg.set(m.orgId, (list = []));
    list.push(row);
  }
  return [...periodOf.values()].map((p) => ({
    orgId: p.orgId, orgName: p.org.name,
    period: { id: p.id, year: p.year, selfReviewDeadline: p.selfReviewDeadline.toISOString() },
    members: byOrg.get(p.orgId) ?? [],
  }));
}

/** The organizations directly under the given ones (an upper committee's branches). */
export async function childOrganizations(db: Db, parentIds: string[]): Promise<string[]> {
  const rows = await db.organization.findMany({ where: { parentId: { in: parentIds } }, select: { id: true }, orderBy: { name: "asc" } });
  return rows.map((r) => r.id);
}
