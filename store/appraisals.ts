// N7 step 2 (RULES-2025): the branch committee's appraisal of each member, the branch meeting's opinion and the
// branch's proposal. Each step is a new MemberAppraisal version (append-only; the newest of each step counts); the
// proposal is also the member's MemberResult version (state proposed), so /results, /recognize, /status and the
// exports read it as they read a 2011 proposal. Review texts are never read here, and no note goes into the audit.
import {
  branchProposal,
  getRulebook,
  localDateKey,
  reviewYearDays,
  type FixStatus,
  type MemberLevel,
  type MemberOutcome,
  type NotCompletedGround,
  type ProposalErrorCode,
  type SpecialCase,
  type TallyInput,
} from "../domain";
import { rateByScore, type ScoreFacts, type ScoreMemberStatus } from "../domain/score-rating";
import { formOf, scoreTotals, type ItemScores } from "../domain/score-items";
import type { TaskResults } from "../domain/task-results";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { recordedDisciplines } from "./disciplines";
import { latestResults, writeProposedVersion } from "./results";
import { scoreItemsFor } from "./score-items";
import { activeTallies } from "./tallies";

export const APPRAISAL_STEPS = ["appraisal", "meeting", "proposal"] as const;
export type AppraisalStep = (typeof APPRAISAL_STEPS)[number];

/** N8: the comments the appraisal records as received; the tasks and fix status it rated on (corrected or not). */
export type AppraisalFacts = {
  residenceComment?: boolean;
  temporaryBranchComment?: boolean;
  tasks?: TaskResults;
  fixStatus?: FixStatus;
};

export type StoredAppraisal = {
  step: AppraisalStep;
  version: number;
  score: number | null;
  level: MemberLevel | null;
  grounds: NotCompletedGround[];
  facts: AppraisalFacts;
  note: string | null;
  createdAt: string;
};

/** What the member submitted of their self-score (N2, N3), as plain data: totals per group, never the texts. */
export type SelfScore = {
  submitted: boolean;
  general: number | null;
  tasksPoints: number | null;
  total: number | null;
  tasks: TaskResults | null;
  fixStatus: FixStatus | null;
  proposed: MemberLevel | null;
};

type AppraisalRecord = {
  step: string;
  version: number;
  score: number | null;
  level: string | null;
  grounds: string;
  facts: string;
  note: string | null;
  createdAt: Date;
};

const toStored = (r: AppraisalRecord): StoredAppraisal => ({
  step: r.step as AppraisalStep,
  version: r.version,
  score: r.score,
  level: r.level as MemberLevel | null,
  grounds: JSON.parse(r.grounds) as NotCompletedGround[],
  facts: JSON.parse(r.facts) as AppraisalFacts,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

export type LatestSteps = Partial<Record<AppraisalStep, StoredAppraisal>>;

/** The newest version of each step, per member of the period. */
export async function latestSteps(db: Db | Tx, periodId: string, memberId?: string): Promise<Map<string, LatestSteps>> {
  const rows = await db.memberAppraisal.findMany({
    where: { periodId, ...(memberId ? { memberId } : {}) },
    orderBy: { version: "asc" },
  });
  const out = new Map<string, LatestSteps>();
  for (const row of rows) {
    const steps = out.get(row.memberId) ?? {};
    steps[row.step as AppraisalStep] = toStored(row);
    out.set(row.memberId, steps);
  }
  return out;
}

const SELF_SCORE_COLUMNS = {
  memberId: true,
  submittedAt: true,
  scores: true,
  taskResults: true,
  fixStatus: true,
  selfRating: true,
} as const;

/** The self-scores of a period's members (one, or all): totals by the items of each member's form. */
async function selfScores(db: Db | Tx, periodId: string, memberId?: string): Promise<Map<string, SelfScore>> {
  const period = await db.reviewPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { orgId: true, year: true, quarter: true } });
  const [reviews, members] = await Promise.all([
    db.selfReview.findMany({ where: { periodId, ...(memberId ? { memberId } : {}) }, select: SELF_SCORE_COLUMNS }),
    db.member.findMany({
      where: { orgId: period.orgId, ...(memberId ? { id: memberId } : {}) },
      select: { id: true, form: true, isLeader: true },
    }),
  ]);
  const formById = new Map(members.map((m) => [m.id, formOf(m)]));
  const itemsByForm = new Map<string, Awaited<ReturnType<typeof scoreItemsFor>>>();
  const out = new Map<string, SelfScore>();
  for (const r of reviews) {
    const form = formById.get(r.memberId) ?? "2B";
    if (!itemsByForm.has(form)) itemsByForm.set(form, await scoreItemsFor(db, period.orgId, period.year, period.quarter, form));
    const totals = r.scores ? scoreTotals(itemsByForm.get(form)!.items, JSON.parse(r.scores) as ItemScores) : null;
    out.set(r.memberId, {
      submitted: r.submittedAt !== null,
      general: totals?.general ?? null,
      tasksPoints: totals?.tasks ?? null,
      total: totals?.total ?? null,
      tasks: r.taskResults ? (JSON.parse(r.taskResults) as TaskResults) : null,
      fixStatus: (r.fixStatus as FixStatus | null) ?? null,
      proposed: (r.selfRating as MemberLevel | null) ?? null,
    });
  }
  return out;
}

const NO_SELF_SCORE: SelfScore = {
  submitted: false,
  general: null,
  tasksPoints: null,
  total: null,
  tasks: null,
  fixStatus: null,
  proposed: null,
};

export type BoardEntry = {
  memberId: string;
  fullName: string;
  selfScore: SelfScore;
  appraised: boolean;
  /** The member's current result's state, when the branch has proposed (or the level above has acted). */
  resultState: string | null;
  outcome: MemberOutcome | null;
};

/** /appraise's list: every member of the period's branch with their self-score and how far the steps have come. */
export async function appraisalBoard(db: Db, periodId: string): Promise<BoardEntry[]> {
  const period = await db.reviewPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { orgId: true } });
  const [members, scores, steps, results] = await Promise.all([
    db.member.findMany({
      where: { orgId: period.orgId },
      select: { id: true, fullName: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    selfScores(db, periodId),
    latestSteps(db, periodId),
    latestResults(db, periodId),
  ]);
  return members.map((m) => ({
    memberId: m.id,
    fullName: m.fullName,
    selfScore: scores.get(m.id) ?? NO_SELF_SCORE,
    appraised: Boolean(steps.get(m.id)?.appraisal),
    resultState: results.get(m.id)?.state ?? null,
    outcome: results.get(m.id)?.outcome ?? null,
  }));
}

export type MemberAppraisalView = {
  memberId: string;
  fullName: string;
  specialCase: SpecialCase | null;
  selfScore: SelfScore;
  steps: LatestSteps;
  /** N7: a ballot the branch recorded with /tally: shown as information, it decides nothing. */
  ballot: TallyInput | null;
};

/** One member's self-score and the steps recorded so far. */
export async function memberAppraisalView(db: Db, periodId: string, memberId: string): Promise<MemberAppraisalView> {
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { fullName: true, specialCase: true } });
  const [scores, steps, tallies] = await Promise.all([
    selfScores(db, periodId, memberId),
    latestSteps(db, periodId, memberId),
    activeTallies(db, periodId, memberId),
  ]);
  const ballot = tallies[0]
    ? {
        method: tallies[0].method,
        official: tallies[0].official,
        present: tallies[0].present,
        valid: tallies[0].valid,
        votes: tallies[0].votes,
      }
    : null;
  return {
    memberId,
    fullName: member.fullName,
    specialCase: (member.specialCase as SpecialCase | null) ?? null,
    selfScore: scores.get(memberId) ?? NO_SELF_SCORE,
    steps: steps.get(memberId) ?? {},
    ballot,
  };
}

/** What the committee appraised: the score it accepted or typed, the tasks, the N5 grounds and N8 comments. */
export type AppraisalInput = {
  periodId: string;
  memberId: string;
  score: number;
  tasks: TaskResults;
  fixStatus: FixStatus;
  grounds: NotCompletedGround[];
  residenceComment: boolean;
  temporaryBranchComment: boolean;
};

/** The roster facts N1 and N8 read (RULES-2025). */
export const MEMBER_STATUS_COLUMNS = { exempt: true, suspended: true, admittedOn: true, specialCase: true } as const;

export function memberStatusOf(m: {
  exempt: boolean;
  suspended: boolean;
  admittedOn: Date | null;
  specialCase: string | null;
}): ScoreMemberStatus {
  return {
    exempt: m.exempt,
    suspended: m.suspended,
    admittedOn: m.admittedOn?.toISOString().slice(0, 10) ?? null,
    specialCase: (m.specialCase as SpecialCase | null) ?? null,
  };
}

/** N1, N4, N5, N8: the level the domain gives an appraisal, with the member's facts and disciplines. */
export async function appraisalOutcome(db: Db | Tx, input: AppraisalInput, now: Date, offsetMinutes: number): Promise<MemberOutcome> {
  const [period, member, disciplines] = await Promise.all([
    db.reviewPeriod.findUniqueOrThrow({ where: { id: input.periodId }, select: { year: true, rulebookId: true } }),
    db.member.findUniqueOrThrow({ where: { id: input.memberId }, select: MEMBER_STATUS_COLUMNS }),
    recordedDisciplines(db, { memberId: input.memberId }),
  ]);
  const facts: ScoreFacts = { score: input.score, tasks: input.tasks, fixStatus: input.fixStatus };
  return rateByScore(
    {
      member: memberStatusOf(member),
      // N1's six months are counted to the day of the appraisal.
      reviewDay: localDateKey(now.toISOString(), offsetMinutes),
      facts,
      grounds: input.grounds,
      disciplines: disciplines.map(({ level, source, decidedOn, endsOn, decisionNumber }) => ({
        level,
        source,
        decidedOn,
        endsOn,
        decisionNumber,
      })),
      reviewYear: reviewYearDays(period.year),
      temporaryBranchComment: input.temporaryBranchComment,
    },
    getRulebook(period.rulebookId),
  );
}

async function nextVersion(tx: Tx, periodId: string, memberId: string, step: AppraisalStep): Promise<number> {
  const last = await tx.memberAppraisal.findFirst({
    where: { periodId, memberId, step },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return (last?.version ?? 0) + 1;
}

async function appendStep(
  tx: Tx,
  row: {
    periodId: string;
    memberId: string;
    step: AppraisalStep;
    score?: number | null;
    level?: string | null;
    grounds?: string;
    facts?: string;
    note?: string | null;
  },
  actorId: string,
  now: Date,
): Promise<number> {
  const version = await nextVersion(tx, row.periodId, row.memberId, row.step);
  const created = await tx.memberAppraisal.create({ data: { ...row, version, createdById: actorId, createdAt: now } });
  // Who, which step and what level: never the note (the meeting's words, a reason as typed).
  await recordAudit(
    tx,
    {
      actorId,
      action: `appraisal.${row.step}`,
      entity: "MemberAppraisal",
      entityId: created.id,
      data: { memberId: row.memberId, version, score: row.score ?? null, level: row.level ?? null },
    },
    now,
  );
  return version;
}

/** The committee's appraisal (a new version of the step), and the outcome the domain gives it. */
export async function recordAppraisal(
  db: Db,
  input: AppraisalInput,
  actorId: string,
  now: Date,
  offsetMinutes: number,
): Promise<{ version: number; outcome: MemberOutcome }> {
  return inTransaction(db, async (tx) => {
    const outcome = await appraisalOutcome(tx, input, now, offsetMinutes);
    const facts: AppraisalFacts = {
      residenceComment: input.residenceComment,
      temporaryBranchComment: input.temporaryBranchComment,
      tasks: input.tasks,
      fixStatus: input.fixStatus,
    };
    const version = await appendStep(
      tx,
      {
        periodId: input.periodId,
        memberId: input.memberId,
        step: "appraisal",
        score: input.score,
        level: outcome.kind === "level" ? outcome.level : null,
        grounds: JSON.stringify(input.grounds),
        facts: JSON.stringify(facts),
      },
      actorId,
      now,
    );
    return { version, outcome };
  });
}

/** The branch meeting's opinion of the appraisal (optional words; the step is recorded either way). */
export async function recordMeetingOpinion(
  db: Db,
  input: { periodId: string; memberId: string; note: string | null },
  actorId: string,
  now: Date,
): Promise<number> {
  return inTransaction(db, (tx) => appendStep(tx, { ...input, step: "meeting" }, actorId, now));
}

/** The appraisal a stored step holds, as the domain's input again. */
function appraisalInputOf(periodId: string, memberId: string, a: StoredAppraisal): AppraisalInput | null {
  if (a.score === null || !a.facts.tasks) return null;
  return {
    periodId,
    memberId,
    score: a.score,
    tasks: a.facts.tasks,
    fixStatus: a.facts.fixStatus ?? "none",
    grounds: a.grounds,
    residenceComment: a.facts.residenceComment ?? false,
    temporaryBranchComment: a.facts.temporaryBranchComment ?? false,
  };
}

export type ProposalResult =
  | { ok: true; outcome: MemberOutcome; version: number }
  | { ok: false; error: ProposalErrorCode | "proposal.no-appraisal" | "proposal.recognized" };

/**
 * The branch's proposal (N7 step 2) from the newest appraisal: a MemberAppraisal version of the step and the
 * member's MemberResult version (state proposed, inputs per issue 15), in one transaction. `level` null: what the
 * appraisal gives; another level needs `note`, its reason.
 */
export async function recordProposal(
  db: Db,
  input: { periodId: string; memberId: string; level: MemberLevel | null; note: string | null },
  actorId: string,
  now: Date,
  offsetMinutes: number,
): Promise<ProposalResult> {
  return inTransaction(db, async (tx): Promise<ProposalResult> => {
    const { periodId, memberId } = input;
    const steps = (await latestSteps(tx, periodId, memberId)).get(memberId) ?? {};
    const appraisal = steps.appraisal && appraisalInputOf(periodId, memberId, steps.appraisal);
    if (!appraisal || !steps.appraisal) return { ok: false, error: "proposal.no-appraisal" };
    const previous = (await latestResults(tx, periodId)).get(memberId);
    // M14 as in 2011: a recognized result changes only after the level above revokes it.
    if (previous?.state === "recognized") return { ok: false, error: "proposal.recognized" };
    const computed = await appraisalOutcome(tx, appraisal, now, offsetMinutes);
    const proposal = branchProposal(computed, input.level, input.note);
    if (!proposal.ok) return proposal;
    const outcome = proposal.outcome;
    const level = outcome.kind === "level" ? outcome.level : null;
    const differs = outcome.reasons[0]?.code === "proposal.differs";
    const appraisalVersion = await appendStep(
      tx,
      { periodId, memberId, step: "proposal", score: appraisal.score, level, note: differs ? (input.note?.trim() ?? null) : null },
      actorId,
      now,
    );
    const period = await tx.reviewPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { rulebookId: true } });
    const version = (previous?.version ?? 0) + 1;
    const inputs = {
      rulebookId: period.rulebookId,
      score: appraisal.score,
      tasks: appraisal.tasks,
      fixStatus: appraisal.fixStatus,
      grounds: appraisal.grounds,
      appraisalVersion: steps.appraisal.version,
      proposalVersion: appraisalVersion,
    };
    await writeProposedVersion(tx, { periodId, memberId, version, outcome, inputs: JSON.stringify(inputs), actorId }, now);
    return { ok: true, outcome, version };
  });
}
