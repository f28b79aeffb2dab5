import { describe, expect, it } from "vitest";
import { addDays, defaultPeriodDates, fromLocal, localDateKey, toLocal, toMs } from "./calendar";
import { PERIOD_DEADLINES } from "./rulebook";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

/** The review's time zone in these tests: Asia/Ho_Chi_Minh, +07:00 (T1); in the bot it is TZ_REVIEW (Deps.timeZone). */
const VN = 7 * 60;

describe("T1: the review calendar in Asia/Ho_Chi_Minh", () => {
  it("T1: default deadlines of 2011 are December and January local times", () => {
    expect(defaultPeriodDates(2011, rb, VN)).toEqual({
      selfReviewDeadline: "2011-12-20T16:59:59.000Z", // 20/12/2011 23:59:59 +07:00
      branchReportDeadline: "2011-12-30T16:59:59.000Z", // before 31/12
      tccsdConferenceDeadline: "2012-01-14T16:59:59.000Z", // before 15/01/2012
      blocAppraisalDeadline: "2012-01-19T16:59:59.000Z", // before 20/01/2012
      blocConferenceDeadline: "2012-01-29T16:59:59.000Z", // before 30/01/2012
    });
  });

  it("T1: deadlines follow the guideline's order for any year", () => {
    for (const year of [2011, 2024, 2028]) {
      const dates = defaultPeriodDates(year, rb, VN);
      const instants = PERIOD_DEADLINES.map((k) => toMs(dates[k]));
      expect([...instants].sort((a, b) => a - b)).toEqual(instants);
      expect(localDateKey(dates.branchReportDeadline, VN)).toBe(`${year}-12-30`);
    }
  });

  it("T1: a rulebook value moves a deadline without code", () => {
    const later = {
      ...rb,
      calendar: { ...rb.calendar, selfReviewDeadline: { yearOffset: 0 as const, month: 12, day: 25, hh: 17, mm: 0, ss: 0 } },
    };
    expect(defaultPeriodDates(2011, later, VN).selfReviewDeadline).toBe("2011-12-25T10:00:00.000Z");
  });

  it("T1: local time is UTC + 7 hours with no daylight saving, round trip", () => {
    expect(fromLocal({ y: 2012, m: 1, d: 1, hh: 0, mm: 30 }, VN)).toBe("2011-12-31T17:30:00.000Z");
    expect(toLocal("2011-12-31T17:30:00Z", VN)).toEqual({ y: 2012, m: 1, d: 1, hh: 0, mm: 30, ss: 0 });
    expect(toLocal("2011-07-01T00:00:00+07:00", VN)).toEqual({ y: 2011, m: 7, d: 1, hh: 0, mm: 0, ss: 0 });
    expect(localDateKey("2011-12-20T16:59:59Z", VN)).toBe("2011-12-20");
    expect(localDateKey("2011-12-20T17:00:00Z", VN)).toBe("2011-12-21");
  });

  it("T1: a local date that does not exist and an instant without offset are refused", () => {
    expect(() => fromLocal({ y: 2011, m: 2, d: 30, hh: 0, mm: 0 }, VN)).toThrow("time.invalid-local");
    expect(() => fromLocal({ y: 2011, m: 1, d: 1, hh: 24, mm: 0 }, VN)).toThrow("time.invalid-local");
    expect(() => toMs("2011-12-20T23:59:59")).toThrow("time.invalid-instant");
    expect(() => toMs("20/12/2011")).toThrow("time.invalid-instant");
  });

  it("T1: adding days is exact (no DST jumps)", () => {
    expect(addDays("2011-12-20T16:59:59.000Z", -3)).toBe("2011-12-17T16:59:59.000Z");
  });
});
