import { describe, expect, it } from "vitest";
import { defaultPeriodDates } from "./calendar";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";
import {
  MAX_REVIEW_CHARS,
  issueCodes,
  orgScoreSchema,
  periodDatesSchema,
  reviewContentSchema,
  selfRatingSchema,
  selfReviewSchemaFor,
  tallySchema,
} from "./schemas";
import { official, tally } from "./test-helpers";

/** The review's time zone in these tests: Asia/Ho_Chi_Minh, +07:00 (T1); in the bot it is TZ_REVIEW (Deps.timeZone). */
const VN = 7 * 60;

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : issueCodes(result.error as Parameters<typeof issueCodes>[0]);

describe("M4: the self-review", () => {
  it("M4: each content is trimmed, non-empty and bounded", () => {
    expect(reviewContentSchema.parse("  Luôn kiên định lập trường.  ")).toBe("Luôn kiên định lập trường.");
    expect(errorsOf(reviewContentSchema.safeParse("   \n "))).toEqual([{ path: "", code: "review.empty" }]);
    expect(errorsOf(reviewContentSchema.safeParse("x".repeat(MAX_REVIEW_CHARS + 1)))).toEqual([{ path: "", code: "review.too-long" }]);
    expect(errorsOf(reviewContentSchema.safeParse(42))).toEqual([{ path: "", code: "review.not-text" }]);
  });

  it("M4: the self-rating is one of the four levels", () => {
    expect(selfRatingSchema.parse("L2")).toBe("L2");
    expect(errorsOf(selfRatingSchema.safeParse("L5"))).toEqual([{ path: "", code: "self-rating.invalid" }]);
  });

  const review = { contents: { a: "a", b: "b", c: "c", d: "d" }, hcm: " ", selfRating: "L3" };

  it("M4: the four contents a–d are all required", () => {
    const schema = selfReviewSchemaFor(official(), rb);
    expect(schema.parse(review)).toEqual({ ...review, hcm: "" });
    expect(errorsOf(schema.safeParse({ ...review, contents: { ...review.contents, c: "" } }))).toEqual([
      { path: "contents.c", code: "review.empty" },
    ]);
  });

  it("M5: a leader's self-review must state the Ho Chi Minh actions", () => {
    const schema = selfReviewSchemaFor(official({ isLeader: true }), rb);
    expect(errorsOf(schema.safeParse(review))).toEqual([{ path: "hcm", code: "review.hcm-required" }]);
    expect(schema.safeParse({ ...review, hcm: "Tiết kiệm, chống lãng phí" }).success).toBe(true);
  });
});

describe("M13: the tally schema", () => {
  it("M13: a valid tally parses", () => {
    expect(tallySchema.parse(tally(9, { L1: 6 }, 8))).toEqual(tally(9, { L1: 6 }, 8));
  });

  it("M13: bounds are reported as codes on their fields", () => {
    expect(errorsOf(tallySchema.safeParse({ ...tally(9, {}), present: 10 }))).toEqual([
      { path: "present", code: "tally.present-exceeds-official" },
    ]);
    expect(errorsOf(tallySchema.safeParse({ ...tally(9, { L2: 1.5 }) }))).toEqual([{ path: "votes.L2", code: "count.not-integer" }]);
    expect(errorsOf(tallySchema.safeParse({ ...tally(9, {}), method: "phone" }))).toEqual([
      { path: "method", code: "tally.invalid-method" },
    ]);
  });
});

describe("T1: period dates and O1: org scores", () => {
  it("T1: default dates parse; deadlines out of order or without offset are refused", () => {
    const dates = defaultPeriodDates(2011, rb, VN);
    expect(periodDatesSchema.parse(dates)).toEqual(dates);
    expect(errorsOf(periodDatesSchema.safeParse({ ...dates, blocAppraisalDeadline: "2012-01-01T00:00:00+07:00" }))).toEqual([
      { path: "blocAppraisalDeadline", code: "period.out-of-order" },
    ]);
    expect(errorsOf(periodDatesSchema.safeParse({ ...dates, selfReviewDeadline: "2011-12-20 23:59" }))).toEqual([
      { path: "selfReviewDeadline", code: "period.invalid-instant" },
    ]);
  });

  it("O1: each org score is a whole number within its task's maximum", () => {
    const full = rb.org.taskMax;
    expect(orgScoreSchema.parse(full)).toEqual(full);
    expect(errorsOf(orgScoreSchema.safeParse({ ...full, politicalTasks: 31, hcm: 8.5 }))).toEqual([
      { path: "politicalTasks", code: "org.score-out-of-range" },
      { path: "hcm", code: "org.score-not-integer" },
    ]);
  });
});
