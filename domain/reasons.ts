// Why a result is what it is, as machine-readable codes. The bot translates each with the i18next key
// `reason.<code>` and passes `params` for interpolation; the domain never writes prose.
import type { CapRounding } from "./rulebook";
import type {
  DisciplineLevel,
  DisciplineSource,
  L4Ground,
  MemberLevel,
  NotCompletedGround,
  OrgKind,
  OrgLevel,
  OrgScoreCondition,
  ScoreCondition,
  SpecialCase,
} from "./levels";

export const TSVM_CONDITIONS = [
  "units-strong", // professional body and every mass organization strong or advanced
  "no-leader-disciplined",
  "members-l2-or-better",
  "branches-rated", // every subordinate branch's rating recognized (unknown ones cannot count as TSVM)
  "branches-tsvm",
  "no-weak-branches",
  "meets-regularly",
  "attendance",
] as const;
export type TsvmCondition = (typeof TSVM_CONDITIONS)[number];

export const ORG_DEFECTS = ["prolonged-disunity", "corruption-discipline", "weak-branches"] as const;
export type OrgDefect = (typeof ORG_DEFECTS)[number];

/**
 * The cap's share in percent, for the words (absent from reasons stored before it was carried: all of the 2011
 * rulebook, whose share the words then use).
 */
type CapShareParams = { percent?: number };
/** N6 under 366: ranked by score, and the open points that set the figure (RULES-2025: named where they decide). */
type CapOpenPointParams = { by?: "score"; baseRule?: "with-excellent" | "l2-only"; rounding?: CapRounding };

/** The parameters each reason carries (`undefined`: none). */
export type ReasonParams = {
  "member.exempt": undefined; // M2
  "member.absent": undefined; // M3
  "member.retired-not-moved": undefined; // M10
  "member.working-away": { months: number }; // M10
  "member.discipline": { level: DisciplineLevel; source: DisciplineSource; date: string; number?: string; endsOn?: string }; // M9
  "vote.reached": { level: MemberLevel; votes: number; denominator: number }; // M13
  "vote.no-majority": { denominator: number; valid: number }; // M13
  "vote.l4-ground": { ground: L4Ground }; // M9
  "vote.l4-no-ground": undefined; // M9
  "tally.missing": undefined;
  "hcm.missing": { wouldBe: MemberLevel }; // M12
  "hcm.unacknowledged": { wouldBe: MemberLevel }; // M12
  "cap.demoted": { cap: number; base: number; votes: number } & CapShareParams; // M8
  "cap.tie": { cap: number; base: number; votes: number; seatsLeft: number; tied: number } & CapShareParams; // M8
  "cap.secretary-chose": { level: "L1" | "L2" } & CapShareParams; // M8
  // M8, revised Decision; N6: under 366 `votes`/`of` are the proposal's score out of the maximum
  "cap.committee-demoted": { cap: number; base: number; votes: number; of: number } & CapShareParams & CapOpenPointParams;
  "cap.committee-chose": { level: "L1" | "L2" } & CapShareParams & Pick<CapOpenPointParams, "by">; // M8, N6
  "org.band": { total: number; level: OrgLevel }; // O2
  "org.tsvm-condition-failed": { condition: TsvmCondition }; // O3
  "org.defect": { defect: OrgDefect }; // O4
  "org.hcm-below-minimum": { points: number; minimum: number }; // O5
  "org.hcm-no-actions": undefined; // O5
  "org.score-band": { total: number; level: OrgLevel }; // NO1 (the 366 names of the levels)
  "org.score-condition-failed": { condition: OrgScoreCondition }; // NO1
  "reward.not-registered": { year: number }; // R5
  "reward.wrong-kind": { kind: OrgKind }; // R1
  "reward.organization-not-registered": { year: number }; // R5
  "reward.no-record": { year: number };
  "reward.not-level": { year: number; required: string }; // R3, R4
  "reward.score-below": { year: number; score: number; minimum: number }; // R3
  "reward.members-below": { year: number; percent: number }; // R3 (the threshold, so the words can say it)
  "reward.member-l4": { year: number; count: number }; // R3
  "reward.too-few-titles": { count: number; minimum: number }; // R4
  "reward.too-few-bloc-rewards": { count: number; minimum: number }; // R4
  "reward.too-recent": { lastYear: number; minimumGap: number }; // R4, C.II
  "member.suspended": undefined; // N1
  "member.admitted-recently": { date: string; months: number }; // N1
  "score.reached": { level: MemberLevel; score: number }; // N4
  "score.below": { score: number; minimum: number }; // N4
  "score.condition-failed": { level: MemberLevel; condition: ScoreCondition }; // N4
  "score.ground": { ground: NotCompletedGround }; // N5
  "score.special-case": { case: SpecialCase }; // N8
  "appraisal.missing": undefined; // N7
  "appraisal.awaiting-comment": undefined; // N8
  /** N7, NO2: the competent level decided otherwise, and why (an organization's proposal: an OrgLevel). */
  "decision.differs": { proposed: MemberLevel | OrgLevel; note: string };
  "proposal.differs": { computed: MemberLevel; note: string }; // N7: the branch proposed other than the score gives, and why
};
export type ReasonCode = keyof ReasonParams;

/** All reason codes, so the bot can check that every `reason.<code>` translation exists. */
export const REASON_CODES = [
  "member.exempt",
  "member.absent",
  "member.retired-not-moved",
  "member.working-away",
  "member.discipline",
  "vote.reached",
  "vote.no-majority",
  "vote.l4-ground",
  "vote.l4-no-ground",
  "tally.missing",
  "hcm.missing",
  "hcm.unacknowledged",
  "cap.demoted",
  "cap.tie",
  "cap.secretary-chose",
  "cap.committee-demoted",
  "cap.committee-chose",
  "org.band",
  "org.tsvm-condition-failed",
  "org.defect",
  "org.hcm-below-minimum",
  "org.hcm-no-actions",
  "org.score-band",
  "org.score-condition-failed",
  "reward.not-registered",
  "reward.wrong-kind",
  "reward.organization-not-registered",
  "reward.no-record",
  "reward.not-level",
  "reward.score-below",
  "reward.members-below",
  "reward.member-l4",
  "reward.too-few-titles",
  "reward.too-few-bloc-rewards",
  "reward.too-recent",
  "member.suspended",
  "member.admitted-recently",
  "score.reached",
  "score.below",
  "score.condition-failed",
  "score.ground",
  "score.special-case",
  "appraisal.missing",
  "appraisal.awaiting-comment",
  "decision.differs",
  "proposal.differs",
] as const satisfies readonly ReasonCode[];

// Compile-time check that the list above is complete.
type Unlisted = Exclude<ReasonCode, (typeof REASON_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

export type Reason = {
  [C in ReasonCode]: ReasonParams[C] extends undefined ? { code: C } : { code: C; params: ReasonParams[C] };
}[ReasonCode];

export function reason<C extends ReasonCode>(code: C, ...params: ReasonParams[C] extends undefined ? [] : [ReasonParams[C]]): Reason {
  return (params.length > 0 ? { code, params: params[0] } : { code }) as Reason;
}

/** What `DomainError` can carry: inputs that callers were meant to validate first. */
export const DOMAIN_ERROR_CODES = [
  "tally.invalid", // details: the TallyError list
  "org.invalid-scores", // details: the OrgScoreError list
  "org.not-evaluated-kind",
  "org.not-scored", // a rulebook without organizations' score rules (2011)
  "time.invalid-instant", // an ISO instant without offset, or not a date
  "time.invalid-local", // a local date that does not exist, e.g. 30/02
  "rulebook.unknown",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Thrown for inputs that callers must validate first (a tally that fails `validateTally`, a bad ISO instant). */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = "DomainError";
  }
}
