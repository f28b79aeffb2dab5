// What /status reads: per branch, each member's submission, absence, counts and current result, loaded with one
// query per table for any number of branches (an upper committee's 1,000 branches included). Hand-written SQL:
// through Prisma the same reads took over a second at 50,000 members (bench/status.bench.ts).
import type { MemberKind, MemberLevel, MemberOutcome, ResultState, StatusMember } from "../domain";
import { fullMonthsBetween } from "../domain";
import { connectionOf, type Db } from "./client";

export type BranchStatusInputs = {
  orgId: string;
  orgName: string;
  period: { id: string; year: number; selfReviewDeadline: string };
  members: StatusMember[];
};

/** One branch, or every organization directly under an upper committee. */
export type StatusScope = { orgId: string } | { parentId: string };

const LEVELS = new Set(["L1", "L2", "L3", "L4"]);
/** Status only needs the kind and level of an outcome; the reasons stay in the result's own rows. */
const slimOutcomes = new Map<string, MemberOutcome>();
/** One shared, frozen object per outcome code: 25,000 results need no 25,000 copies. */
function slimOutcome(code: string): MemberOutcome {
  let outcome = slimOutcomes.get(code);
  if (!outcome) {
    outcome = LEVELS.has(code) ? { kind: "level", level: code as MemberLevel, reasons: [] } : { kind: code as "undecided", reasons: [] };
    slimOutcomes.set(code, Object.freeze(outcome));
  }
  return outcome;
}

/** SQLite stores Prisma DateTimes as ISO text or epoch milliseconds depending on the writer. */
function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && value.length === 24 && value.endsWith("Z")) return value; // already an ISO instant
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value)).toISOString();
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

/** Prisma's connection reads integers as BigInt: SQLite booleans are 0n/1n there. */
const flag = (value: unknown) => Number(value) === 1;

/** Positional rows (better-sqlite3 raw mode): at 50,000 members, objects per row cost more than the read. */
type PeriodSql = [id: string, orgId: string, orgName: string, year: unknown, deadline: unknown];
type MemberSql = [
  id: string, orgId: string, fullName: string, kind: string, exempt: unknown, retiredNotMoved: unknown, workingAwaySince: unknown,
  isLeader: unknown, unreachable: unknown, groupName: string | null,
];
/** memberId first; the period id last, and only when an organization has more than one open period. */
type PerMemberSql = [memberId: string, ...rest: unknown[]];

/**
 * The open period of each organization with its members; organizations without an open period are left out.
 * One statement per table, each a range scan of its (periodId, …) or (orgId) index: measured 2× faster than one
 * statement probing every member's rows. Names and party groups are read for a single branch only (the upper
 * committee's lines do not show them).
 */
export async function loadStatusInputs(db: Db, scope: StatusScope, now: string): Promise<BranchStatusInputs[]> {
  const single = "orgId" in scope;
  const [orgFilter, arg] = single ? ["o.id = ?", scope.orgId] : ["o.parentId = ?", scope.parentId];
  const sql = await connectionOf(db);
  const rows = <T>(query: string) => sql.prepare(query).raw(true).safeIntegers(false).all(arg) as T[];
  const periods = rows<PeriodSql>(`SELECT p.id, p.orgId, o.name, p.year, p.selfReviewDeadline FROM ReviewPeriod p
    JOIN Organization o ON o.id = p.orgId WHERE ${orgFilter} AND p.closedAt IS NULL ORDER BY o.name, p.year`);
  // An upper committee's lines are counts only: names and party groups are read for a single branch.
  const [name, group] = single ? ["m.fullName", "(SELECT g.name FROM PartyGroup g WHERE g.id = m.groupId)"] : ["''", "NULL"];
  // Roster order: insertion order (rowid) within each branch, as the Member(orgId) index yields it. Unreachable users
  // are few: one set of them beats a User lookup per member (2.5× on the whole statement).
  const members = rows<MemberSql>(`SELECT m.id, m.orgId, ${name}, m.kind, m.exempt, m.retiredNotMoved, m.workingAwaySince,
    m.isLeader, (m.userId IS NULL OR m.userId IN (SELECT id FROM User WHERE unreachableAt IS NOT NULL)), ${group}
    FROM Organization o JOIN Member m ON m.orgId = o.id WHERE ${orgFilter}${single ? " ORDER BY m.rowid" : ""}`);
  const periodOf = new Map(periods.map((p) => [p[1], p])); // ascending years: the newest open period stays
  // An older period left open must not mix into the newest one; usually there is one period per organization and
  // the period column is not even read (at 50,000 members every string read costs).
  const filterPeriods = periods.length !== periodOf.size;
  const periodIds = new Set([...periodOf.values()].map((p) => p[0]));
  const inPeriods = `periodId IN (SELECT p.id FROM ReviewPeriod p JOIN Organization o ON o.id = p.orgId WHERE ${orgFilter} AND p.closedAt IS NULL)`;
  const perMember = (columns: string, table: string, where = "", order = "") => {
    const list = rows<PerMemberSql>(`SELECT ${columns}${filterPeriods ? ", periodId" : ""} FROM ${table} WHERE ${where}${inPeriods}${order}`);
    return filterPeriods ? list.filter((r) => periodIds.has(r[r.length - 1] as string)) : list;
  };
  const review = new Map<string, string | null>();
  for (const r of perMember("memberId, submittedAt", "SelfReview")) review.set(r[0], isoOf(r[1]));
  const absent = new Set<string>();
  for (const r of perMember("memberId", "MeetingAbsence")) absent.add(r[0]);
  const counted = new Set<string>();
  for (const r of perMember("memberId", "BallotTally", "supersededAt IS NULL AND ")) counted.add(r[0]);
  const result = new Map<string, PerMemberSql>(); // ascending versions: the last one stays
  for (const r of perMember("memberId, outcome, state", "MemberResult", "", " ORDER BY periodId, memberId, version")) result.set(r[0], r);

  const byOrg = new Map<string, StatusMember[]>();
  let list: StatusMember[] = [];
  let listOrg: string | null = null;
  for (const [id, orgId, name, kind, exempt, retired, awaySince, leader, unreachable, groupName] of members) {
    const r = result.get(id);
    const away = isoOf(awaySince);
    const submittedAt = review.get(id);
    // Every row has the same keys in the same order (one hidden class for 50,000 objects).
    const row: StatusMember = {
      id, name, group: groupName,
      status: {
        kind: kind as MemberKind, exempt: flag(exempt), retiredNotMoved: flag(retired), isLeader: flag(leader),
        workingAwayMonths: away ? fullMonthsBetween(away.slice(0, 10), now) ?? 0 : 0, awayReportedAllowed: away !== null,
      },
      review: submittedAt === undefined ? undefined : { submittedAt },
      absent: absent.has(id), hasTally: counted.has(id), unreachable: flag(unreachable),
      outcome: r ? slimOutcome(r[1] as string) : undefined,
      resultState: r ? (r[2] as ResultState) : undefined,
    };
    // Members come grouped by organization (the Member(orgId) index): look the list up only when it changes.
    if (orgId !== listOrg) {
      listOrg = orgId;
      list = byOrg.get(orgId) ?? [];
      byOrg.set(orgId, list);
    }
    list.push(row);
  }
  return [...periodOf.values()].sort((a, b) => a[2].localeCompare(b[2])).map(([id, orgId, orgName, year, deadline]) => ({
    orgId, orgName, period: { id, year: Number(year), selfReviewDeadline: isoOf(deadline)! }, members: byOrg.get(orgId) ?? [],
  }));
}
