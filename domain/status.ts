// /status for a branch: how many members are in each state, who they are, overall and per party group (M6).
// One pass over the members; built for branches (or whole committees) of tens of thousands.
import { toMs } from "./calendar";
import type { MemberLevel } from "./levels";
import type { MemberOutcome, MemberStatusInput } from "./member-rating";
import type { ResultState } from "./results";
import type { Rulebook } from "./rulebook";
import { submissionStateAt, type SubmissionState } from "./submission";

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
      total: 0, submitted: 0, late: 0, missing: 0, draft: 0, pending: 0, notEvaluated: 0, deferred: 0,
      counted: 0, rated: { L1: 0, L2: 0, L3: 0, L4: 0 }, blocked: 0, undecided: 0, recognized: 0, unreachable: 0,
    },
    members: {
      submitted: [], late: [], missing: [], draft: [], pending: [], "not-evaluated": [], deferred: [], unreachable: [],
    },
  };
}

function add(t: { counts: StatusCounts; members: StatusLists }, m: StatusMember, state: SubmissionState): void {
  const c = t.counts;
  c.total++;
  (c[STATE_COUNT[state]] as number)++;
  t.members[state].push(m.id);
  if (m.unreachable) {
    c.unreachable++;
    t.members.unreachable.push(m.id);
  }
  if (m.hasTally) c.counted++;
  if (m.resultState === "recognized") c.recognized++;
  const o = m.outcome;
  if (!o || m.resultState === "revoked") return;
  if (o.kind === "level") c.rated[o.level]++;
  else if (o.kind === "blocked") c.blocked++;
  else if (o.kind === "undecided") c.undecided++;
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

/** M6: does a branch of this size review in party groups? */
export function reviewsInGroups(memberCount: number, rulebook: Rulebook): boolean {
  return memberCount > rulebook.member.groupsAboveMembers;
}
