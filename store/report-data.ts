// What a committee's report to the level above is made of (guideline D, C.III.7): every organization of its tree with
// its members counted by level (SQL aggregation: 50,000 members come back as a few rows per branch), the recognized
// ratings of the organizations (OrgScore), the members rated L1 and recognized. Reward proposals come from the
// rewards' store (rewardLines) and are handed to the documents beside this.
import {
  isOrgLevel,
  memberLevelCounts,
  sumMemberCounts,
  type MemberLevelCounts,
  type MemberResultTally,
  type RecognizedOrgRating,
} from "../domain/reports";
import type { RewardKey } from "../domain/rulebook";
import { getRulebook } from "../domain/rulebooks";
import type { Db } from "./client";
import { loadIssuer, type Issuer } from "./documents-data";
import { TREE } from "./org-reports";
import type { OrgKind } from "./orgs";
import { flag, integer, nullable, optionalInstant, text, tuple, tupleQuery } from "./sqlite";
import { rewardProposals } from "./rewards";
import { leftOutByN1, n1CandidateRow, resultState } from "./status";

/**
 * A line of the reward proposals section: which reward of the rulebook's catalogue (R1; its words are the locales'
 * `docs.report.reward.*`), who receives it (a member's or an organization's name), their unit, the money in đồng.
 */
export type RewardLine = { reward: RewardKey; recipient: string; unit: string; moneyDong: number | null };

/** The committee's reward proposals of the year (store/rewards.ts, R1–R5) as lines of the report. */
export async function rewardLines(db: Db, committeeId: string, year: number): Promise<RewardLine[]> {
  const proposals = await rewardProposals(db, committeeId, year);
  return proposals.map((p) => ({ reward: p.rewardKey, recipient: p.name, unit: p.unit, moneyDong: p.amountDong }));
}

export type ReportUnit = {
  orgId: string;
  name: string;
  kind: OrgKind;
  /** 1 for the organizations directly under the committee, 2 under those, … */
  depth: number;
  /** The unit's own members, plus every organization's under it. */
  members: MemberLevelCounts;
  rating: RecognizedOrgRating;
};

export type CommitteeReport = Issuer & {
  committeeId: string;
  committeeKind: OrgKind;
  year: number;
  /** "appraisal" when every period of the year in the tree rates by the 366 rules (their words), else "ballot". */
  procedure: "ballot" | "appraisal";
  /** The tree under the committee, each unit followed by those under it, by name. */
  units: ReportUnit[];
  total: MemberLevelCounts;
  exemplaryMembers: Array<{ fullName: string; unit: string }>;
  exemplaryOrgs: Array<{ name: string; kind: OrgKind }>;
};

const UNITS = `WITH RECURSIVE tree(id, depth) AS (SELECT ?, 0 UNION ALL
    SELECT o.id, tree.depth + 1 FROM Organization o JOIN tree ON o.parentId = tree.id)
  SELECT o.id, o.name, o.kind, o.parentId, tree.depth FROM tree JOIN Organization o ON o.id = tree.id`;

/** The newest result of each member of the year's periods in the tree (bare columns of MAX, as in branch-tallies). */
const NEWEST = `${TREE}, periods AS MATERIALIZED (SELECT p.id, p.orgId, p.rulebookId FROM ReviewPeriod p
    WHERE p.orgId IN (SELECT id FROM tree) AND p.year = ? AND p.quarter = 0),
  newest AS MATERIALIZED (SELECT x.memberId AS memberId, x.outcome AS outcome, x.state AS state, MAX(x.version)
    FROM periods p JOIN MemberResult x ON x.periodId = p.id GROUP BY x.periodId, x.memberId)`;

const STATEMENTS = {
  members: `${NEWEST} SELECT m.orgId, m.exempt OR m.id IN (SELECT value FROM json_each(?)), n.outcome, n.state, COUNT(*)
    FROM periods p JOIN Member m ON m.orgId = p.orgId
    LEFT JOIN newest n ON n.memberId = m.id GROUP BY 1, 2, 3, 4`,
  // RULES-2025 N1: the members of the year's appraisal periods who may be left out (suspended, admission dated).
  notEvaluated: `${NEWEST} SELECT p.rulebookId, m.id, m.suspended, m.admittedOn FROM periods p JOIN Member m ON m.orgId = p.orgId
    WHERE m.suspended OR m.admittedOn IS NOT NULL`,
  rulebooks: `${NEWEST} SELECT DISTINCT rulebookId FROM periods`,
  excellent: `${NEWEST} SELECT m.fullName, o.name FROM newest n JOIN Member m ON m.id = n.memberId
    JOIN Organization o ON o.id = m.orgId WHERE n.outcome = 'L1' AND n.state = 'recognized'
    ORDER BY o.name, m.createdAt, m.id`,
  // The newest version of each organization's rating of the year; only a recognized one counts.
  ratings: `${TREE} SELECT orgId, level, exemplary, state, MAX(version) FROM OrgScore
    WHERE orgId IN (SELECT id FROM tree) AND year = ? GROUP BY orgId`,
};

const ROWS = {
  units: tuple(text, text, text, nullable(text), integer),
  members: tuple(text, flag, nullable(text), nullable(resultState), integer),
  notEvaluated: n1CandidateRow,
  rulebooks: tuple(text),
  excellent: tuple(text, text),
  ratings: tuple(text, text, flag, text, integer),
};

/**
 * `day`: the local day ("YYYY-MM-DD") N1's six months are counted to for members without a result (the report's
 * day; by default the year's last).
 */
export async function loadCommitteeReport(db: Db, committeeId: string, year: number, day = `${year}-12-31`): Promise<CommitteeReport> {
  const units = tupleQuery(db, UNITS, ROWS.units).all(committeeId);
  const leftOut = leftOutByN1(tupleQuery(db, STATEMENTS.notEvaluated, ROWS.notEvaluated).all(committeeId, year), day);
  const procedures = tupleQuery(db, STATEMENTS.rulebooks, ROWS.rulebooks)
    .all(committeeId, year)
    .map(([id]) => getRulebook(id).procedure);
  const procedure = procedures.length > 0 && procedures.every((p) => p === "appraisal") ? "appraisal" : "ballot";
  const tallies = new Map<string, MemberResultTally[]>();
  const memberRows = tupleQuery(db, STATEMENTS.members, ROWS.members).all(committeeId, year, leftOut);
  for (const [orgId, exempt, outcome, state, members] of memberRows) {
    tallies.set(orgId, [...(tallies.get(orgId) ?? []), { exempt, outcome, state, members }]);
  }
  const ratings = new Map<string, RecognizedOrgRating>();
  for (const [orgId, level, exemplary, state] of tupleQuery(db, STATEMENTS.ratings, ROWS.ratings).all(committeeId, year)) {
    if (state === "recognized" && isOrgLevel(level)) ratings.set(orgId, { level, exemplary });
  }
  const children = new Map<string | null, typeof units>();
  for (const unit of units) children.set(unit[3], [...(children.get(unit[3]) ?? []), unit]);
  const ordered: ReportUnit[] = [];
  /** The unit's counts with those under it; units are listed parent first. */
  const visit = (orgId: string): MemberLevelCounts => {
    const under = [...(children.get(orgId) ?? [])].sort((a, b) => a[1].localeCompare(b[1]));
    const own = memberLevelCounts(tallies.get(orgId) ?? []);
    const parts = [own];
    for (const [id, name, kind, , depth] of under) {
      const at = ordered.push({ orgId: id, name, kind: kind as OrgKind, depth, members: own, rating: ratings.get(id) ?? null }) - 1;
      const counts = visit(id);
      ordered[at]!.members = counts;
      parts.push(counts);
    }
    return sumMemberCounts(parts);
  };
  const total = visit(committeeId);
  const committee = units.find((u) => u[0] === committeeId);
  return {
    ...(await loadIssuer(db, committeeId)),
    committeeId,
    committeeKind: (committee?.[2] ?? "base-committee") as OrgKind,
    year,
    procedure,
    units: ordered,
    total,
    exemplaryMembers: tupleQuery(db, STATEMENTS.excellent, ROWS.excellent)
      .all(committeeId, year)
      .map(([fullName, unit]) => ({ fullName, unit })),
    // O6 under 2011 (tiêu biểu); under 366 the list is of those rated "xuất sắc" (NO1 caps that level itself).
    exemplaryOrgs: ordered
      .filter((u) => (procedure === "appraisal" ? u.rating?.level === "tsvm" : u.rating?.exemplary))
      .map((u) => ({ name: u.name, kind: u.kind })),
  };
}
