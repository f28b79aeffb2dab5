// N10: a member's quarter results as read beside the year's judgement (the year's /appraise, /myreview): the
// self-score, the committee's appraisal and the decided level of each quarter. Information only.
import type { QuarterResult } from "../../store/quarter-results";
import type { Translate } from "./i18n";

/** A heading and one line per quarter; nothing when the member has no quarter results in the year. */
export function quarterResultLines(t: Translate, year: number, results: readonly QuarterResult[]): string[] {
  if (results.length === 0) return [];
  const none = t("quarterResults.none");
  const level = (l: string | null) => (l ? t(`rating.short.${l}`) : none);
  return [
    t("quarterResults.heading", { year }),
    ...results.map((r) =>
      t(r.closed ? "quarterResults.line_closed" : "quarterResults.line", {
        quarter: r.quarter,
        selfTotal: r.selfTotal ?? none,
        selfLevel: level(r.selfLevel),
        appraisalScore: r.appraisalScore ?? none,
        appraisalLevel: level(r.appraisalLevel),
        decided: r.decided ? `${level(r.decided.level)} (${t(`rating.state.${r.decided.state}`)})` : none,
      }),
    ),
  ];
}
