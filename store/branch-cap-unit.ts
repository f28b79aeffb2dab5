// M8: where a branch's L1 cap is counted (RULES M8, revised Decision). A branch under a base committee keeps no cap
// of its own: its pass follows the committee's recorded cut; a standalone base branch, or a branch with no
// committee, caps itself as before, with its secretary deciding ties.
import {
  applyCommitteeDecisions,
  applyL1Cap,
  capRuleOf,
  l1ShareOf,
  type CapEntry,
  type CapResolution,
  type CapResult,
  type CommitteeCapDecision,
  type MemberOutcome,
  type Rulebook,
} from "../domain";
import type { Db, Tx } from "./client";
import type { BranchInputs } from "./rating-inputs";

/** The base committee whose cap a branch's members count in, or null when the branch counts its own. */
export async function capCommitteeOf(db: Db | Tx, orgId: string): Promise<string | null> {
  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: { kind: true, parent: { select: { id: true, kind: true } } },
  });
  return org?.kind === "branch" && org.parent?.kind === "base-committee" ? org.parent.id : null;
}

export type DecisionRow = {
  memberId: string;
  level: string;
  chosen: boolean;
  votesL1: number;
  denominator: number;
  cap: number;
  base: number;
};

export const decisionFromRow = (d: DecisionRow): CommitteeCapDecision => ({
  memberId: d.memberId,
  level: d.level as CapResolution,
  chosen: d.chosen,
  share: { votes: d.votesL1, of: d.denominator },
  cap: d.cap,
  base: d.base,
});

export type BranchCap = Pick<CapResult, "outcomes" | "final" | "tie" | "waitingForTally"> & {
  /** What the stored result keeps of the cap it was computed under. */
  capInputs(memberId: string): Record<string, unknown>;
};

/** The cap of one branch's pass: its own (with the secretary's tie decisions), or its committee's recorded cut. */
export async function capOfBranch(tx: Tx, branch: BranchInputs, entries: CapEntry[], rulebook: Rulebook): Promise<BranchCap> {
  const committeeId = await capCommitteeOf(tx, branch.orgId);
  if (!committeeId) return ownCap(tx, branch.periodId, entries, rulebook);
  const rows = await tx.committeeCapDecision.findMany({
    where: { committeeId, year: branch.year, memberId: { in: entries.map((e) => e.memberId) } },
  });
  const decisions = rows.map(decisionFromRow);
  const tallies = new Map(branch.members.map((m) => [m.id, m.tally]));
  const outcomes = applyCommitteeDecisions(
    entries.map((e) => {
      const tally = tallies.get(e.memberId);
      return { memberId: e.memberId, outcome: e.outcome, share: tally ? l1ShareOf(tally, rulebook) : null };
    }),
    decisions,
    capRuleOf(rulebook),
  );
  const withKind = (...kinds: MemberOutcome["kind"][]) => entries.filter((e) => kinds.includes(e.outcome.kind)).map((e) => e.memberId);
  const waitingForTally = withKind("awaiting-tally");
  // The branch is done with its part when nothing of its own is pending; the cut itself is the committee's.
  const final = waitingForTally.length === 0 && withKind("blocked", "undecided").length === 0;
  const decided = new Map(rows.map((d) => [d.memberId, d]));
  return {
    outcomes,
    final,
    waitingForTally,
    capInputs(memberId) {
      const d = decided.get(memberId);
      const moved = d && outcomes[memberId]?.reasons.some((r) => r.code.startsWith("cap.committee-"));
      return moved ? { committee: committeeId, cap: d.cap, base: d.base, level: d.level } : { committee: committeeId };
    },
  };
}

async function ownCap(tx: Tx, periodId: string, entries: CapEntry[], rulebook: Rulebook): Promise<BranchCap> {
  let cap = applyL1Cap(entries, rulebook);
  if (cap.tie && !cap.final) {
    const decisions = await tx.capDecision.findMany({ where: { periodId, memberId: { in: cap.tie.candidates } } });
    if (decisions.length === cap.tie.candidates.length) {
      const resolutions = Object.fromEntries(decisions.map((d) => [d.memberId, d.level as CapResolution]));
      cap = applyL1Cap(entries, rulebook, resolutions);
    }
  }
  const stored = { cap: cap.cap, base: cap.base };
  return { ...cap, capInputs: () => stored };
}
