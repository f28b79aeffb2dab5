// N6 under 366 where the base committee decides: a branch's members in the committee's figure are its proposals (no
// vote: the proposal's score ranks), and the committee's cut is written as a new version of each proposal it changes.
import {
  applyCommitteeDecisions,
  beforeCommitteeCut,
  hasLevel,
  type CapRule,
  type CommitteeMember,
  type L1Share,
  type MemberOutcome,
  type Rulebook,
} from "../domain";
import { notEvaluatedReasons, scoreRules } from "../domain/score-rating";
import { MEMBER_STATUS_COLUMNS, memberStatusOf } from "./appraisals";
import { decisionFromRow } from "./branch-cap-unit";
import type { Db, Tx } from "./client";
import { latestResults, type StoredResult, writeProposedVersion } from "./results";

/** The proposal's score out of the maximum: what ranks it in the cut (N6 Decision, domain/committee-cap.ts). */
function scoreShare(result: StoredResult, rulebook: Rulebook): L1Share {
  const score = typeof result.inputs.score === "number" ? result.inputs.score : 0;
  return { votes: score, of: (rulebook.score?.generalMax ?? 0) + (rulebook.score?.taskMax ?? 0) };
}

/** The outcome the cut starts from: a recognized result as it is, a proposal as the branch made it. */
function uncut(result: StoredResult): MemberOutcome {
  return result.state === "recognized" ? result.outcome : beforeCommitteeCut(result.outcome);
}

/**
 * The members of a 366 branch in its committee's figure. A member to be evaluated without a proposal yet keeps the
 * branch pending (its base is unknown); one N1 leaves out (exempt, suspended, admitted less than the rulebook's
 * months before `reviewDay`) and without a result counts nowhere; a revoked result is outside until the branch
 * proposes again.
 */
export async function appraisalCapMembers(db: Db | Tx, periodId: string, orgId: string, rulebook: Rulebook, reviewDay: string) {
  const roster = await db.member.findMany({
    where: { orgId },
    select: { id: true, fullName: true, ...MEMBER_STATUS_COLUMNS },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const rules = scoreRules(rulebook);
  const latest = await latestResults(db, periodId);
  const members: CommitteeMember[] = [];
  const people: Array<{ memberId: string; fullName: string; share: L1Share }> = [];
  for (const m of roster) {
    const stored = latest.get(m.id);
    if (!stored) {
      if (notEvaluatedReasons(memberStatusOf(m), reviewDay, rules).length === 0)
        members.push({ memberId: m.id, outcome: { kind: "awaiting-tally", reasons: [] }, recognized: false, share: null });
      continue;
    }
    if (stored.state === "revoked") continue;
    const outcome = uncut(stored);
    const share = hasLevel(outcome, "L1") ? scoreShare(stored, rulebook) : null;
    members.push({ memberId: m.id, outcome, recognized: stored.state === "recognized", share });
    if (share) people.push({ memberId: m.id, fullName: m.fullName, share });
  }
  return { members, people };
}

/**
 * The committee's recorded cut on one 366 branch: every proposal whose level the decisions in force change (or no
 * longer change) gets a new proposed version, its inputs kept with the cap it was counted under. Returns the
 * members changed.
 */
export async function applyCutToProposals(
  tx: Tx,
  input: { periodId: string; committeeId: string; year: number; actorId: string; rule: CapRule; rulebook: Rulebook },
  now: Date,
): Promise<string[]> {
  const latest = [...(await latestResults(tx, input.periodId)).values()].filter((r) => r.state === "proposed");
  const { committeeId, year } = input;
  const rows = await tx.committeeCapDecision.findMany({ where: { committeeId, year, memberId: { in: latest.map((r) => r.memberId) } } });
  const decisions = rows.map(decisionFromRow);
  const entries = latest.map((r) => {
    const outcome = uncut(r);
    return { memberId: r.memberId, outcome, share: hasLevel(outcome, "L1") ? scoreShare(r, input.rulebook) : null };
  });
  const outcomes = applyCommitteeDecisions(entries, decisions, input.rule);
  const changed: string[] = [];
  for (const r of latest) {
    const outcome = outcomes[r.memberId]!;
    if (JSON.stringify(outcome) === JSON.stringify(r.outcome)) continue;
    const decided = decisions.find((d) => d.memberId === r.memberId);
    const { cap: _previous, ...proposal } = r.inputs;
    const cut = outcome.reasons.some((x) => x.code.startsWith("cap.committee-"));
    const inputs =
      cut && decided
        ? { ...proposal, cap: { committee: input.committeeId, cap: decided.cap, base: decided.base, level: decided.level } }
        : proposal;
    const version = r.version + 1;
    await writeProposedVersion(
      tx,
      { periodId: input.periodId, memberId: r.memberId, version, outcome, inputs: JSON.stringify(inputs), actorId: input.actorId },
      now,
    );
    changed.push(r.memberId);
  }
  return changed;
}
