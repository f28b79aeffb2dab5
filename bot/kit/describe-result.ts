// Words for the domain's codes: each reason is the locale key `reason.<code>`, each level `rating.level.<L>`.
import type { MemberOutcome, Reason, TallyError } from "../../domain";
import type { ReviewTimeZone } from "../../domain/calendar";
import { formatInstant } from "./format-date";
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

function paramPrefix(code: Reason["code"], name: string, value: unknown): string | undefined {
  if (code === "member.discipline" && name === "level") return "rating.discipline";
  if ((code === "org.band" && name === "level") || (code === "reward.not-level" && name === "required")) return codedLevel(value);
  return CODED_PARAMS[name];
}

/** The dd/mm/yyyy part: Vietnamese puts the time first ("10:00 04/03/2026"), English after. */
const dateOnly = (formatted: string) => /\d{2}\/\d{2}\/\d{4}/.exec(formatted)?.[0] ?? formatted;

export function describeReason(t: Translate, r: Reason, lang: string, zone: ReviewTimeZone): string {
  if (!("params" in r)) return t(`reason.${r.code}`);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.params as Record<string, string | number>)) {
    const prefix = paramPrefix(r.code, name, value);
    if (name === "date" && typeof value === "string") params[name] = dateOnly(formatInstant(value, lang, zone));
    else params[name] = prefix ? t(`${prefix}.${value}`, { defaultValue: String(value) }) : value;
  }
  return t(`reason.${r.code}`, params);
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
