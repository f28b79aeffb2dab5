// M1–M13: the rating of one party member from their status, their discipline record and the branch's tally.
import type { DaySpan } from "./calendar";
import { disciplineInYear, type DisciplineInput } from "./discipline";
import type { MemberKind, MemberLevel } from "./levels";
import { DomainError, reason, type Reason } from "./reasons";
import type { Rulebook } from "./rulebook";
import { levelByVote, validateTally, type TallyInput } from "./tally";

export type MemberStatusInput = {
  kind: MemberKind;
  exempt: boolean;
  retiredNotMoved: boolean;
  /** Months away from the place of residence for work, 0 if not away. */
  workingAwayMonths: number;
  awayReportedAllowed?: boolean;
  /** Committee member or key leader (M5). */
  isLeader: boolean;
};

export type MemberRatingInput = {
  member: MemberStatusInput;
  absentFromMeeting: boolean;
  /** M12: the member wrote concrete Ho Chi Minh actions, or the secretary recorded that they presented them. */
  hcmActions: boolean;
  /** M12: the branch meeting acknowledged them (the secretary's confirmation at the meeting). */
  hcmAcknowledged: boolean;
  disciplines: DisciplineInput[];
  /** M9: the review year's first and last local days in the review time zone (calendar.ts `reviewYearDays`). */
  reviewYear: DaySpan;
  tally?: TallyInput;
  /** M11: the shortcomings the branch names for an L3 member (the secretary's words, kept as given). */
  l3Note?: string;
};

type Pending<K extends string> = { kind: K; reasons: Reason[] };
export type MemberOutcome =
  | { kind: "level"; level: MemberLevel; reasons: Reason[]; note?: string }
  | Pending<"not-evaluated"> // M2
  | Pending<"deferred"> // M3
  | Pending<"undecided"> // M13: no level reached, a new vote is needed; M8: a cap tie awaits the secretary
  | Pending<"blocked"> // M12
  | Pending<"awaiting-tally">;
export type MemberOutcomeKind = MemberOutcome["kind"];
export const MEMBER_OUTCOME_KINDS = [
  "level",
  "not-evaluated",
  "deferred",
  "undecided",
  "blocked",
  "awaiting-tally",
] as const satisfies readonly MemberOutcomeKind[];

/** M1, M2: every kind of member is evaluated unless exempted from party work and activities. */
export function isEvaluated(member: MemberStatusInput): boolean {
  return !member.exempt;
}

/** M5: committee members and leaders must write their Ho Chi Minh actions in the self-review. */
export function requiresHcmReport(member: MemberStatusInput, rulebook: Rulebook): boolean {
  return rulebook.member.hcm.leadersMustReport && member.isLeader;
}

/** M12: does this level need concrete Ho Chi Minh actions, acknowledged by the meeting? */
export function levelNeedsHcm(level: MemberLevel | null, rulebook: Rulebook): boolean {
  return level !== null && rulebook.member.hcm.requiredFor.includes(level);
}

/** M10: the reason a member is rated L3 without a vote, or null. */
export function autoL3Reason(member: MemberStatusInput, rulebook: Rulebook): Reason | null {
  const rule = rulebook.member.autoL3;
  if (rule.retiredNotMoved && member.retiredNotMoved) return reason("member.retired-not-moved");
  const reported = member.awayReportedAllowed === true || !rule.awayRequiresReport;
  if (member.workingAwayMonths >= rule.awayMonths && reported) return reason("member.working-away", { months: member.workingAwayMonths });
  return null;
}

function checkedVote(tally: TallyInput, rulebook: Rulebook) {
  const errors = validateTally(tally);
  if (errors.length > 0) throw new DomainError("tally.invalid", errors);
  return levelByVote(tally, rulebook);
}

/**
 * M12: a level that needs Ho Chi Minh actions is blocked without both the member's actions and the meeting's
 * acknowledgement of them, saying which is missing; M11: an L3 result may carry its note.
 */
function withLevel(input: MemberRatingInput, level: MemberLevel, reasons: Reason[], rulebook: Rulebook): MemberOutcome {
  if (levelNeedsHcm(level, rulebook)) {
    const missing = [
      ...(input.hcmActions ? [] : [reason("hcm.missing", { wouldBe: level })]),
      ...(input.hcmAcknowledged ? [] : [reason("hcm.unacknowledged", { wouldBe: level })]),
    ];
    if (missing.length > 0) return { kind: "blocked", reasons: [...reasons, ...missing] };
  }
  const note = level === "L3" ? input.l3Note?.trim() : undefined;
  return note ? { kind: "level", level, reasons, note } : { kind: "level", level, reasons };
}

/** M9: the result names the decision: its form, source, day and (when recorded) number and end. */
function disciplineReason(d: DisciplineInput): Reason {
  const { level, source, decidedOn: date } = d;
  return reason("member.discipline", {
    level,
    source,
    date,
    ...(d.decisionNumber ? { number: d.decisionNumber } : {}),
    ...(d.endsOn ? { endsOn: d.endsOn } : {}),
  });
}

/** Rate one member. A tally must pass `validateTally` first; an invalid one throws `tally.invalid`. */
export function rateMember(input: MemberRatingInput, rulebook: Rulebook): MemberOutcome {
  if (!isEvaluated(input.member)) return { kind: "not-evaluated", reasons: [reason("member.exempt")] };
  if (input.absentFromMeeting) return { kind: "deferred", reasons: [reason("member.absent")] };

  const vote = input.tally ? checkedVote(input.tally, rulebook) : null;
  const discipline = disciplineInYear(input.disciplines, input.reviewYear, rulebook);
  const disciplineReasons = discipline ? [disciplineReason(discipline)] : [];

  if (discipline && rulebook.member.discipline.forcesL4) {
    const grounds = vote?.level === "L4" ? vote.reasons.slice(1) : [];
    return { kind: "level", level: "L4", reasons: [...disciplineReasons, ...grounds] };
  }
  // M10 holds only "with no violation": a discipline, or an L4 majority, rules it out.
  const auto = discipline ? null : autoL3Reason(input.member, rulebook);
  if (auto && vote?.level !== "L4") return withLevel(input, "L3", [auto], rulebook);

  if (!vote) return { kind: "awaiting-tally", reasons: [...disciplineReasons, reason("tally.missing")] };
  if (vote.level === null) return { kind: "undecided", reasons: [...disciplineReasons, ...vote.reasons] };
  // M9: an L4 majority says why; without a recorded ground it waits for the secretary to record one.
  if (vote.level === "L4" && rulebook.member.discipline.l4VoteNeedsGround && !vote.reasons.some((r) => r.code === "vote.l4-ground"))
    return { kind: "blocked", reasons: [...vote.reasons, reason("vote.l4-no-ground")] };
  return withLevel(input, vote.level, [...disciplineReasons, ...vote.reasons], rulebook);
}
