// Words for the domain's codes: each reason is the locale key `reason.<code>`, each level `rating.level.<L>`.
import {
  DEFAULT_RULEBOOK_ID,
  getRulebook,
  sharePercent,
  type DisciplineInput,
  type MemberOutcome,
  type Reason,
  type TallyError,
} from "../../domain";
import type { ReviewTimeZone } from "../../domain/calendar";
import { formatDay, formatInstant, isDay } from "./format-date";
import type { Translate } from "./i18n";

/** Parameter values that are codes themselves are translated before interpolation. */
const CODED_PARAMS: Record<string, string> = {
  level: "rating.level",
  wouldBe: "rating.level",
  ground: "rating.ground",
  source: "rating.source",
  condition: "rating.tsvm_condition",
  defect: "rating.org_defect",
};
/** A level code is a member's (L1…L4) or an organization's (tsvm, good, …): `required` of a reward is either. */
const codedLevel = (value: unknown) => (/^L[1-4]$/.test(String(value)) ? "rating.level" : "rating.org_level");

/** RULES-2025 reasons whose coded parameters are other vocabularies than the 2011 ones of the same name. */
const SCORE_PARAMS: Record<string, string> = {
  condition: "rating.score_condition",
  ground: "rating.not_completed_ground",
  case: "rating.special_case",
  proposed: "rating.level",
  computed: "rating.level",
};

/** N6: the open points a cap reason names, as the words of the choice. */
const CAP_RULE_PARAMS: Record<string, string> = { baseRule: "cap_rule.base", rounding: "cap_rule.rounding", level: "rating.level" };

/** NO1: an organization rated by score (366) has the 366 names of its levels and conditions. */
const ORG_SCORE_PARAMS: Record<string, string> = { level: "rating.org_level_score", condition: "rating.org_score_condition" };

function paramPrefix(code: Reason["code"], name: string, value: unknown): string | undefined {
  if (code.startsWith("cap.")) return CAP_RULE_PARAMS[name];
  if (code === "org.score-band" || code === "org.score-condition-failed") return ORG_SCORE_PARAMS[name];
  // NO2: an organization's proposal decided otherwise (its level is no member's L1–L4).
  if (code === "decision.differs" && name === "proposed" && !/^L[1-4]$/.test(String(value))) return ORG_SCORE_PARAMS.level;
  if (code.startsWith("score.") || code === "decision.differs" || code === "proposal.differs")
    return SCORE_PARAMS[name] ?? CODED_PARAMS[name];
  if (code === "member.discipline" && name === "level") return "rating.discipline";
  if ((code === "org.band" && name === "level") || (code === "reward.not-level" && name === "required")) return codedLevel(value);
  return CODED_PARAMS[name];
}

/** The dd/mm/yyyy part: Vietnamese puts the time first ("10:00 04/03/2026"), English after. */
const dateOnly = (formatted: string) => /\d{2}\/\d{2}\/\d{4}/.exec(formatted)?.[0] ?? formatted;

/** A date parameter: a local day ("YYYY-MM-DD", M9) as it is, an instant in the review time zone. */
function shownDate(value: string, lang: string, zone: ReviewTimeZone): string {
  return isDay(value) ? formatDay(value) : dateOnly(formatInstant(value, lang, zone));
}

/**
 * M9: a decision recorded with its number is named by it too (i18next context `numbered`); N6: a cap counted on
 * scores (366) is worded so (context `score`).
 */
function contextOf(r: Reason) {
  if (r.code === "member.discipline" && r.params.number) return { context: "numbered" };
  if ((r.code === "cap.committee-demoted" || r.code === "cap.committee-chose") && r.params.by === "score") return { context: "score" };
  // NO2: an organization's self-rating decided otherwise (its level is no member's).
  if (r.code === "decision.differs" && !/^L[1-4]$/.test(r.params.proposed)) return { context: "org" };
  return {};
}

/** Cap reasons stored before they carried their share are all of the 2011 rulebook: its share is theirs. */
const LEGACY_CAP_PERCENT = sharePercent(getRulebook(DEFAULT_RULEBOOK_ID).member.l1Cap.share);
const withLegacyShare = (r: Reason, params: Record<string, string | number>) =>
  r.code.startsWith("cap.") && params.percent === undefined ? { ...params, percent: LEGACY_CAP_PERCENT } : params;

export function describeReason(t: Translate, r: Reason, lang: string, zone: ReviewTimeZone): string {
  if (!("params" in r)) return t(`reason.${r.code}`);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.params as Record<string, string | number>)) {
    const prefix = paramPrefix(r.code, name, value);
    if ((name === "date" || name === "endsOn") && typeof value === "string") params[name] = shownDate(value, lang, zone);
    else params[name] = prefix ? t(`${prefix}.${value}`, { defaultValue: String(value) }) : value;
  }
  return t(`reason.${r.code}`, { ...withLegacyShare(r, params), ...contextOf(r) });
}

export function describeReasons(t: Translate, reasons: readonly Reason[], lang: string, zone: ReviewTimeZone): string {
  return reasons.map((r) => describeReason(t, r, lang, zone)).join(" ");
}

/** The outcome in words: the official level name, or what is still pending. */
export function describeOutcome(t: Translate, o: MemberOutcome): string {
  return o.kind === "level" ? t(`rating.level.${o.level}`) : t(`rating.outcome.${o.kind}`);
}

export function describeTallyError(t: Translate, e: TallyError): string {
  return t(`error.${e.code}`, e.params ?? {});
}

/** M9: a recorded decision of discipline in words: form, source, day, number when recorded, and its end. */
export function describeDecision(t: Translate, d: DisciplineInput): string {
  const words = { level: t(`rating.discipline.${d.level}`), source: t(`rating.source.${d.source}`), date: formatDay(d.decidedOn) };
  return [
    t("discipline.decision", words),
    ...(d.decisionNumber ? [t("discipline.decision_number", { number: d.decisionNumber })] : []),
    d.endsOn ? t("discipline.decision_until", { date: formatDay(d.endsOn) }) : t("discipline.decision_open"),
  ].join(", ");
}
