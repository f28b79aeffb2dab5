// M1–M13: the rating of one party member from their status, their discipline record and the branch's tally.
import { localYear } from "./calendar";
import { DISCIPLINE_LEVELS, type DisciplineLevel, type DisciplineSource, type MemberKind, type MemberLevel } from "./levels";
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

export type DisciplineInput = { level: DisciplineLevel; source: DisciplineSource /** ISO instant or YYYY-MM-DD */; date: string };

export type MemberRatingInput = {
  member: MemberStatusInput;
  absentFromMeeting: boolean;
  hcmActions: boolean;
  disciplines: DisciplineInput[];
  periodYear: number;
  /** The review time zone's offset (TZ_REVIEW): in which local year a discipline was decided (M9). */
  offsetMinutes: number;
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

/** M9: is this a form of discipline its source decides (e.g. "hạ bậc lương" is the state's only)? */
export function isDisciplineForm(source: DisciplineSource, level: DisciplineLevel, rulebook: Rulebook): boolean {
  const { sources, forms } = rulebook.member.discipline;
  return sources.includes(source) && forms[source].includes(level);
}

/** M9: the heaviest qualifying discipline decided in the period year, or null. */
export function disciplineInYear(
  disciplines: DisciplineInput[],
  year: number,
  rulebook: Rulebook,
  offsetMinutes: number,
): DisciplineInput | null {
  const minimum = DISCIPLINE_LEVELS.indexOf(rulebook.member.discipline.minimumLevel);
  let heaviest: DisciplineInput | null = null;
  for (const d of disciplines) {
    const severity = DISCIPLINE_LEVELS.indexOf(d.level);
    if (severity < minimum || !isDisciplineForm(d.source, d.level, rulebook)) continue;
    if (localYear(d.date, offsetMinutes) !== year) continue;
    if (!heaviest || severity > DISCIPLINE_LEVELS.indexOf(heaviest.level)) heaviest = d;
  }
  return heaviest;
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

/** M12: a level that needs Ho Chi Minh actions is blocked without them; M11: an L3 result may carry its note. */
function withLevel(input: MemberRatingInput, level: MemberLevel, reasons: Reason[], rulebook: Rulebook): MemberOutcome {
  if (!input.hcmActions && rulebook.member.hcm.requiredFor.includes(level))
    return { kind: "blocked", reasons: [...reasons, reason("hcm.missing", { wouldBe: level })] };
  const note = level === "L3" ? input.l3Note?.trim() : undefined;
  return note ? { kind: "level", level, reasons, note } : { kind: "level", level, reasons };
}

/** Rate one member. A tally must pass `validateTally` first; an invalid one throws `tally.invalid`. */
export function rateMember(input: MemberRatingInput, rulebook: Rulebook): MemberOutcome {
  if (!isEvaluated(input.member)) return { kind: "not-evaluated", reasons: [reason("member.exempt")] };
  if (input.absentFromMeeting) return { kind: "deferred", reasons: [reason("member.absent")] };

  const vote = input.tally ? checkedVote(input.tally, rulebook) : null;
  const discipline = disciplineInYear(input.disciplines, input.periodYear, rulebook, input.offsetMinutes);
  const disciplineReasons = discipline
    ? [reason("member.discipline", { level: discipline.level, source: discipline.source, date: discipline.date })]
    : [];

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
