// M8 and N6: the figure of the "xuất sắc" cap where it is applied — the share, which levels make its base, how the
// count is rounded, who breaks a tie. The 2011 rulebook fixes them; under 366 the share, the base and the rounding
// are open points a period can set (RULES-2025 N6), and the bot names them where they decide an outcome.
import { capCount } from "./cap-count";
import type { Fraction } from "./fraction";
import { withOpenPoints } from "./open-points";
import type { CapRounding, OpenPoints, Rulebook } from "./rulebook";

export type CapBaseKind = "reached-l2-or-better" | "l2-only";

export type CapRule = {
  share: Fraction;
  base: CapBaseKind;
  rounding: CapRounding;
  tieBreak: Rulebook["member"]["l1Cap"]["tieBreak"];
  /** Under 366 (appraisal), the open points that set this rule, so the words can name them; null under 2011. */
  openPoints: { baseIncludesExcellent: boolean; rounding: CapRounding } | null;
};

/**
 * The cap rule of a rulebook: with a period's open points, of its effective rulebook (./open-points.ts); without,
 * of the rulebook as given (which may already be a period's effective one).
 */
export function capRuleOf(rulebook: Rulebook, openPoints?: OpenPoints): CapRule {
  const { l1Cap } = (openPoints ? withOpenPoints(rulebook, openPoints) : rulebook).member;
  const rounding = l1Cap.rounding ?? "floor";
  const named = rulebook.procedure === "appraisal" ? { baseIncludesExcellent: l1Cap.base === "reached-l2-or-better", rounding } : null;
  return { share: l1Cap.share, base: l1Cap.base, rounding, tieBreak: l1Cap.tieBreak, openPoints: named };
}

/** How many may keep "xuất sắc": share × base with the rule's rounding, in integers (./cap-count.ts). */
export function capSeats(base: number, rule: Pick<CapRule, "share" | "rounding">): number {
  return capCount(base, rule.share, rule.rounding);
}

/** Two periods counted in one figure must apply the same rule. */
export function sameCapRule(a: CapRule, b: CapRule): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The share as a percentage, for words only ("15", "20", "12.5"); the cap itself is counted in integers. */
export function sharePercent(share: Fraction): number {
  return (share.num * 100) / share.den;
}

/** What a cap reason carries of its rule: the share, and under 366 the open points that set the figure. */
export function capReasonParams(rule: Pick<CapRule, "share" | "openPoints">) {
  const percent = sharePercent(rule.share);
  if (!rule.openPoints) return { percent };
  const baseRule = rule.openPoints.baseIncludesExcellent ? ("with-excellent" as const) : ("l2-only" as const);
  return { percent, by: "score" as const, baseRule, rounding: rule.openPoints.rounding };
}
