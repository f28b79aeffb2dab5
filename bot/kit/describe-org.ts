// Words for an organization's rating (B.I): its level and why, like a member's result, and the figures read from
// recognized results that it was rated with.
import { DEFAULT_RULEBOOK_ID, getRulebook, type LevelCounts, type OrgLevel, type OrgLevelCounts, type Reason } from "../../domain";
import type { OrgCapFigures, OrgCapRule } from "../../domain";
import type { ReviewTimeZone } from "../../domain/calendar";
import { sharePercent } from "../../domain/cap-rule";
import type { OrgRatingChange } from "../../store/org-recognition";
import { describeReasons } from "./describe-result";
import type { Translate } from "./i18n";

export type OrgRatingWords = {
  orgName: string;
  year: number;
  level: OrgLevel;
  total: number;
  reasons: readonly Reason[];
  /** Empty for a rating stored without them (an earlier year's, imported). */
  derived: { memberLevels?: LevelCounts; branchLevels?: OrgLevelCounts | null; unratedBranches?: number };
  exemplary?: boolean;
  /** The rulebook the rating was made by: under 366 (NO1) the levels have its names; absent: 2011's. */
  rulebookId?: string;
};

/** Whether the rulebook rates organizations by score (366, NO1), so their levels have the 366 names. */
const byScore = (rulebookId: string | undefined) => getRulebook(rulebookId ?? DEFAULT_RULEBOOK_ID).org.score !== null;

export function describeOrgLevel(t: Translate, level: OrgLevel, exemplary = false, rulebookId?: string): string {
  if (byScore(rulebookId)) return t(`rating.org_level_score.${level}`);
  return t(`rating.org_level.${exemplary && level === "tsvm" ? "exemplary" : level}`);
}

/** The level, the reasons and the stored figures, one idea per line. */
export function describeOrgRating(t: Translate, r: OrgRatingWords, lang: string, zone: ReviewTimeZone): string {
  const lines = [
    t("orgrating.headline", {
      org: r.orgName,
      year: r.year,
      total: r.total,
      level: describeOrgLevel(t, r.level, r.exemplary, r.rulebookId),
    }),
  ];
  if (r.reasons.length > 0) lines.push(t("orgrating.why", { reasons: describeReasons(t, r.reasons, lang, zone) }));
  // NO1: under 366 the members' and subordinate organizations' levels do not decide; they are shown as information.
  const scored = byScore(r.rulebookId);
  if (scored && (r.derived.memberLevels || r.derived.branchLevels)) lines.push(t("orgrating.information"));
  const m = r.derived.memberLevels;
  if (m)
    lines.push(t("orgrating.members", { good: m.L1 + m.L2, total: m.L1 + m.L2 + m.L3 + m.L4, L1: m.L1, L2: m.L2, L3: m.L3, L4: m.L4 }));
  const b = r.derived.branchLevels;
  if (b) lines.push(t(scored ? "orgrating.branches_score" : "orgrating.branches", { ...b, unrated: r.derived.unratedBranches ?? 0 }));
  return lines.join("\n");
}

/** NO1: the figures of the cap among organizations, with the open points that set them named. */
export function orgCapWords(t: Translate, figures: OrgCapFigures, rule: OrgCapRule) {
  const named = rule.openPoints ?? { baseIncludesExcellent: rule.base === "reached-l2-or-better", rounding: rule.rounding };
  return {
    ...figures,
    percent: sharePercent(rule.share),
    baseRule: t(`orgs.cap_base.${named.baseIncludesExcellent ? "with-excellent" : "l2-only"}`),
    rounding: t(`cap_rule.rounding.${named.rounding}`),
  };
}

/** Why the level above's change of a rating was refused. */
export function describeOrgRefusal(t: Translate, change: Extract<OrgRatingChange, { ok: false }>): string {
  if (change.error === "org.exemplary-over-quota") return t("orgs.error.over_quota", change);
  if (change.error === "org.cap-full") return t("orgs.error.cap_full", orgCapWords(t, change.figures, change.rule));
  if (change.error === "org.cap-mixed") return t("orgs.error.cap_mixed");
  return t(`orgs.error.${change.error}`);
}
