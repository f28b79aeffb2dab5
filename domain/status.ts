// /status for a branch: how many members are in each state, who they are, overall and per party group (M6).
// One pass over the members; built for branches (or whole committees) of tens of thousands.
import { toMs } from "./calendar";
import type { MemberLevel } from "./levels";
import type { MemberOutcome, MemberStatusInput } from "./member-rating";
import type { ResultState } from "./results";
import type { Rulebook } from "./rulebook";
import { submissionStateAt, submissionStateOf, type ReviewMark, type SubmissionState } from "./submission";

export type StatusMember = {
  id: string;
  name: string;
  group?: string | null;
  status: MemberStatusInput;
  review?: { submittedAt: string | null };
  absent: boolean;
  /** No Telegram chat linked: reminders cannot reach them. */
  unreachable: boolean;
  hasTally: boolean;
  outcome?: MemberOutcome;
  resultState?: ResultState;
};

export type StatusCounts = {
  total: number;
  submitted: number;
  late: number;
  missing: number;
  draft: number;
  pending: number;
  notEvaluated: number;
  deferred: number;
  /** Members whose ballots have been counted. */
  counted: number;
  /** Levels of results that stand (a revoked result does not count). */
  rated: Record<MemberLevel, number>;
  blocked: number;
  undecided: number;
  recognized: number;
  unreachable: number;
};

export type StatusLists = Record<SubmissionState, string[]> & { unreachable: string[] };
export type GroupStatus = { group: string | null; counts: StatusCounts; members: StatusLists };
export type BranchStatus = { counts: StatusCounts; members: StatusLists; groups: GroupStatus[] };

const STATE_COUNT: Record<SubmissionState, keyof StatusCounts> = {
  submitted: "submitted",
  late: "late",
  missing: "missing",
  draft: "draft",
  pending: "pending",
  "not-evaluated": "notEvaluated",
  deferred: "deferred",
};

function emptyTally(): { counts: StatusCounts; members: StatusLists } {
  return {
    counts: {
      total: 0,
      submitted: 0,
      late: 0,
      missing: 0,
      draft: 0,
      pending: 0,
      notEvaluated: 0,
      deferred: 0,
      counted: 0,
      rated: { L1: 0, L2: 0, L3: 0, L4: 0 },
      blocked: 0,
      undecided: 0,
      recognized: 0,
      unreachable: 0,
    },
    members: {
      submitted: [],
      late: [],
      missing: [],
      draft: [],
      pending: [],
      "not-evaluated": [],
      deferred: [],
      unreachable: [],
    },
  };
}

/** Adds `n` members in one submission state (n > 1 when counting kinds of members rather than members). */
function countState(c: StatusCounts, state: SubmissionState, unreachable: boolean, n: number): void {
  c.total += n;
  (c[STATE_COUNT[state]] as number) += n;
  if (unreachable) c.unreachable += n;
}

/** Adds `n` members holding one current result. M14: a revoked result is not among the rated levels. */
function countResult(c: StatusCounts, outcome: MemberOutcome | undefined, resultState: ResultState | undefined, n: number): void {
  if (resultState === "recognized") c.recognized += n;
  if (!outcome || resultState === "revoked") return;
  if (outcome.kind === "level") c.rated[outcome.level] += n;
  else if (outcome.kind === "blocked") c.blocked += n;
  else if (outcome.kind === "undecided") c.undecided += n;
}

function add(t: { counts: StatusCounts; members: StatusLists }, m: StatusMember, state: SubmissionState): void {
  countState(t.counts, state, m.unreachable, 1);
  t.members[state].push(m.id);
  if (m.unreachable) t.members.unreachable.push(m.id);
  if (m.hasTally) t.counts.counted++;
  countResult(t.counts, m.outcome, m.resultState, 1);
}

export function branchStatus(input: { members: readonly StatusMember[]; deadline: string; now: string }): BranchStatus {
  const deadlineMs = toMs(input.deadline);
  const nowMs = toMs(input.now);
  const overall = emptyTally();
  const groups = new Map<string | null, GroupStatus>();
  for (const m of input.members) {
    const state = submissionStateAt(m.status, m.review, m.absent, deadlineMs, nowMs);
    add(overall, m, state);
    const key = m.group ?? null;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { group: key, ...emptyTally() }));
    add(group, m, state);
  }
  return { ...overall, groups: [...groups.values()] };
}

/**
 * M6 (B.II.3): members self-review in their party group only in a branch of more than 15 members "có thành lập các
 * tổ đảng": size alone does not set groups up; at least one member placed in a group does.
 */
export function reviewsInGroups(members: readonly { group?: string | null }[], rulebook: Rulebook): boolean {
  const hasGroups = members.some((m) => (m.group ?? "").trim() !== "");
  return hasGroups && members.length > rulebook.member.groupsAboveMembers;
}

/**
 * An upper committee's line for a branch needs counts, not members: the store hands over how many members share
 * each combination of facts, and each combination is classified once by the same rules as a single member.
 * Each part is counted on its own: the submission state, reachability, counts and the current result are
 * independent of each other in StatusCounts.
 */
export type BranchTallies = {
  /** How many members share a status, a review mark (T2: `late` as marked against the current deadline) and an absence. */
  submissions: { status: MemberStatusInput; review?: ReviewMark; absent: boolean; members: number }[];
  unreachable: number;
  /** Members whose ballots have been counted. */
  counted: number;
  /** How many members hold each current result. */
  results: { outcome: MemberOutcome; state: ResultState; members: number }[];
};

export function branchCounts(input: BranchTallies & { deadline: string; now: string }): StatusCounts {
  const { counts } = emptyTally();
  const pastDeadline = toMs(input.now) > toMs(input.deadline);
  for (const s of input.submissions) countState(counts, submissionStateOf(s.status, s.review, s.absent, pastDeadline), false, s.members);
  counts.unreachable = input.unreachable;
  counts.counted = input.counted;
  for (const r of input.results) countResult(counts, r.outcome, r.state, r.members);
  return counts;
}

/** The counts of several branches together (an upper committee's totals). */
export function sumCounts(list: readonly StatusCounts[]): StatusCounts {
  const { counts: total } = emptyTally();
  for (const c of list) {
    for (const key of Object.keys(total) as (keyof StatusCounts)[]) {
      if (key === "rated") for (const level of Object.keys(total.rated) as MemberLevel[]) total.rated[level] += c.rated[level];
      else total[key] += c[key];
    }
  }
  return total;
}
