import { describe, expect, it } from "vitest";
import {
  checkDeadline,
  endOfLocalDay,
  formatLocalDate,
  monthsBefore,
  orgNameSchema,
  parseDay,
  parseLocalDate,
  reviewYearChoices,
  setupPeriodDeadlines,
  defaultSelfReviewDeadline,
} from "./branch-setup";
import { hd07_2011 } from "./rulebooks";

/** The review's time zone in these tests: Asia/Ho_Chi_Minh, +07:00 (T1); in the bot it is TZ_REVIEW (Deps.timeZone). */
const VN = 7 * 60;

describe("parseLocalDate", () => {
  it("reads dd/mm/yyyy and its usual variants", () => {
    expect(parseLocalDate("20/12/2026")).toEqual({ y: 2026, m: 12, d: 20 });
    expect(parseLocalDate(" 5-1-2027 ")).toEqual({ y: 2027, m: 1, d: 5 });
    expect(parseLocalDate("05.01.2027")).toEqual({ y: 2027, m: 1, d: 5 });
  });

  it("refuses other shapes and impossible days", () => {
    expect(parseLocalDate("2026-12-20")).toEqual({ error: "date.format" });
    expect(parseLocalDate("20/12/26")).toEqual({ error: "date.format" });
    expect(parseLocalDate("ngày mai")).toEqual({ error: "date.format" });
    expect(parseLocalDate("30/02/2026")).toEqual({ error: "date.invalid" });
    expect(parseLocalDate("1/13/2026")).toEqual({ error: "date.invalid" });
  });

  it("M9: a decision's day is kept as a day (YYYY-MM-DD), the same in every zone", () => {
    expect(parseDay("5/3/2026")).toEqual({ day: "2026-03-05" });
    expect(parseDay("31.12.2025")).toEqual({ day: "2025-12-31" });
    expect(parseDay("29/02/2026")).toEqual({ error: "date.invalid" });
    expect(parseDay("hôm qua")).toEqual({ error: "date.format" });
  });
});

describe("deadlines (T1: local time Asia/Ho_Chi_Minh)", () => {
  it("a typed day ends at 23:59:59 Vietnam time", () => {
    expect(endOfLocalDay({ y: 2026, m: 12, d: 20 }, VN)).toBe("2026-12-20T16:59:59.000Z");
    expect(formatLocalDate("2026-12-20T16:59:59.000Z", VN)).toBe("20/12/2026");
  });

  it("a deadline at or before now is refused", () => {
    expect(checkDeadline("2026-12-20T16:59:59.000Z", "2026-12-20T16:59:59.000Z")).toBe("date.past");
    expect(checkDeadline("2026-12-20T16:59:59.000Z", "2026-12-21T00:00:00.000Z")).toBe("date.past");
    expect(checkDeadline("2026-12-20T16:59:59.000Z", "2026-12-20T16:59:58.000Z")).toBeNull();
  });
});

describe("reviewYearChoices", () => {
  it("offers the current year first until the end of the year", () => {
    expect(reviewYearChoices("2026-12-01T02:00:00.000Z", VN)).toEqual([2026, 2025]);
  });
  it("offers the previous year first in January, in local time", () => {
    // 31/12/2026 18:00 UTC is already 01/01/2027 in Vietnam.
    expect(reviewYearChoices("2026-12-31T18:00:00.000Z", VN)).toEqual([2026, 2027]);
  });
});

describe("orgNameSchema", () => {
  it("tidies spaces and refuses empty or overlong names", () => {
    expect(orgNameSchema.parse("  Chi bộ   Văn phòng ")).toBe("Chi bộ Văn phòng");
    expect(orgNameSchema.safeParse("   ").error?.issues[0].message).toBe("setup.name-empty");
    expect(orgNameSchema.safeParse("x".repeat(121)).error?.issues[0].message).toBe("setup.name-too-long");
  });
});

describe("monthsBefore", () => {
  it("counts back whole months in local time, clamping the day", () => {
    expect(monthsBefore("2026-12-01T02:00:00.000Z", 4, VN)).toBe("2026-08-01");
    expect(monthsBefore("2026-03-31T02:00:00.000Z", 1, VN)).toBe("2026-02-28");
    expect(monthsBefore("2026-02-10T02:00:00.000Z", 14, VN)).toBe("2024-12-10");
  });
});

describe("setupPeriodDeadlines", () => {
  it("keeps the calendar's report deadline, or puts it the rulebook's gap after a later self-review deadline", () => {
    expect(setupPeriodDeadlines(2026, hd07_2011, "2026-12-15T16:59:59.000Z", VN).reportDeadline).toBe("2026-12-30T16:59:59.000Z");
    expect(setupPeriodDeadlines(2026, hd07_2011, "2026-12-28T16:59:59.000Z", VN).reportDeadline).toBe("2027-01-07T16:59:59.000Z");
    expect(setupPeriodDeadlines(2026, hd07_2011, "2027-01-05T16:59:59.000Z", VN).reportDeadline).toBe("2027-01-15T16:59:59.000Z");
  });
});

describe("defaultSelfReviewDeadline", () => {
  it("is the calendar's while ahead, else the end of the day the rulebook's lead after today", () => {
    expect(defaultSelfReviewDeadline(2026, hd07_2011, "2026-12-01T02:00:00.000Z", VN)).toBe("2026-12-20T16:59:59.000Z");
    expect(defaultSelfReviewDeadline(2026, hd07_2011, "2027-01-05T02:00:00.000Z", VN)).toBe("2027-01-12T16:59:59.000Z");
    // 23:30 local on 20/12: the calendar's deadline is still ahead, by half an hour
    expect(defaultSelfReviewDeadline(2026, hd07_2011, "2026-12-20T16:30:00.000Z", VN)).toBe("2026-12-20T16:59:59.000Z");
    const lead = { ...hd07_2011, setupDates: { leadDays: 3, reportGapDays: 10 } };
    expect(defaultSelfReviewDeadline(2026, lead, "2027-01-05T02:00:00.000Z", VN)).toBe("2027-01-08T16:59:59.000Z");
  });
});
