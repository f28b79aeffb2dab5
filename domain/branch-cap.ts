// M8: L1 members may not exceed 15% of the branch's members rated "good". Applied to the whole branch at once,
// after every member's vote has been rated.
import { cutAtSeats } from "./cap-boundary";
import { l1CapCount } from "./cap-count";
import type { MemberLevel } from "./levels";
import type { MemberOutcome } from "./member-rating";
import { reason, type Reason } from "./reasons";
import type { Rulebook } from "./rulebook";

export type CapEntry = { memberId: string; outcome: MemberOutcome; l1Votes: number };
export type CapResolution = "L1" | "L2";

export const CAP_RESOLUTION_ERRORS = [
  "cap.resolution-incomplete", // a tied member has no choice
  "cap.resolution-wrong-count", // the choices do not fill exactly the seats left
  "cap.resolution-not-tied", // a choice for a member who is not in the tie
] as const;
export type CapResolutionError = (typeof CAP_RESOLUTION_ERRORS)[number];

export type CapResult = {
  outcomes: Record<string, MemberOutcome>;
  cap: number;
  base: number;
  /** Members tied at the boundary and how many of them may stay L1. */
  tie?: { candidates: string[]; seatsLeft: number; votes: number };
  /** False while a tie waits for the secretary, or while votes are still to be counted. */
  final: boolean;
  /** Members still awaiting their vote: the base of the cap is unknown until they are counted. */
  waitingForTally?: string[];
  /** Blocked (M12) or undecided (M13) members: they may still reach L2 or better, so the base can still grow. */
  baseCanChange?: string[];
  resolutionErrors?: CapResolutionError[];
};

export const hasLevel = (o: MemberOutcome, level: MemberLevel) => o.kind === "level" && o.level === level;

/** M8 Decision: the base of the cap, counted from the outcomes by the vote (before any cap). */
export function capBase(entries: readonly { outcome: MemberOutcome }[], rulebook: Rulebook): number {
  const counted: MemberLevel[] = rulebook.member.l1Cap.base === "l2-only" ? ["L2"] : ["L1", "L2"];
  return entries.filter((e) => counted.some((level) => hasLevel(e.outcome, level))).length;
}

export function withLevel(outcome: MemberOutcome, level: MemberLevel, extra: Reason[]): MemberOutcome {
  return { kind: "level", level, reasons: [...outcome.reasons, ...extra] };
}

export function validateCapResolutions(
  tied: string[],
  seatsLeft: number,
  resolutions: Record<string, CapResolution>,
): CapResolutionError[] {
  const errors: CapResolutionError[] = [];
  if (tied.some((id) => !Object.hasOwn(resolutions, id))) errors.push("cap.resolution-incomplete");
  if (tied.filter((id) => resolutions[id] === "L1").length !== seatsLeft) errors.push("cap.resolution-wrong-count");
  if (Object.keys(resolutions).some((id) => !tied.includes(id))) errors.push("cap.resolution-not-tied");
  return errors;
}

export function applyL1Cap(entries: CapEntry[], rulebook: Rulebook, resolutions?: Record<string, CapResolution>): CapResult {
  const base = capBase(entries, rulebook);
  const cap = l1CapCount(base, rulebook);
  const outcomes: Record<string, MemberOutcome> = {};
  for (const e of entries) outcomes[e.memberId] = e.outcome;
  // Nobody is moved down, finally, while the base can still change: a missing vote, a blocked result, a new vote.
  const withKind = (...kinds: MemberOutcome["kind"][]) => entries.filter((e) => kinds.includes(e.outcome.kind)).map((e) => e.memberId);
  const waitingForTally = withKind("awaiting-tally");
  const baseCanChange = withKind("blocked", "undecided");
  if (waitingForTally.length > 0 || baseCanChange.length > 0) {
    const pending: Pick<CapResult, "waitingForTally" | "baseCanChange"> = {};
    if (waitingForTally.length > 0) pending.waitingForTally = waitingForTally;
    if (baseCanChange.length > 0) pending.baseCanChange = baseCanChange;
    return { outcomes, cap, base, final: false, ...pending };
  }

  const ranked = entries.filter((e) => hasLevel(e.outcome, "L1")).sort((a, b) => b.l1Votes - a.l1Votes);
  const cut = cutAtSeats(ranked, cap, (a, b) => a.l1Votes === b.l1Votes);
  const demote = (e: CapEntry, extra: Reason[] = []) => {
    const demoted = reason("cap.demoted", { cap, base, votes: e.l1Votes });
    outcomes[e.memberId] = withLevel(e.outcome, "L2", [...extra, demoted]);
  };
  for (const e of cut.out) demote(e);
  if (!cut.tie) return { outcomes, cap, base, final: true };

  const tied = cut.tie.tied;
  const { seatsLeft } = cut.tie;
  const tie = { candidates: tied.map((e) => e.memberId), seatsLeft, votes: tied[0]!.l1Votes };

  if (rulebook.member.l1Cap.tieBreak === "demote-all-tied") {
    for (const e of tied) demote(e);
    return { outcomes, cap, base, tie, final: true };
  }
  const resolutionErrors = resolutions ? validateCapResolutions(tie.candidates, seatsLeft, resolutions) : [];
  if (resolutions && resolutionErrors.length === 0) {
    for (const e of tied) {
      const chose = reason("cap.secretary-chose", { level: resolutions[e.memberId]! });
      if (resolutions[e.memberId] === "L1") outcomes[e.memberId] = withLevel(e.outcome, "L1", [chose]);
      else demote(e, [chose]);
    }
    return { outcomes, cap, base, tie, final: true };
  }
  for (const e of tied) {
    const waiting = reason("cap.tie", { cap, base, votes: e.l1Votes, seatsLeft, tied: tied.length });
    outcomes[e.memberId] = { kind: "undecided", reasons: [...e.outcome.reasons, waiting] };
  }
  return resolutions ? { outcomes, cap, base, tie, final: false, resolutionErrors } : { outcomes, cap, base, tie, final: false };
}
