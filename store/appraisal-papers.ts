// What a branch's papers are made of under the 366 rulebook (RULES-2025 N7, N12): each member's self-score, the
// committee's appraisal, the branch meeting's opinion, the branch's proposal and the competent level's decision,
// with the period's cap rule (N6 and its open points) and whether a ballot was recorded (information only).
// Review texts are never read here; the meeting's opinion and the reasons are the branch's and committee's words.
import {
  capRuleOf,
  getRulebook,
  localDateKey,
  type CapRule,
  type MemberLevel,
  type MemberOutcome,
  type NotCompletedGround,
  type Reason,
  type ReviewForm,
  type SpecialCase,
} from "../domain";
import { parseOpenPoints } from "../domain/open-points";
import { formOf } from "../domain/score-items";
import { notEvaluatedReasons, scoreRules } from "../domain/score-rating";
import { appraisalBoard, latestSteps, type SelfScore } from "./appraisals";
import type { Db } from "./client";
import { type Issuer, loadIssuer, secretaryName } from "./documents-data";
import { latestResults } from "./results";
import type { ResultState } from "../domain";

export type AppraisalPaperRow = {
  fullName: string;
  form: ReviewForm;
  /** N1: why the member is not evaluated; empty when they are. */
  notEvaluated: Reason[];
  specialCase: SpecialCase | null;
  self: SelfScore;
  appraisal: { score: number | null; level: MemberLevel | null; grounds: NotCompletedGround[] } | null;
  /** The meeting step: null when not recorded; its note null when the meeting gave no words. */
  meeting: { note: string | null } | null;
  proposal: { level: MemberLevel | null; note: string | null } | null;
  /** The member's current result: the proposal, the competent level's decision, or a revocation. */
  result: { state: ResultState; outcome: MemberOutcome } | null;
};

export type AppraisalPapers = Issuer & {
  year: number;
  /** N10: 1–4 for a quarter, 0 for the year. */
  quarter: number;
  rulebookTitle: string;
  secretaryName: string | null;
  rows: AppraisalPaperRow[];
  /** N6 as the period reads it (its open points): the share, the base and the rounding. */
  cap: CapRule;
  /** N7: a ballot recorded with /tally in the period: information only. */
  ballotRecorded: boolean;
};

export async function loadAppraisalPapers(db: Db, periodId: string, now: Date, offsetMinutes: number): Promise<AppraisalPapers> {
  const period = await db.reviewPeriod.findUniqueOrThrow({
    where: { id: periodId },
    select: { orgId: true, year: true, quarter: true, rulebookId: true, openPoints: true },
  });
  const rulebook = getRulebook(period.rulebookId);
  const rules = scoreRules(rulebook);
  const [board, steps, results, members, ballots] = await Promise.all([
    appraisalBoard(db, periodId),
    latestSteps(db, periodId),
    latestResults(db, periodId),
    db.member.findMany({
      where: { orgId: period.orgId },
      select: { id: true, form: true, isLeader: true, exempt: true, suspended: true, admittedOn: true, specialCase: true },
    }),
    db.ballotTally.count({ where: { periodId, supersededAt: null } }),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const reviewDay = localDateKey(now.toISOString(), offsetMinutes);
  const rows = board.map((entry): AppraisalPaperRow => {
    const m = byId.get(entry.memberId)!;
    const s = steps.get(entry.memberId) ?? {};
    const result = results.get(entry.memberId);
    const status = {
      exempt: m.exempt,
      suspended: m.suspended,
      admittedOn: m.admittedOn?.toISOString().slice(0, 10) ?? null,
      specialCase: (m.specialCase as SpecialCase | null) ?? null,
    };
    return {
      fullName: entry.fullName,
      form: formOf(m),
      notEvaluated: notEvaluatedReasons(status, reviewDay, rules),
      specialCase: status.specialCase,
      self: entry.selfScore,
      appraisal: s.appraisal ? { score: s.appraisal.score, level: s.appraisal.level, grounds: s.appraisal.grounds } : null,
      meeting: s.meeting ? { note: s.meeting.note } : null,
      proposal: s.proposal ? { level: s.proposal.level, note: s.proposal.note } : null,
      result: result ? { state: result.state, outcome: result.outcome } : null,
    };
  });
  return {
    ...(await loadIssuer(db, period.orgId)),
    secretaryName: await secretaryName(db, period.orgId),
    year: period.year,
    quarter: period.quarter,
    rulebookTitle: rulebook.title,
    rows,
    cap: capRuleOf(rulebook, parseOpenPoints(period.openPoints) ?? {}),
    ballotRecorded: ballots > 0,
  };
}
