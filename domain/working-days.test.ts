import { describe, expect, it } from "vitest";
import { hd07_2011 } from "./rulebooks/hd07-2011";
import { qd366_2025 } from "./rulebooks/qd366-2025";
import { draftReportDay, workingDaysBefore } from "./working-days";

const VN = 7 * 60;

describe("N11: the draft collective report at least 3 working days before the meeting", () => {
  it("N11: a Monday meeting needs the draft by the Wednesday before (the weekend is not counted)", () => {
    // Monday 28/12/2026 08:00 in Việt Nam.
    expect(draftReportDay("2026-12-28T01:00:00.000Z", qd366_2025, VN)).toBe("2026-12-23");
  });

  it("N11: a Thursday meeting needs it by the Monday of the same week", () => {
    expect(workingDaysBefore("2026-12-24T01:00:00.000Z", 3, VN)).toBe("2026-12-21");
  });

  it("N11: the meeting's day is read in local time (an early meeting is still that day)", () => {
    // 06:30 on Monday 28/12 local is 23:30 on Sunday 27/12 UTC.
    expect(workingDaysBefore("2026-12-27T23:30:00.000Z", 3, VN)).toBe("2026-12-23");
  });

  it("N11: no such day without a meeting date or under the 2011 rulebook", () => {
    expect(draftReportDay(null, qd366_2025, VN)).toBeNull();
    expect(draftReportDay("2026-12-28T01:00:00.000Z", hd07_2011, VN)).toBeNull();
  });
});
