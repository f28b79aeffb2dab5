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
};

/** The dd/mm/yyyy part: Vietnamese puts the time first ("10:00 04/03/2026"), English after. */
const dateOnly = (formatted: string) => /\d{2}\/\d{2}\/\d{4}/.exec(formatted)?.[0] ?? formatted;

export function describeReason(t: Translate, r: Reason, lang: string, zone: ReviewTimeZone): string {
  if (!("params" in r)) return t(`reason.${r.code}`);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.params as Record<string, string | number>)) {
    const prefix = CODED_PARAMS[name];
    if (r.code === "member.discipline" && name === "level") params[name] = t(`rating.discipline.${value}`);
    else if (name === "date" && typeof value === "string") params[name] = dateOnly(formatInstant(value, lang, zone));
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
