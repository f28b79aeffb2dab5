import { describe, expect, it } from "vitest";
import { isDaytime, lateMembers, missingMembers, nextDaytime, planReminders, whoToRemind } from "./reminders";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";
import type { SubmissionState } from "./submission";

/** The review's time zone in these tests: Asia/Ho_Chi_Minh, +07:00 (T1); in the bot it is TZ_REVIEW (Deps.timeZone). */
const VN = 7 * 60;

const window = rb.reminders.window;
const plan = (deadline: string, offsetsDays: number[], now?: string) =>
  planReminders({ offsetMinutes: VN, deadline, offsetsDays, window, ...(now ? { now } : {}) });

describe("reminders before a deadline (T1, T2)", () => {
  it("T1: the default offsets before 20/12 23:59:59 fall at night and move to that day's 08:00", () => {
    expect(plan("2011-12-20T23:59:59+07:00", [...rb.reminders.offsetsDays])).toEqual([
      "2011-12-17T01:00:00.000Z", // 17/12 08:00 local
      "2011-12-19T01:00:00.000Z",
      "2011-12-20T01:00:00.000Z",
    ]);
  });

  it("T1: a daytime instant is kept as it is", () => {
    expect(plan("2011-12-20T17:00:00+07:00", [1])).toEqual(["2011-12-19T10:00:00.000Z"]);
  });

  it("T1: an early-morning deadline reminds the evening before, never after the deadline", () => {
    // Deadline 20/12 07:00: offset 0 would be 08:00 that day (after the deadline), so 19/12 20:00;
    // offset 1 (19/12 07:00) moves to 19/12 08:00.
    expect(plan("2011-12-20T07:00:00+07:00", [0, 1])).toEqual(["2011-12-19T01:00:00.000Z", "2011-12-19T13:00:00.000Z"]);
  });

  it("T1: reminders before `now` are dropped and duplicates merged", () => {
    const deadline = "2011-12-20T23:59:59+07:00";
    expect(plan(deadline, [0, 0, 3], "2011-12-18T00:00:00+07:00")).toEqual(["2011-12-20T01:00:00.000Z"]);
  });

  it("T1: daytime is 08:00 to 20:00 local, both ends included", () => {
    expect(isDaytime("2011-12-20T08:00:00+07:00", window, VN)).toBe(true);
    expect(isDaytime("2011-12-20T20:00:00+07:00", window, VN)).toBe(true);
    expect(isDaytime("2011-12-20T20:00:01+07:00", window, VN)).toBe(false);
    expect(isDaytime("2011-12-20T07:59:59+07:00", window, VN)).toBe(false);
    expect(nextDaytime("2011-12-20T21:00:00+07:00", window, VN)).toBe("2011-12-21T01:00:00.000Z");
    expect(nextDaytime("2011-12-20T05:00:00+07:00", window, VN)).toBe("2011-12-20T01:00:00.000Z");
    expect(nextDaytime("2011-12-20T12:34:00+07:00", window, VN)).toBe("2011-12-20T05:34:00.000Z");
  });
});

describe("whom to remind and report", () => {
  const members: { id: string; state: SubmissionState }[] = [
    { id: "pending", state: "pending" },
    { id: "draft", state: "draft" },
    { id: "missing", state: "missing" },
    { id: "submitted", state: "submitted" },
    { id: "late", state: "late" },
    { id: "exempt", state: "not-evaluated" },
    { id: "absent", state: "deferred" },
  ];

  it("M2, M3: reminders skip exempt, deferred and submitted members", () => {
    expect(whoToRemind(members)).toEqual(["pending", "draft", "missing"]);
  });

  it("T2: the branch committee is told who is missing and who was late", () => {
    expect(missingMembers(members)).toEqual(["missing"]);
    expect(lateMembers(members)).toEqual(["late"]);
  });
});
