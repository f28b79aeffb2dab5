// N7 step 3: the competent level decides each member's level. As proposed, it recognizes the proposal (M15 as in
// 2011); otherwise it names the level and says why, and its decision is a new version whose reasons start with
// decision.differs (the proposal stays as the version before; a later revocation works as for any result, M14).
import { capBaseBy } from "./branch-cap";
import { capSeats } from "./cap-rule";
import type { CommitteeCap } from "./committee-cap";
import type { MemberLevel, OrgLevel } from "./levels";
import type { MemberOutcome } from "./member-rating";
import { reason, type Reason } from "./reasons";
import type { ResultErrorCode, ResultState, ResultVersion } from "./results";

export const DECISION_ERROR_CODES = [
  "decision.same-level", // the level chosen is the one proposed: that is recognizing it
  "decision.no-seat", // "xuất sắc" beyond the committee's cap (N6)
  "decision.not-appraisal", // a period of the 2011 rulebook: its levels come from the vote
] as const;
export type DecisionErrorCode = (typeof DECISION_ERROR_CODES)[number];

export type Decision = { ok: true; outcome: MemberOutcome } | { ok: false; error: ResultErrorCode | DecisionErrorCode };

export type DecisionCheck = { ok: true; differs: Reason } | { ok: false; error: ResultErrorCode | DecisionErrorCode };

/**
 * N7, NO2: whether a proposal (a member's result, or an organization's rating: `level` null when it is no level) may
 * be decided otherwise, and the reason that starts the decision's reasons.
 */
export function checkDecisionOtherwise<L extends MemberLevel | OrgLevel>(
  current: { state: ResultState; level: L | null } | null,
  change: { level: L; note: string },
): DecisionCheck {
  if (!current) return { ok: false, error: "result.none" };
  if (current.state === "recognized") return { ok: false, error: "result.revoke-first" };
  if (current.state !== "proposed") return { ok: false, error: "result.not-proposed" };
  if (current.level === null) return { ok: false, error: "result.not-a-level" };
  const note = change.note.trim();
  if (!note) return { ok: false, error: "result.why-required" };
  if (current.level === change.level) return { ok: false, error: "decision.same-level" };
  return { ok: true, differs: reason("decision.differs", { proposed: current.level, note }) };
}

/** The decided outcome of a proposal decided otherwise, or why it cannot be. */
export function decideOtherwise(current: ResultVersion | null, change: { level: MemberLevel; note: string }): Decision {
  const level = current?.outcome.kind === "level" ? current.outcome.level : null;
  const checked = checkDecisionOtherwise(current && { state: current.state, level }, change);
  if (!checked.ok) return checked;
  return { ok: true, outcome: { kind: "level", level: change.level, reasons: [checked.differs] } };
}

/**
 * N6: whether the committee may decide one more member "xuất sắc" (from `from`) within its cap: the seats taken
 * (recognized, kept by the cut, a tie's seats) against the cap of the base as it would be after the decision.
 */
export function hasSeatForExcellent(cap: CommitteeCap, from: MemberOutcome): boolean {
  if (!cap.rule || cap.l1Held) return false;
  const inBase = (o: MemberOutcome) => capBaseBy([{ outcome: o }], cap.rule!.base);
  const l1: MemberOutcome = { kind: "level", level: "L1", reasons: [] };
  const base = cap.base - inBase(from) + inBase(l1);
  const taken = cap.seated + cap.keep.length + (cap.tie?.seatsLeft ?? 0);
  return taken + 1 <= capSeats(base, cap.rule);
}
