// M14, M15: a member's result is a list of versions, never overwritten. The branch committee proposes, the committee
// above recognizes, and a result found wrong is revoked with who, when and why.
import { isIsoInstant } from "./calendar";
import type { MemberOutcome } from "./member-rating";

export const RESULT_STATES = ["proposed", "recognized", "revoked"] as const;
export type ResultState = (typeof RESULT_STATES)[number];

export type ResultVersion = {
  version: number;
  state: ResultState;
  outcome: MemberOutcome;
  by: string;
  at: string;
  /** Why a result was revoked, in the words of whoever revoked it. */
  why?: string;
};

export const RESULT_ERROR_CODES = [
  "result.none", // nothing to recognize or revoke
  "result.not-proposed", // only a proposed result can be recognized
  "result.not-a-level", // a blocked, undecided... outcome cannot be recognized
  "result.revoke-first", // a recognized result changes only by revoking it
  "result.already-revoked",
  "result.why-required",
  "result.invalid-instant",
] as const;
export type ResultErrorCode = (typeof RESULT_ERROR_CODES)[number];
export type ResultChange = { ok: true; history: ResultVersion[] } | { ok: false; error: ResultErrorCode };

type Actor = { by: string; at: string };

/**
 * M15: a branch sends its results up only when none still needs the branch: a vote to count or repeat (M13),
 * Ho Chi Minh actions to record (M12), or a cap tie to decide (M8). Not evaluated and deferred members do not
 * hold the others back (M2, M3).
 */
export function holdsBackSending(outcome: MemberOutcome): boolean {
  return outcome.kind === "undecided" || outcome.kind === "blocked" || outcome.kind === "awaiting-tally";
}

export function currentResult(history: readonly ResultVersion[]): ResultVersion | null {
  return history.length > 0 ? history[history.length - 1]! : null;
}

function append(history: readonly ResultVersion[], next: Omit<ResultVersion, "version">): ResultChange {
  if (!isIsoInstant(next.at)) return { ok: false, error: "result.invalid-instant" };
  return { ok: true, history: [...history, { version: history.length + 1, ...next }] };
}

/** M15: the branch committee proposes (again, after a revocation or to correct its own proposal). */
export function proposeResult(history: readonly ResultVersion[], change: Actor & { outcome: MemberOutcome }): ResultChange {
  if (currentResult(history)?.state === "recognized") return { ok: false, error: "result.revoke-first" };
  return append(history, { state: "proposed", outcome: change.outcome, by: change.by, at: change.at });
}

/** M15: the committee above recognizes a proposed level. */
export function recognizeResult(history: readonly ResultVersion[], change: Actor): ResultChange {
  const current = currentResult(history);
  if (!current) return { ok: false, error: "result.none" };
  if (current.state !== "proposed") return { ok: false, error: "result.not-proposed" };
  if (current.outcome.kind !== "level") return { ok: false, error: "result.not-a-level" };
  return append(history, { state: "recognized", outcome: current.outcome, by: change.by, at: change.at });
}

/** M14: revoke a proposed or recognized result, keeping who, when and why. */
export function revokeResult(history: readonly ResultVersion[], change: Actor & { why: string }): ResultChange {
  const current = currentResult(history);
  if (!current) return { ok: false, error: "result.none" };
  if (current.state === "revoked") return { ok: false, error: "result.already-revoked" };
  const why = change.why.trim();
  if (!why) return { ok: false, error: "result.why-required" };
  return append(history, { state: "revoked", outcome: current.outcome, by: change.by, at: change.at, why });
}
