// What an upper committee's /status reads: how many members share each combination of facts, counted by SQLite.
// At 50,000 members reading every member into JS cost about 300 ms (bench/status.bench.ts); counting in SQL returns
// a few rows per group. A base committee counts per branch; the bloc counts per unit (base committee or standalone
// base branch, the whole tree under it), so 1,000 branches come back as a few hundred rows, not thousands
// (bench/bloc-status.bench.ts). Which state a combination is in is the domain's decision (branchCounts), made once
// per combination. Each statement walks the organizations first and reads only covering indexes
// (migration 20261127180500_status_covering_indexes), so no review text is ever read.
import { localDateKey, type ZonedInstant } from "../domain/calendar";
import type { BranchTallies } from "../domain";
import { RULEBOOKS } from "../domain/rulebooks";
import type { Db } from "./client";
import { UNDELIVERABLE_PERSONS } from "./member-accounts";
import { selfReviewBySubmission } from "./reviews";
import { flag, instant, integer, nullable, optionalInstant, text, tuple, tupleQuery, type Decoder } from "./sqlite";
import { leftOutByN1, memberKind, memberStatusOf, n1CandidateRow, NEWEST_OPEN_PERIOD, resultState, slimOutcome } from "./status";

export type BranchPeriodRow = {
  orgId: string;
  orgName: string;
  /** The organization directly under the parent that the branch belongs to (the branch itself when directly under). */
  unitId: string;
  period: { id: string; year: number; selfReviewDeadline: string; reportDeadline: string; rulebookId: string };
  /** T1: when the branch sent its results for recognition (OrgReport), null until then. */
  reportedAt: string | null;
};

export type BranchTalliesRow = BranchPeriodRow & { tallies: BranchTallies };

/** The tallies of a unit's branches that share a self-review deadline (branchCounts takes one deadline). */
export type UnitTallies = { unitId: string; deadline: string; tallies: BranchTallies };

/**
 * `grp` numbers the tally groups (a unit and a deadline): the statements group by this one integer, not by the two
 * texts, and take the unit and deadline from any of the group's rows (all the same).
 */
const openPeriod = (unitId: string) => `SELECT o.id AS orgId, o.name AS orgName, ${unitId} AS unitId, p.id AS periodId,
    p.selfReviewDeadline AS deadline, dense_rank() OVER (ORDER BY ${unitId}, p.selfReviewDeadline) AS grp
    FROM ORGS JOIN ReviewPeriod p ON p.id = ${NEWEST_OPEN_PERIOD}`;

/** Each organization under the parent with its newest open period (its own unit); those without one are left out. */
const CHILDREN = `WITH op AS MATERIALIZED (${openPeriod("o.id").replace("ORGS", "Organization o")} WHERE o.parentId = ?)`;

/** Every organization in the trees under the parent (a bloc's base committees and their branches), with its unit. */
const SUBTREES = `WITH RECURSIVE sub(unitId, id) AS (SELECT id, id FROM Organization WHERE parentId = ?
    UNION ALL SELECT sub.unitId, o.id FROM Organization o JOIN sub ON o.parentId = sub.id),
  op AS MATERIALIZED (${openPeriod("sub.unitId").replace("ORGS", "sub JOIN Organization o ON o.id = sub.id")})`;

// The tallies are grouped by unit and deadline: per branch under a base committee, per unit under the bloc. CROSS JOIN
// keeps the organizations as the outer loop, so each table is searched by period (or organization) in its index.
const statements = (scope: string) => ({
  periods: `${scope} SELECT op.orgId, op.orgName, op.unitId, p.id, p.year, p.selfReviewDeadline, p.reportDeadline, p.rulebookId,
      r.reportedAt
    FROM op CROSS JOIN ReviewPeriod p ON p.id = op.periodId LEFT JOIN OrgReport r ON r.orgId = op.orgId AND r.year = p.year`,
  // T2: `late` is marked against the deadline when a review is submitted and re-marked when the deadline moves.
  // Reachability is independent of the submission state: summed along, not a part of the combination.
  submissions: `${scope} SELECT op.unitId, op.deadline, m.kind, m.exempt OR m.id IN (SELECT value FROM json_each(?)), m.retiredNotMoved, m.isLeader, m.workingAwaySince,
      r.memberId IS NOT NULL, r.submittedAt IS NOT NULL, r.late, a.memberId IS NOT NULL, COUNT(*),
      SUM(m.userId IS NULL OR m.userId IN (${UNDELIVERABLE_PERSONS}))
    FROM op CROSS JOIN ${MEMBER_BY_STATUS} ON m.orgId = op.orgId
    LEFT JOIN ${selfReviewBySubmission("r")} ON r.periodId = op.periodId AND r.memberId = m.id
    LEFT JOIN MeetingAbsence a ON a.periodId = op.periodId AND a.memberId = m.id
    GROUP BY op.grp, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
  // RULES-2025 N1: members of appraisal periods who may be left out (suspended, admission dated); few, decided in code.
  notEvaluated: `${scope} SELECT p.rulebookId, m.id, m.suspended, m.admittedOn
    FROM op CROSS JOIN ReviewPeriod p ON p.id = op.periodId JOIN Member m ON m.orgId = op.orgId
    WHERE p.rulebookId IN (${APPRAISAL_RULEBOOKS}) AND (m.suspended OR m.admittedOn IS NOT NULL)`,
  // Double entry keeps two current rows for one member: members are counted, not rows. Counted per period (a
  // search of its index each), then summed: one sort of every tally for the whole bloc cost twice as much.
  // RULES-2025 N7: in a period rated by appraisal a ballot is information only; the committee's appraisal counts.
  counted: `${scope} SELECT unitId, deadline, SUM(members) FROM (SELECT op.grp, op.unitId, op.deadline,
      CASE WHEN p.rulebookId IN (${APPRAISAL_RULEBOOKS})
        THEN (SELECT COUNT(DISTINCT a.memberId) FROM MemberAppraisal a WHERE a.periodId = op.periodId)
        ELSE (SELECT COUNT(DISTINCT t.memberId) FROM BallotTally t INDEXED BY BallotTally_periodId_memberId_supersededAt_idx
          WHERE t.periodId = op.periodId AND t.supersededAt IS NULL) END AS members
      FROM op CROSS JOIN ReviewPeriod p ON p.id = op.periodId)
    GROUP BY grp`,
  // Each member's newest version of the result: no newer one exists.
  results: `${scope} SELECT op.unitId, op.deadline, x.outcome, x.state, COUNT(*)
    FROM op CROSS JOIN ${RESULT_BY_VERSION("x")} ON x.periodId = op.periodId
    WHERE NOT EXISTS (SELECT 1 FROM ${RESULT_BY_VERSION("y")} WHERE y.periodId = x.periodId AND y.memberId = x.memberId AND y.version > x.version)
    GROUP BY op.grp, 3, 4`,
});

/** The ids of the rulebooks rated by appraisal, as SQL literals (constants of the domain, never user input). */
const APPRAISAL_RULEBOOKS = Object.values(RULEBOOKS)
  .filter((r) => r.procedure === "appraisal")
  .map((r) => `'${r.id}'`)
  .join(", ");

/** The members' index that holds every column the tallies read (no row of Member is read). */
const MEMBER_BY_STATUS = "Member m INDEXED BY Member_orgId_kind_exempt_retiredNotMoved_isLeader_workingAwaySince_userId_id_idx";

/** The results' index that holds the outcome and state: reasons and inputs are never read. */
const RESULT_BY_VERSION = (alias: string) => `MemberResult ${alias} INDEXED BY MemberResult_periodId_memberId_version_outcome_state_idx`;

const SCOPES = { children: statements(CHILDREN), subtrees: statements(SUBTREES) };

const ROWS = {
  periods: tuple(text, text, text, text, integer, instant, instant, text, optionalInstant),
  submissions: tuple(text, instant, memberKind, flag, flag, flag, optionalInstant, flag, flag, nullable(flag), flag, integer, integer),
  notEvaluated: n1CandidateRow,
  counted: tuple(text, instant, integer),
  results: tuple(text, instant, text, resultState, integer),
};

type Scope = keyof typeof SCOPES;

const noTallies = (): BranchTallies => ({ submissions: [], unreachable: 0, counted: 0, results: [] });

function readPeriods(db: Db, parentId: string, scope: Scope): BranchPeriodRow[] {
  return tupleQuery(db, SCOPES[scope].periods, ROWS.periods)
    .all(parentId)
    .map(([orgId, orgName, unitId, id, year, deadline, reportDeadline, rulebookId, reportedAt]) => ({
      orgId,
      orgName,
      unitId,
      period: { id, year, selfReviewDeadline: deadline, reportDeadline, rulebookId },
      reportedAt,
    }));
}

function readTallies(db: Db, parentId: string, now: ZonedInstant, scope: Scope): UnitTallies[] {
  const STATEMENTS = SCOPES[scope];
  const today = localDateKey(now.at, now.offsetMinutes);
  const leftOut = leftOutByN1(tupleQuery(db, STATEMENTS.notEvaluated, ROWS.notEvaluated).all(parentId), today);
  const rows = <Row extends unknown[]>(sql: string, row: Decoder<Row>, ...more: string[]) =>
    tupleQuery(db, sql, row).all(parentId, ...more);
  const groups = new Map<string, UnitTallies>();
  const group = (unitId: string, deadline: string) => {
    const key = `${unitId} ${deadline}`;
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { unitId, deadline, tallies: noTallies() }));
    return found.tallies;
  };
  for (const [unitId, deadline, kind, exempt, retired, leader, awaySince, hasReview, submitted, late, absent, members, unreachable] of rows(
    STATEMENTS.submissions,
    ROWS.submissions,
    leftOut,
  )) {
    const tallies = group(unitId, deadline);
    tallies.unreachable += unreachable;
    tallies.submissions.push({
      status: memberStatusOf(kind, exempt, retired, leader, awaySince, now),
      review: hasReview ? { submitted, late: late === true } : undefined,
      absent,
      members,
    });
  }
  for (const [unitId, deadline, members] of rows(STATEMENTS.counted, ROWS.counted)) group(unitId, deadline).counted = members;
  for (const [unitId, deadline, outcome, state, members] of rows(STATEMENTS.results, ROWS.results))
    group(unitId, deadline).results.push({ outcome: slimOutcome(outcome), state, members });
  return [...groups.values()];
}

/** As `localeCompare` orders them; one collator, not one per comparison (1,000 names under a bloc). */
const collator = new Intl.Collator();
const byName = (a: BranchPeriodRow, b: BranchPeriodRow) => collator.compare(a.orgName, b.orgName);

/** The branches directly under the parent with an open period, each with its tallies, in name order. */
export async function loadBranchTallies(db: Db, parentId: string, now: ZonedInstant): Promise<BranchTalliesRow[]> {
  // Under a base committee each branch is its own unit, with one deadline: one group per branch.
  const tallies = new Map(readTallies(db, parentId, now, "children").map((g) => [g.unitId, g.tallies]));
  return readPeriods(db, parentId, "children")
    .map((b) => ({ ...b, tallies: tallies.get(b.orgId) ?? noTallies() }))
    .sort(byName);
}

/**
 * The bloc's /status: every branch with an open period in the trees under the bloc (its period and report, no
 * tallies), and the tallies of each unit directly under the bloc, its whole tree counted together.
 */
export async function loadUnitTallies(
  db: Db,
  blocId: string,
  now: ZonedInstant,
): Promise<{ branches: BranchPeriodRow[]; units: UnitTallies[] }> {
  return { branches: readPeriods(db, blocId, "subtrees").sort(byName), units: readTallies(db, blocId, now, "subtrees") };
}
