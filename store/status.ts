// What /status reads for one branch: each member's submission, absence, counts and current result, one query per
// table. Hand-written SQL: through Prisma the same reads were several times slower. An upper committee's lines
// need counts only: store/branch-tallies.ts.
import type { MemberKind, MemberOutcome, MemberStatusInput, ResultState, StatusMember } from "../domain";
import { fullMonthsBetween } from "../domain";
import { connectionOf, type Db } from "./client";
import { isoOf } from "./dates";
import { flag } from "./fast-sql";
import { outcomeFrom } from "./results";

export type BranchStatusInputs = {
  orgId: string;
  orgName: string;
  period: { id: string; year: number; selfReviewDeadline: string };
  members: StatusMember[];
};

/** Status only needs the kind and level of an outcome; the reasons stay in the result's own rows. */
const slimOutcomes = new Map<string, MemberOutcome>();
/** One shared, frozen object per outcome code: 25,000 results need no 25,000 copies. */
export function slimOutcome(code: string): MemberOutcome {
  let outcome = slimOutcomes.get(code);
  if (!outcome) {
    outcome = outcomeFrom(code, []);
    slimOutcomes.set(code, Object.freeze(outcome));
  }
  return outcome;
}


/** M1, M2, M10: a member's status from their roster row; months away counted up to `now`. */
export function memberStatusOf(kind: string, exempt: unknown, retired: unknown, leader: unknown, awaySince: unknown, now: string): MemberStatusInput {
  const away = isoOf(awaySince);
  return {
    kind: kind as MemberKind, exempt: flag(exempt), retiredNotMoved: flag(retired), isLeader: flag(leader),
    workingAwayMonths: away ? fullMonthsBetween(away.slice(0, 10), now) ?? 0 : 0, awayReportedAllowed: away !== null,
  };
}

/** Positional rows (better-sqlite3 raw mode): at thousands of members, objects per row cost more than the read. */
type PeriodSql = [id: string, orgName: string, year: unknown, deadline: unknown];
type MemberSql = [
  id: string, name: string, kind: string, exempt: unknown, retiredNotMoved: unknown, workingAwaySince: unknown,
  isLeader: unknown, unreachable: unknown, groupName: string | null,
];
type PerMemberSql = [memberId: string, ...rest: unknown[]];

/** The newest open period of an organization; an older one left open is not read. */
export const NEWEST_OPEN_PERIOD = "(SELECT id FROM ReviewPeriod WHERE orgId = o.id AND closedAt IS NULL ORDER BY year DESC LIMIT 1)";

/** A branch's newest open period with its members in roster order, or null when no period is open. */
export async function loadStatusInputs(db: Db, orgId: string, now: string): Promise<BranchStatusInputs | null> {
  const sql = await connectionOf(db);
  const rows = <T>(query: string, arg: string) => sql.prepare(query).raw(true).safeIntegers(false).all(arg) as T[];
  const [period] = rows<PeriodSql>(`SELECT p.id, o.name, p.year, p.selfReviewDeadline FROM Organization o
    JOIN ReviewPeriod p ON p.id = ${NEWEST_OPEN_PERIOD} WHERE o.id = ?`, orgId);
  if (!period) return null;
  const [periodId, orgName, year, deadline] = period;
  // Roster order is insertion order (rowid). Unreachable users are few: one set of them beats a User lookup per member.
  const members = rows<MemberSql>(`SELECT m.id, m.fullName, m.kind, m.exempt, m.retiredNotMoved, m.workingAwaySince, m.isLeader,
    (m.userId IS NULL OR m.userId IN (SELECT id FROM User WHERE unreachableAt IS NOT NULL)),
    (SELECT g.name FROM PartyGroup g WHERE g.id = m.groupId) FROM Member m WHERE m.orgId = ? ORDER BY m.rowid`, orgId);
  const perMember = (query: string) => rows<PerMemberSql>(query, periodId);
  const review = new Map<string, string | null>();
  for (const r of perMember("SELECT memberId, submittedAt FROM SelfReview WHERE periodId = ?")) review.set(r[0], isoOf(r[1]));
  const absent = new Set<string>();
  for (const r of perMember("SELECT memberId FROM MeetingAbsence WHERE periodId = ?")) absent.add(r[0]);
  const counted = new Set<string>();
  for (const r of perMember("SELECT memberId FROM BallotTally WHERE periodId = ? AND supersededAt IS NULL")) counted.add(r[0]);
  const result = new Map<string, PerMemberSql>(); // ascending versions: the last one stays
  for (const r of perMember("SELECT memberId, outcome, state FROM MemberResult WHERE periodId = ? ORDER BY memberId, version")) result.set(r[0], r);

  return {
    orgId, orgName, period: { id: periodId, year: Number(year), selfReviewDeadline: isoOf(deadline)! },
    members: members.map(([id, name, kind, exempt, retired, awaySince, leader, unreachable, group]) => {
      const r = result.get(id);
      const submittedAt = review.get(id);
      return {
        id, name, group, status: memberStatusOf(kind, exempt, retired, leader, awaySince, now),
        review: submittedAt === undefined ? undefined : { submittedAt },
        absent: absent.has(id), hasTally: counted.has(id), unreachable: flag(unreachable),
        outcome: r ? slimOutcome(r[1] as string) : undefined,
        resultState: r ? (r[2] as ResultState) : undefined,
      };
    }),
  };
}
