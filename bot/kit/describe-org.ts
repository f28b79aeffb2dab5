// Words for an organization's rating (B.I): its level and why, like a member's result, and the figures read from
// recognized results that it was rated with.
import type { LevelCounts, OrgLevel, OrgLevelCounts, Reason } from "../../domain";
import type { ReviewTimeZone } from "../../domain/calendar";
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
};

export function describeOrgLevel(t: Translate, level: OrgLevel, exemplary = false): string {
  return t(`rating.org_level.${exemplary && level === "tsvm" ? "exemplary" : level}`);
}

/** The level, the reasons and the stored figures, one idea per line. */
export function describeOrgRating(t: Translate, r: OrgRatingWords, lang: string, zone: ReviewTimeZone): string {
  const lines = [
    t("orgrating.headline", { org: r.orgName, year: r.year, total: r.total, level: describeOrgLevel(t, r.level, r.exemplary) }),
  ];
  if (r.reasons.length > 0) lines.push(t("orgrating.why", { reasons: describeReasons(t, r.reasons, lang, zone) }));
  const m = r.derived.memberLevels;
  if (m)
    lines.push(t("orgrating.members", { good: m.L1 + m.L2, total: m.L1 + m.L2 + m.L3 + m.L4, L1: m.L1, L2: m.L2, L3: m.L3, L4: m.L4 }));
  const b = r.derived.branchLevels;
  if (b) lines.push(t("orgrating.branches", { ...b, unrated: r.derived.unratedBranches ?? 0 }));
  return lines.join("\n");
}
