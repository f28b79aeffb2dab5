// What an upper committee's /status reads: for each branch under it, how many members share each combination of
// facts, counted by SQLite. At 50,000 members reading every member into JS cost about 300 ms
// (bench/status.bench.ts); counting in SQL returns a few rows per branch. Which state a combination is in is the
// domain's decision (branchCounts), made once per combination. Each statement is served by a covering index
// (migration 20261127180500_status_covering_indexes), so no review text is ever read.
import type { ZonedInstant } from "../domain/calendar";
import type { BranchTallies } from "../domain";
import type { Db } from "./client";
import { selfReviewBySubmission } from "./reviews";
import { flag, instant, integer, nullable, optionalInstant, text, tuple, tupleQuery, type Decoder } from "./sqlite";
import { memberKind, memberStatusOf, NEWEST_OPEN_PERIOD, resultState, slimOutcome } from "./status";

export type BranchTalliesRow = {
  orgId: string;
  orgName: string;
  /** The organization directly under the parent that the branch belongs to (the branch itself when directly under). */
  unitId: string;
  period: { id: string; year: number; selfReviewDeadline: string; reportDeadline: string; rulebookId: string };
  /** T1: when the branch sent its results for recognition (OrgReport), null until then. */
  reportedAt: string | null;
  tallies: BranchTallies;
};

/** Each organization under the parent with the newest open period; organizations without one are left out. */
const CHILDREN = `WITH op AS MATERIALIZED (SELECT o.id AS orgId, o.name AS orgName, o.id AS unitId, ${NEWEST_OPEN_PERIOD} AS periodId
  FROM Organization o WHERE o.parentId = ?)`;

/** Every organization in the trees under the parent (a bloc's base committees and their branches), with its unit. */
const SUBTREES = `WITH RECURSIVE sub(unitId, id) AS (SELECT id, id FROM Organization WHERE parentId = ?
    UNION ALL SELECT sub.unitId, o.id FROM Organization o JOIN sub ON o.parentId = sub.id),
  op AS MATERIALIZED (SELECT o.id AS orgId, o.name AS orgName, sub.unitId, ${NEWEST_OPEN_PERIOD} AS periodId
    FROM sub JOIN Organization o ON o.id = sub.id)`;

const statements = (scope: string) => ({
  periods: `${scope} SELECT op.orgId, op.orgName, op.unitId, p.id, p.year, p.selfReviewDeadline, p.reportDeadline, p.rulebookId,
      r.reportedAt
    FROM op JOIN ReviewPeriod p ON p.id = op.periodId LEFT JOIN OrgReport r ON r.orgId = op.orgId AND r.year = p.year`,
  // T2: `late` is marked against the deadline when a review is submitted and re-marked when the deadline moves.
  submissions: `${scope} SELECT op.orgId, m.kind, m.exempt, m.retiredNotMoved, m.isLeader, m.workingAwaySince,
      r.memberId IS NOT NULL, r.submittedAt IS NOT NULL, r.late, a.memberId IS NOT NULL, COUNT(*)
    FROM op JOIN Member m ON m.orgId = op.orgId
    LEFT JOIN ${selfReviewBySubmission("r")} ON r.periodId = op.periodId AND r.memberId = m.id
    LEFT JOIN MeetingAbsence a ON a.periodId = op.periodId AND a.memberId = m.id
    WHERE op.periodId IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  unreachable: `${scope} SELECT op.orgId, COUNT(*) FROM op JOIN Member m ON m.orgId = op.orgId
    WHERE op.periodId IS NOT NULL AND (m.userId IS NULL OR m.userId IN (SELECT id FROM User WHERE unreachableAt IS NOT NULL))
    GROUP BY op.orgId`,
  // Double entry keeps two current rows for one member: members are counted, not rows.
  counted: `${scope} SELECT op.orgId, COUNT(DISTINCT t.memberId) FROM op JOIN BallotTally t ON t.periodId = op.periodId
    WHERE t.supersededAt IS NULL GROUP BY op.orgId`,
  // SQLite takes the bare columns of an aggregate from the row holding MAX: the newest version of each result.
  results: `${scope} SELECT orgId, outcome, state, COUNT(*) FROM (
      SELECT op.orgId, x.outcome, x.state, MAX(x.version) FROM op JOIN MemberResult x ON x.periodId = op.periodId
      GROUP BY x.periodId, x.memberId)
    GROUP BY 1, 2, 3`,
});

const SCOPES = { children: statements(CHILDREN), subtrees: statements(SUBTREES) };

const ROWS = {
  periods: tuple(text, text, text, text, integer, instant, instant, text, optionalInstant),
  submissions: tuple(text, memberKind, flag, flag, flag, optionalInstant, flag, flag, nullable(flag), flag, integer),
  unreachable: tuple(text, integer),
  counted: tuple(text, integer),
  results: tuple(text, text, resultState, integer),
};

/**
 * The branches under the parent with an open period; `subtrees`: every such branch in the trees under the parent
 * (the bloc's /status), each with the unit directly under the parent it belongs to.
 */
export async function loadBranchTallies(
  db: Db,
  parentId: string,
  now: ZonedInstant,
  scope: keyof typeof SCOPES = "children",
): Promise<BranchTalliesRow[]> {
  const STATEMENTS = SCOPES[scope];
  const rows = <Row extends unknown[]>(sql: string, row: Decoder<Row>) => tupleQuery(db, sql, row).all(parentId);
  const branches = new Map<string, BranchTalliesRow>();
  for (const [orgId, orgName, unitId, id, year, deadline, reportDeadline, rulebookId, reportedAt] of rows(
    STATEMENTS.periods,
    ROWS.periods,
  )) {
    const period = { id, year, selfReviewDeadline: deadline, reportDeadline, rulebookId };
    const tallies = { submissions: [], unreachable: 0, counted: 0, results: [] };
    branches.set(orgId, { orgId, orgName, unitId, period, reportedAt, tallies });
  }
  for (const [orgId, kind, exempt, retired, leader, awaySince, hasReview, submitted, late, absent, members] of rows(
    STATEMENTS.submissions,
    ROWS.submissions,
  )) {
    branches.get(orgId)?.tallies.submissions.push({
      status: memberStatusOf(kind, exempt, retired, leader, awaySince, now),
      review: hasReview ? { submitted, late: late === true } : undefined,
      absent,
      members,
    });
  }
  for (const [orgId, members] of rows(STATEMENTS.unreachable, ROWS.unreachable)) {
    const branch = branches.get(orgId);
    if (branch) branch.tallies.unreachable = members;
  }
  for (const [orgId, members] of rows(STATEMENTS.counted, ROWS.counted)) {
    const branch = branches.get(orgId);
    if (branch) branch.tallies.counted = members;
  }
  for (const [orgId, outcome, state, members] of rows(STATEMENTS.results, ROWS.results)) {
    branches.get(orgId)?.tallies.results.push({ outcome: slimOutcome(outcome), state, members });
  }
  return [...branches.values()].sort((a, b) => a.orgName.localeCompare(b.orgName));
}
