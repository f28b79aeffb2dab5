// M8, revised Decision: the members' L1 cap counted where results are recognized, across all branches of a base
// committee for a year. A branch under the committee keeps no cap of its own (it sees a preview); the committee cuts,
// by a ranking its members can check, and decides ties at the boundary itself.
//
// Decision (ranking across branches): the guideline ranks by L1 votes within one vote, but counts of different
// branches are not comparable (25 of 30 and 9 of 10). Candidates are ranked by their share of L1 ballots in the
// vote's own denominator (M7: the branch's official members), compared exactly by cross-multiplying; equal shares
// at the boundary are a tie for the committee's members to decide.
import { capBase, hasLevel, validateCapResolutions, withLevel, type CapResolution } from "./branch-cap";
import { cutAtSeats } from "./cap-boundary";
import { l1CapCount } from "./cap-count";
import type { Fraction } from "./fraction";
import type { MemberOutcome } from "./member-rating";
import { reason, type Reason } from "./reasons";
import type { Rulebook } from "./rulebook";
import type { TallyInput } from "./tally";

/** An L1 vote as a share: the L1 ballots out of the vote's denominator (M7). */
export type L1Share = { votes: number; of: number };

export function l1ShareOf(tally: TallyInput, rulebook: Rulebook): L1Share {
  return { votes: tally.votes.L1, of: rulebook.member.denominator === "official" ? tally.official : tally.present };
}

/** Positive when `a` is the larger share: votesₐ × ofᵦ against votesᵦ × ofₐ, integers only. */
export function compareShares(a: L1Share, b: L1Share): number {
  return a.votes * b.of - b.votes * a.of;
}

const sameVote = (a: L1Share, b: L1Share) => a.votes === b.votes && a.of === b.of;

export type CommitteeMember = {
  memberId: string;
  /** The rating by the vote alone, before any cap; for a recognized result, the recognized outcome. */
  outcome: MemberOutcome;
  recognized: boolean;
  /** The member's L1 vote, when there is a vote. */
  share: L1Share | null;
};

export type CommitteeBranch = {
  branchId: string;
  /** The rulebook of the branch's period of the year; null when the branch has no period of that year. */
  rulebookId: string | null;
  members: CommitteeMember[];
};

/** What the committee recorded for one candidate, on the vote it was decided on. */
export type CommitteeCapDecision = {
  memberId: string;
  level: CapResolution;
  /** A committee member's choice in a tie (false: moved by the ranking). */
  chosen: boolean;
  share: L1Share;
  cap: number;
  base: number;
};

export const COMMITTEE_CAP_STATES = [
  "waiting-branches", // some branch's results are not all in: the base is unknown
  "mixed-rulebooks", // the branches read the guideline with different rulebooks: no common figure
  "within", // no more candidates than seats: nothing to cut
  "tie", // a tie at the boundary waits for a committee member's choice
  "to-apply", // the cut is known and not yet recorded
  "applied", // the recorded decisions carry out the cut
] as const;
export type CommitteeCapState = (typeof COMMITTEE_CAP_STATES)[number];

export type CommitteeCap = {
  state: CommitteeCapState;
  rulebookIds: string[];
  /** The share of the common rulebook (null when they are mixed or no branch has a period). */
  share: Fraction | null;
  base: number;
  cap: number;
  /** Members L1 by the vote across the committee, recognized ones included. */
  candidates: Array<{ memberId: string; branchId: string; share: L1Share; recognized: boolean }>;
  /** Recognized L1 results: they hold their seats (changing one takes a revocation, M14). */
  seated: number;
  /** Branches whose results are not all in: no period of the year, a vote to count or repeat, actions to record. */
  pendingBranches: string[];
  /** The cut by the ranking, once every branch has reported: proposed candidates only. */
  keep: string[];
  demote: string[];
  tie?: { candidates: string[]; seatsLeft: number; share: L1Share; chosen: string[] };
  /** Proposed L1 results may not be recognized now: the cut is unknown, undecided or not recorded. */
  l1Held: boolean;
};

/** A recorded decision stands only on the vote it was made on. */
function decisionsInForce(decisions: readonly CommitteeCapDecision[], shares: Map<string, L1Share>) {
  const inForce = new Map<string, CommitteeCapDecision>();
  for (const d of decisions) {
    const share = shares.get(d.memberId);
    if (share && sameVote(share, d.share)) inForce.set(d.memberId, d);
  }
  return inForce;
}

const PENDING_KINDS: readonly MemberOutcome["kind"][] = ["awaiting-tally", "blocked", "undecided"];

function pendingBranches(branches: readonly CommitteeBranch[]): string[] {
  const pending = (b: CommitteeBranch) =>
    b.rulebookId === null || b.members.some((m) => !m.recognized && PENDING_KINDS.includes(m.outcome.kind));
  return branches.filter(pending).map((b) => b.branchId);
}

export function committeeCap(
  branches: readonly CommitteeBranch[],
  decisions: readonly CommitteeCapDecision[],
  rulebookOf: (id: string) => Rulebook,
): CommitteeCap {
  const rulebookIds = [...new Set(branches.flatMap((b) => (b.rulebookId ? [b.rulebookId] : [])))];
  const mixed = rulebookIds.length > 1;
  const rulebook = rulebookIds.length === 1 ? rulebookOf(rulebookIds[0]!) : null;
  // Each branch's base by its own rulebook's values; the share only when there is one rulebook.
  const base = branches.reduce((sum, b) => sum + (b.rulebookId ? capBase(b.members, rulebookOf(b.rulebookId)) : 0), 0);
  const cap = rulebook ? l1CapCount(base, rulebook) : 0;
  const candidates = branches.flatMap((b) =>
    b.members
      .filter((m) => hasLevel(m.outcome, "L1") && m.share)
      .map((m) => ({ memberId: m.memberId, branchId: b.branchId, share: m.share!, recognized: m.recognized })),
  );
  const seated = candidates.filter((c) => c.recognized).length;
  const pending = pendingBranches(branches);
  const figure = { rulebookIds, share: rulebook?.member.l1Cap.share ?? null, base, cap, candidates, seated, pendingBranches: pending };
  const held = { keep: [], demote: [], l1Held: true };
  if (mixed) return { state: "mixed-rulebooks", ...figure, ...held };
  if (pending.length > 0 || !rulebook) return { state: "waiting-branches", ...figure, ...held };

  const proposed = candidates.filter((c) => !c.recognized).sort((a, b) => compareShares(b.share, a.share));
  const cut = cutAtSeats(proposed, Math.max(0, cap - seated), (a, b) => compareShares(a.share, b.share) === 0);
  const demoteAllTied = rulebook.member.l1Cap.tieBreak === "demote-all-tied";
  const keep = cut.keep.map((c) => c.memberId);
  const demote = [...cut.out, ...(demoteAllTied ? (cut.tie?.tied ?? []) : [])].map((c) => c.memberId);
  const inForce = decisionsInForce(decisions, new Map(proposed.map((c) => [c.memberId, c.share])));

  const wanted = new Map<string, CapResolution>([...keep.map((id) => [id, "L1"] as const), ...demote.map((id) => [id, "L2"] as const)]);
  let tie: CommitteeCap["tie"];
  if (cut.tie && !demoteAllTied) {
    const tied = cut.tie.tied.map((c) => c.memberId);
    const choices = Object.fromEntries(tied.flatMap((id) => (inForce.get(id)?.chosen ? [[id, inForce.get(id)!.level]] : [])));
    const chosen = tied.filter((id) => choices[id] === "L1");
    tie = { candidates: tied, seatsLeft: cut.tie.seatsLeft, share: cut.tie.tied[0]!.share, chosen };
    if (validateCapResolutions(tied, cut.tie.seatsLeft, choices).length > 0)
      return { state: "tie", ...figure, keep, demote, tie, l1Held: true };
    for (const id of tied) wanted.set(id, choices[id]!);
  }
  // Recorded: each candidate's decision in force (none: L1) is what the cut wants, with today's cap and base.
  const recorded = proposed.every((c) => {
    const d = inForce.get(c.memberId);
    if (wanted.get(c.memberId) === "L1") return !d || d.level === "L1";
    return d?.level === "L2" && d.cap === cap && d.base === base;
  });
  const state = !recorded ? "to-apply" : demote.length === 0 && !tie ? "within" : "applied";
  return { state, ...figure, keep, demote, ...(tie ? { tie } : {}), l1Held: state === "to-apply" };
}

/**
 * The branch pass of a branch under a committee: no cap of its own; an L1 member the committee decided on keeps
 * that decision while their vote is the one it was made on.
 */
export function applyCommitteeDecisions(
  entries: ReadonlyArray<{ memberId: string; outcome: MemberOutcome; share: L1Share | null }>,
  decisions: readonly CommitteeCapDecision[],
): Record<string, MemberOutcome> {
  const shares = new Map(entries.flatMap((e) => (e.share && hasLevel(e.outcome, "L1") ? [[e.memberId, e.share] as const] : [])));
  const inForce = decisionsInForce(decisions, shares);
  const outcomes: Record<string, MemberOutcome> = {};
  for (const e of entries) {
    const d = inForce.get(e.memberId);
    if (!d) {
      outcomes[e.memberId] = e.outcome;
      continue;
    }
    const why: Reason[] = d.chosen ? [reason("cap.committee-chose", { level: d.level })] : [];
    if (d.level === "L2") why.push(reason("cap.committee-demoted", { cap: d.cap, base: d.base, votes: d.share.votes, of: d.share.of }));
    outcomes[e.memberId] = withLevel(e.outcome, d.level, why);
  }
  return outcomes;
}
