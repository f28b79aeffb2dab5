// NO1 (RULES-2025): "xuất sắc" among comparable organizations — those the level above decides for in the year — is
// capped as N6 caps members: share × base (25% for an outstanding unit), the base counting the recognized "tốt" or
// better (with or without the "xuất sắc" ones: an open point), the rounding an open point too. Nothing here picks
// among tied organizations: the level above decides, or decides another level with a reason.
import { capSeats, type CapRule } from "./cap-rule";
import type { OrgLevel } from "./levels";
import type { OpenPoints, Rulebook } from "./rulebook";

export type OrgCapRule = Omit<CapRule, "tieBreak">;

/** The cap of a rulebook's organizations as a period's open points read it; null when it has none (2011). */
export function orgCapRule(rulebook: Rulebook, openPoints: OpenPoints = {}): OrgCapRule | null {
  const cap = rulebook.org.score?.cap;
  if (!cap) return null;
  const baseIncludesExcellent = openPoints.capBaseIncludesExcellent ?? cap.baseIncludesExcellent;
  const rounding = openPoints.capRounding ?? cap.rounding;
  return {
    share: openPoints.outstandingUnit ? cap.outstandingUnitShare : cap.share,
    base: baseIncludesExcellent ? "reached-l2-or-better" : "l2-only",
    rounding,
    openPoints: { baseIncludesExcellent, rounding },
  };
}

/** The recognized ratings of the year among the organizations the level above decides for, per level. */
export type OrgCapStanding = Record<OrgLevel, number>;

export type OrgCapFigures = { base: number; cap: number; excellent: number };
export type OrgCapCheck = { ok: true; figures: OrgCapFigures } | { ok: false; error: "org.cap-full"; figures: OrgCapFigures };

/** The base of the cap: recognized "tốt", and the recognized "xuất sắc" when the rule counts them. */
export function orgCapBase(standing: OrgCapStanding, rule: OrgCapRule): number {
  return standing.good + (rule.base === "reached-l2-or-better" ? standing.tsvm : 0);
}

/** The figures as they stand (for the list the level above reads). */
export function orgCapFigures(standing: OrgCapStanding, rule: OrgCapRule): OrgCapFigures {
  const base = orgCapBase(standing, rule);
  return { base, cap: capSeats(base, rule), excellent: standing.tsvm };
}

/** NO1: whether one more organization may be recognized "xuất sắc": the count after it within the cap after it. */
export function checkOrgExcellent(standing: OrgCapStanding, rule: OrgCapRule): OrgCapCheck {
  const after = orgCapFigures({ ...standing, tsvm: standing.tsvm + 1 }, rule);
  const figures = orgCapFigures(standing, rule);
  return after.excellent <= after.cap ? { ok: true, figures: after } : { ok: false, error: "org.cap-full", figures };
}
