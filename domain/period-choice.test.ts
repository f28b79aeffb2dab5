import { describe, expect, it } from "vitest";
import { defaultQuarterDeadline, periodDeadlines, quarterChoices, quarterEnd } from "./period-choice";
import { hd07_2011, qd366_2025 } from "./rulebooks";

/** Asia/Ho_Chi_Minh, +07:00. */
const VN = 7 * 60;

describe("N10: a period is a year or a quarter", () => {
  it("N10: quarters only where the rulebook allows them", () => {
    expect(quarterChoices(hd07_2011)).toEqual([0]);
    expect(quarterChoices(qd366_2025)).toEqual([0, 1, 2, 3, 4]);
  });

  it("N10: a quarter's self-review is due at the end of its last day, its report the rulebook's gap later", () => {
    expect(quarterEnd(2027, 1, VN)).toBe("2027-03-31T16:59:59.000Z");
    expect(quarterEnd(2028, 2, VN)).toBe("2028-06-30T16:59:59.000Z");
    const due = defaultQuarterDeadline(2027, 1, qd366_2025, "2027-02-01T00:00:00.000Z", VN);
    expect(due).toBe("2027-03-31T16:59:59.000Z");
    expect(periodDeadlines(2027, 1, qd366_2025, due, VN).reportDeadline).toBe("2027-04-10T16:59:59.000Z");
  });

  it("N10: a quarter opened after it ended gets the rulebook's lead from today", () => {
    expect(defaultQuarterDeadline(2027, 1, qd366_2025, "2027-04-02T03:00:00.000Z", VN)).toBe("2027-04-09T16:59:59.000Z");
  });

  it("the year's deadlines stay the calendar's", () => {
    const due = "2026-12-20T16:59:59.000Z";
    expect(periodDeadlines(2026, 0, hd07_2011, due, VN).reportDeadline).toBe("2026-12-30T16:59:59.000Z");
  });
});
