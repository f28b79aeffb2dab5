// N11 (RULES-2025): the line under a meeting date that says by when the draft collective report must go out.
import type { ReviewTimeZone } from "../../domain/calendar";
import { getRulebook } from "../../domain/rulebooks";
import { draftReportDay } from "../../domain/working-days";
import { formatDay } from "./format-date";
import type { Translate } from "./i18n";

/** Null without a meeting date or under a rulebook without the rule (2011). */
export function draftReportLine(t: Translate, meetingAt: string | null, rulebookId: string, zone: ReviewTimeZone): string | null {
  const rulebook = getRulebook(rulebookId);
  const day = draftReportDay(meetingAt, rulebook, zone.offsetMinutes);
  return day && rulebook.score ? t("deadline.draft_report", { day: formatDay(day), days: rulebook.score.draftReportWorkingDays }) : null;
}
