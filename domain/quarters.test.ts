import { describe, expect, it } from "vitest";
import { toLocal } from "./calendar";
import { isPeriodQuarter, periodDays, periodLabel, periodQuarters, quarterOfDay, quarterSelfReviewDeadline, QUARTERS } from "./quarters";
import { hd07_2011, qd366_2025 } from "./rulebooks/index";
import { VN } from "./test-helpers";

describe("N10: a review period is the year or one of its quarters", () => {
  it("N10: the 366 rulebook allows the year and its four quarters; 2011 only the year", () => {
    expect(periodQuarters(qd366_2025)).toEqual([0, 1, 2, 3, 4]);
    expect(periodQuarters(hd07_2011)).toEqual([0]);
  });

  it("N10: a stored quarter is 0–4, a whole number", () => {
    expect([0, 1, 4].every(isPeriodQuarter)).toBe(true);
    expect([5, -1, 1.5, "1", null].some(isPeriodQuarter)).toBe(false);
  });

  it.each([
    [1, "2026-01-01", "2026-03-31"],
    [2, "2026-04-01", "2026-06-30"],
    [3, "2026-07-01", "2026-09-30"],
    [4, "2026-10-01", "2026-12-31"],
  ] as const)("N10: quarter %i of 2026 runs from %s to %s", (quarter, first, last) => {
    expect(periodDays(2026, quarter)).toEqual({ first, last });
  });

  it("N10: quarter 0 is the whole year; a leap year's first quarter ends on 31/3 all the same", () => {
    expect(periodDays(2026, 0)).toEqual({ first: "2026-01-01", last: "2026-12-31" });
    expect(periodDays(2028, 1)).toEqual({ first: "2028-01-01", last: "2028-03-31" });
  });

  it("N10: the quarter of a day, at each quarter's edges", () => {
    for (const q of QUARTERS) {
      const { first, last } = periodDays(2026, q);
      expect([quarterOfDay(first), quarterOfDay(last)]).toEqual([q, q]);
    }
  });
});

describe("N10: a quarter's default self-review deadline", () => {
  it.each([
    [1, "2026-04-10"],
    [2, "2026-07-10"],
    [3, "2026-10-10"],
    [4, "2027-01-10"],
  ] as const)("N10: quarter %i of 2026: the end of %s, local time", (quarter, day) => {
    const deadline = quarterSelfReviewDeadline(2026, quarter, qd366_2025, VN);
    expect(toLocal(deadline, VN)).toMatchObject({ hh: 23, mm: 59, ss: 59 });
    expect(deadline).toBe(`${day}T16:59:59.000Z`);
  });

  it("N10: after the quarter's last day, so the quarter is over before anyone reports on it", () => {
    for (const q of QUARTERS) {
      const deadline = quarterSelfReviewDeadline(2026, q, qd366_2025, VN);
      expect(deadline > `${periodDays(2026, q).last}T16:59:59.000Z`).toBe(true);
    }
  });

  it("N10: the number of days is the rulebook's; 2011 has no quarters", () => {
    const rb = { ...qd366_2025, score: { ...qd366_2025.score!, quarterSelfReviewDaysAfter: 5 } };
    expect(quarterSelfReviewDeadline(2026, 1, rb, VN)).toBe("2026-04-05T16:59:59.000Z");
    expect(() => quarterSelfReviewDeadline(2026, 1, hd07_2011, VN)).toThrow("has no quarters");
  });
});

describe("a period's label as data", () => {
  it("the year, or the quarter with its first and last day (no words)", () => {
    expect(periodLabel(2026, 0)).toEqual({ kind: "year", year: 2026 });
    expect(periodLabel(2026, 2)).toEqual({ kind: "quarter", year: 2026, quarter: 2, first: "2026-04-01", last: "2026-06-30" });
  });
});
