// What /status reads for one branch: each member's submission, absence, counts and current result, one query per
// table. Hand-written SQL: through Prisma the same reads were several times slower. An upper committee's lines
// need counts only: store/branch-tallies.ts.
import { localDateKey, type ZonedInstant } from "../domain/calendar";
import type { MemberKind, MemberOutcome, MemberStatusInput, StatusMember } from "../domain";
import { fullMonthsBetween, getRulebook, MEMBER_KINDS, RESULT_STATES } from "../domain";
import { notEvaluatedReasons } from "../domain/score-rating";
import type { Db } from "./client";
import { UNDELIVERABLE_PERSONS } from "./member-accounts";
import { outcomeFrom } from "./results";
import { flag, instant, integer, oneOf, optionalInstant, optionalText, text, tuple, tupleQuery } from "./sqlite";

export type BranchStatusInputs = {
  orgId: string;
  orgName: string;
  period: { id: string; year: number; selfReviewDeadline: string };
  /** The period's rulebook's: under "appraisal" (RULES-2025 N7) `hasTally` means appraised, not a ballot counted. */
  procedure: "ballot" | "appraisal";
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
export function memberStatusOf(
  kind: MemberKind,
  exempt: boolean,
  retiredNotMoved: boolean,
  isLeader: boolean,
  awaySince: string | null,
  now: ZonedInstant,
): MemberStatusInput {
  return {
    kind,
    exempt,
    retiredNotMoved,
    isLeader,
    workingAwayMonths: awaySince ? (fullMonthsBetween(awaySince.slice(0, 10), now.at, now.offsetMinutes) ?? 0) : 0,
    awayReportedAllowed: awaySince !== null,
  };
}

/**
 * N1 (RULES-2025): suspended, or admitted under six months before `day` ("YYYY-MM-DD"), is "not evaluated" like the
 * exempt: not reminded, not counted as missing. Nothing under a rulebook without scores (2011).
 */
export function notEvaluatedUnder(rulebookId: string, m: { suspended: boolean; admittedOn: string | null }, day: string): boolean {
  const { score } = getRulebook(rulebookId);
  if (!score) return false;
  const facts = { exempt: false, suspended: m.suspended, admittedOn: m.admittedOn?.slice(0, 10) ?? null, specialCase: null };
  return notEvaluatedReasons(facts, day, score).length > 0;
}

/** A member N1 may leave out, as the committees' statements read it: rulebook, member id, suspended, admitted on. */
export const n1CandidateRow = tuple(text, text, flag, optionalInstant);

/** The ids of the candidates N1 leaves out on `day`, as the JSON list the statements read with `json_each(?)`. */
export function leftOutByN1(candidates: ReadonlyArray<ReturnType<typeof n1CandidateRow>>, day: string): string {
  const ids = candidates.filter(([rulebookId, , suspended, admittedOn]) => notEvaluatedUnder(rulebookId, { suspended, admittedOn }, day));
  return JSON.stringify(ids.map(([, id]) => id));
}

export const memberKind = oneOf(MEMBER_KINDS);
export const resultState = oneOf(RESULT_STATES);

/** Positional rows (tupleQuery): at thousands of members, objects per row cost more than the read. */
const periodRow = tuple(text, text, integer, instant, text);
const memberRow = tuple(text, text, memberKind, flag, flag, optionalInstant, flag, flag, optionalText, flag, optionalInstant);
const submissionRow = tuple(text, optionalInstant);
const memberIdRow = tuple(text);
const resultRow = tuple(text, text, resultState);

/** The newest open period of an organization; an older one left open is not read. */
export const NEWEST_OPEN_PERIOD =
  "(SELECT id FROM ReviewPeriod WHERE orgId = o.id AND closedAt IS NULL ORDER BY year DESC, quarter DESC LIMIT 1)";

/** A branch's newest open period with its members in roster order, or null when no period is open. */
export async function loadStatusInputs(db: Db, orgId: string, now: ZonedInstant): Promise<BranchStatusInputs | null> {
  const [period] = tupleQuery(
    db,
    `SELECT p.id, o.name, p.year, p.selfReviewDeadline, p.rulebookId FROM Organization o
    JOIN ReviewPeriod p ON p.id = ${NEWEST_OPEN_PERIOD} WHERE o.id = ?`,
    periodRow,
  ).all(orgId);
  if (!period) return null;
  const [periodId, orgName, year, deadline, rulebookId] = period;
  const { procedure } = getRulebook(rulebookId);
  const today = localDateKey(now.at, now.offsetMinutes);
  // Roster order is insertion order (rowid). Unreachable users are few: one set of them beats a User lookup per member.
  const members = tupleQuery(
    db,
    `SELECT m.id, m.fullName, m.kind, m.exempt, m.retiredNotMoved, m.workingAwaySince, m.isLeader,
    (m.userId IS NULL OR m.userId IN (${UNDELIVERABLE_PERSONS})),
    (SELECT g.name FROM PartyGroup g WHERE g.id = m.groupId), m.suspended, m.admittedOn FROM Member m WHERE m.orgId = ? ORDER BY m.rowid`,
    memberRow,
  ).all(orgId);
  const review = new Map(tupleQuery(db, "SELECT memberId, submittedAt FROM SelfReview WHERE periodId = ?", submissionRow).all(periodId));
  const memberIds = (sql: string) =>
    new Set(
      tupleQuery(db, sql, memberIdRow)
        .all(periodId)
        .map(([id]) => id),
    );
  const absent = memberIds("SELECT memberId FROM MeetingAbsence WHERE periodId = ?");
  const counted =
    procedure === "appraisal"
      ? memberIds("SELECT DISTINCT memberId FROM MemberAppraisal WHERE periodId = ?")
      : memberIds("SELECT memberId FROM BallotTally WHERE periodId = ? AND supersededAt IS NULL");
  const result = new Map<string, ReturnType<typeof resultRow>>(); // ascending versions: the last one stays
  for (const r of tupleQuery(
    db,
    "SELECT memberId, outcome, state FROM MemberResult WHERE periodId = ? ORDER BY memberId, version",
    resultRow,
  ).all(periodId)) {
    result.set(r[0], r);
  }

  return {
    orgId,
    orgName,
    period: { id: periodId, year, selfReviewDeadline: deadline },
    procedure,
    members: members.map(([id, name, kind, exempt, retired, awaySince, leader, unreachable, group, suspended, admittedOn]) => {
      const r = result.get(id);
      const submittedAt = review.get(id);
      return {
        id,
        name,
        group,
        status: memberStatusOf(
          kind,
          exempt || notEvaluatedUnder(rulebookId, { suspended, admittedOn }, today),
          retired,
          leader,
          awaySince,
          now,
        ),
        review: submittedAt === undefined ? undefined : { submittedAt },
        absent: absent.has(id),
        hasTally: counted.has(id),
        unreachable,
        outcome: r ? slimOutcome(r[1]) : undefined,
        resultState: r?.[2],
      };
    }),
  };
}
