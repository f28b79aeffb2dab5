// N7 step 2 (RULES-2025): the branch's proposal from the committee's appraisal. The level the score gives
// (score-rating.ts) is the default; the branch may propose another level, but only with its reason, which the
// proposal then carries first so whoever decides reads it.
import type { MemberLevel } from "./levels";
import type { MemberOutcome } from "./member-rating";
import { reason } from "./reasons";

export const PROPOSAL_ERROR_CODES = ["proposal.not-ready", "proposal.reason-required"] as const;
export type ProposalErrorCode = (typeof PROPOSAL_ERROR_CODES)[number];

export type Proposal = { ok: true; outcome: MemberOutcome } | { ok: false; error: ProposalErrorCode };

/** Whether the appraisal lets the branch propose yet: a level, or "not evaluated" (N1); not while it waits (N8). */
export function canPropose(computed: MemberOutcome): boolean {
  return computed.kind === "level" || computed.kind === "not-evaluated";
}

/**
 * The branch's proposal: `level` null (or the computed one) proposes what the appraisal gives; another level needs
 * a reason (`note`, as typed). A member not evaluated (N1) is proposed as such, whatever level is asked.
 */
export function branchProposal(computed: MemberOutcome, level: MemberLevel | null, note: string | null): Proposal {
  if (!canPropose(computed)) return { ok: false, error: "proposal.not-ready" };
  if (computed.kind !== "level" || level === null || level === computed.level) return { ok: true, outcome: computed };
  const why = note?.trim() ?? "";
  if (why === "") return { ok: false, error: "proposal.reason-required" };
  return {
    ok: true,
    outcome: { kind: "level", level, reasons: [reason("proposal.differs", { computed: computed.level, note: why }), ...computed.reasons] },
  };
}
