// How a self-review reads on a phone: the summary shown before confirming, on resume, and by /myreview.
import { REVIEW_PARTS, partValue, type ReviewPart } from "../domain/self-review-parts";
import { formatInstant } from "../bot/kit/format-date";
import type { Translate } from "../bot/kit/i18n";
import { joinInMessages } from "../bot/kit/split-message";
import type { ReviewTimeZone } from "../domain/calendar";
import type { ReviewRow } from "../store/reviews";

export type SummaryHeader = { fullName: string; year: number; lang: string; timeZone: ReviewTimeZone };

function partBody(t: Translate, review: ReviewRow | null, part: ReviewPart): string {
  const value = review ? partValue(review, part) : null;
  if (!value) return t("review.not_written");
  return part === "rating" ? t(`review.level.${value}`) : value;
}

/** One block per part, each its title then its text; `onlySaved` leaves out what is not written yet (the resume view). */
function summaryBlocks(t: Translate, header: SummaryHeader, review: ReviewRow | null, onlySaved: boolean): string[] {
  const state = !review?.submittedAt
    ? t("review.state.draft")
    : t(review.late ? "review.state.late" : "review.state.submitted", {
        at: formatInstant(review.submittedAt, header.lang, header.timeZone),
      });
  const blocks = [`${t("review.summary_title", { year: header.year, name: header.fullName })}\n${state}`];
  for (const part of REVIEW_PARTS) {
    if (onlySaved && !(review && partValue(review, part))) continue;
    blocks.push(`${t(`review.part.${part}`)}:\n${partBody(t, review, part)}`);
  }
  return blocks;
}

/** The summary in Telegram-sized messages, each part's title beside its text (a content may be 20,000 characters). */
export function reviewSummaryMessages(t: Translate, header: SummaryHeader, review: ReviewRow | null, onlySaved = false): string[] {
  return joinInMessages(summaryBlocks(t, header, review, onlySaved));
}

export function partTitles(t: Translate, parts: readonly ReviewPart[]): string {
  return parts.map((part) => t(`review.part.${part}`)).join("; ");
}
