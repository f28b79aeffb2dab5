import { describe, expect, it } from "vitest";
import {
  daysLeft,
  digestDue,
  exampleDate,
  localInputSchema,
  missingAlertDue,
  planMemberReminders,
  parseLocalInput,
  supersededReminders,
  validateReviewDates,
} from "./deadlines";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

/** The review's time zone in these tests: Asia/Ho_Chi_Minh, +07:00 (T1); in the bot it is TZ_REVIEW (Deps.timeZone). */
const VN = 7 * 60;

const window = rb.reminders.window;

describe("T1: dates typed by the secretary (dd/mm/yyyy [hh:mm], Asia/Ho_Chi_Minh)", () => {
  it("T1: a date alone is the end of the day for a deadline and 08:00 for a meeting", () => {
    expect(parseLocalInput("20/12/2026", "selfReviewDeadline", VN)).toEqual({ ok: true, iso: "2026-12-20T16:59:59.000Z" });
    expect(parseLocalInput("22/12/2026", "meetingDate", VN)).toEqual({ ok: true, iso: "2026-12-22T01:00:00.000Z" });
  });

  it("T1: a time is read as Vietnam time", () => {
    expect(parseLocalInput(" 5/12/2026 07:30 ", "selfReviewDeadline", VN)).toEqual({ ok: true, iso: "2026-12-05T00:30:00.000Z" });
    expect(parseLocalInput("05-12-2026 17h00", "selfReviewDeadline", VN)).toEqual({ ok: true, iso: "2026-12-05T10:00:00.000Z" });
  });

  it.each([
    ["tomorrow", "date.format"],
    ["2026-12-20", "date.format"],
    ["20/12", "date.format"],
    ["31/02/2026", "date.invalid"],
    ["20/13/2026", "date.invalid"],
    ["20/12/2026 24:00", "date.invalid"],
    ["20/12/2026 10:60", "date.invalid"],
  ])("T1: %s is refused with %s", (text, code) => {
    expect(parseLocalInput(text, "selfReviewDeadline", VN)).toEqual({ ok: false, code });
  });

  it("T1: the zod schema yields the instant or the error code", () => {
    expect(localInputSchema("meetingDate", VN).parse("22/12/2026 14:00")).toBe("2026-12-22T07:00:00.000Z");
    const failed = localInputSchema("meetingDate", VN).safeParse("22/12");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe("date.format");
  });
});

describe("T1: the order of a period's dates", () => {
  const report = "2026-12-30T16:59:59.000Z";
  const now = "2026-12-01T02:00:00.000Z";

  it("T1: a deadline ahead, a meeting between the deadline and the report, is accepted", () => {
    const dates = { selfReviewDeadline: "2026-12-20T16:59:59.000Z", meetingDate: "2026-12-22T01:00:00.000Z", reportDeadline: report };
    expect(validateReviewDates(dates, "selfReviewDeadline", now)).toEqual([]);
  });

  it("T1: a deadline in the past or after the report is refused", () => {
    expect(validateReviewDates({ selfReviewDeadline: now, meetingDate: null, reportDeadline: report }, "selfReviewDeadline", now)).toEqual([
      "deadline.in-past",
    ]);
    expect(
      validateReviewDates(
        { selfReviewDeadline: "2026-12-31T01:00:00.000Z", meetingDate: null, reportDeadline: report },
        "selfReviewDeadline",
        now,
      ),
    ).toEqual(["deadline.after-report"]);
  });

  it("T1: a meeting before the self-reviews are due or after the report is refused", () => {
    const deadline = "2026-12-20T16:59:59.000Z";
    expect(
      validateReviewDates(
        { selfReviewDeadline: deadline, meetingDate: "2026-12-19T01:00:00.000Z", reportDeadline: report },
        "meetingDate",
        now,
      ),
    ).toEqual(["meeting.before-deadline"]);
    expect(
      validateReviewDates(
        { selfReviewDeadline: deadline, meetingDate: "2026-12-31T01:00:00.000Z", reportDeadline: report },
        "meetingDate",
        now,
      ),
    ).toEqual(["meeting.after-report"]);
  });

  it("T1: a past deadline does not block changing the meeting date", () => {
    const dates = { selfReviewDeadline: "2026-11-30T16:59:59.000Z", meetingDate: "2026-12-22T01:00:00.000Z", reportDeadline: report };
    expect(validateReviewDates(dates, "meetingDate", now)).toEqual([]);
  });

  it("T1: a new report deadline is refused in the past, before the deadline or before the meeting, as its own fault", () => {
    const dates = { selfReviewDeadline: "2026-12-20T16:59:59.000Z", meetingDate: "2026-12-22T01:00:00.000Z", reportDeadline: now };
    expect(validateReviewDates(dates, "reportDeadline", now)).toEqual([
      "report.in-past",
      "report.before-deadline",
      "report.before-meeting",
    ]);
    expect(validateReviewDates({ ...dates, reportDeadline: "2026-12-21T16:59:59.000Z" }, "reportDeadline", now)).toEqual([
      "report.before-meeting",
    ]);
    expect(validateReviewDates({ ...dates, reportDeadline: "2027-01-10T16:59:59.000Z" }, "reportDeadline", now)).toEqual([]);
  });
});

describe("exampleDate: the date a question shows, never one already gone", () => {
  const deadline = "2027-01-15T16:59:59.000Z";
  it("counts from now for a deadline, from the later of now and the deadline for the meeting and the report", () => {
    expect(exampleDate("selfReviewDeadline", deadline, "2027-01-05T02:00:00.000Z", VN)).toBe("12/01/2027");
    expect(exampleDate("meetingDate", deadline, "2027-01-05T02:00:00.000Z", VN)).toBe("17/01/2027");
    expect(exampleDate("reportDeadline", deadline, "2027-01-20T02:00:00.000Z", VN)).toBe("25/01/2027");
    expect(exampleDate("meetingDate", null, "2026-12-01T02:00:00.000Z", VN)).toBe("03/12/2026");
  });
});

describe("T2: when the scheduler tells whom", () => {
  it("T2: the missing-members alert waits for the first daytime moment after the deadline", () => {
    expect(missingAlertDue("2026-12-20T16:59:59.000Z", window, VN)).toBe("2026-12-21T01:00:00.000Z"); // 21/12 08:00
    expect(missingAlertDue("2026-12-20T10:00:00.000Z", window, VN)).toBe("2026-12-20T10:00:01.000Z"); // 17:00:01 same day
  });

  it("T2: the digest of a local day is due at that day's 08:00, whatever the hour it is planned", () => {
    expect(digestDue("2026-12-05T09:00:00.000Z", window, VN)).toBe("2026-12-05T01:00:00.000Z");
    expect(digestDue("2026-12-05T18:30:00.000Z", window, VN)).toBe("2026-12-06T01:00:00.000Z"); // 01:30 local on the 6th
  });

  it("T1: days left count local calendar days", () => {
    const deadline = "2026-12-20T16:59:59.000Z";
    expect(daysLeft("2026-12-17T01:00:00.000Z", deadline, VN)).toBe(3);
    expect(daysLeft("2026-12-20T01:00:00.000Z", deadline, VN)).toBe(0);
    expect(daysLeft("2026-12-21T01:00:00.000Z", deadline, VN)).toBe(0);
  });

  it("T1: reminders piled up for one member collapse into the newest", () => {
    const rows = [
      { id: "old", memberId: "a", dueAt: "2026-12-17T01:00:00.000Z" },
      { id: "new", memberId: "a", dueAt: "2026-12-19T01:00:00.000Z" },
      { id: "other", memberId: "b", dueAt: "2026-12-17T01:00:00.000Z" },
    ];
    expect(supersededReminders(rows)).toEqual(["old"]);
  });
});

describe("T1: the member's reminders", () => {
  const plan = (deadline: string, now?: string) =>
    planMemberReminders({ offsetMinutes: VN, deadline, offsetsDays: [3, 1, 0], window, ...(now ? { now } : {}) });

  it("T1: 3 days and 1 day before, and the morning of the day (not the deadline instant)", () => {
    expect(plan("2026-12-10T10:00:00.000Z")).toEqual(["2026-12-07T10:00:00.000Z", "2026-12-09T10:00:00.000Z", "2026-12-10T01:00:00.000Z"]);
  });

  it("T1: a deadline at 07:00 moves the same-morning reminder to 20:00 the evening before, never at night", () => {
    expect(plan("2026-12-10T00:00:00.000Z")).toEqual(["2026-12-07T01:00:00.000Z", "2026-12-09T01:00:00.000Z", "2026-12-09T13:00:00.000Z"]);
  });

  it("T1: reminders already past are not planned", () => {
    expect(plan("2026-12-10T10:00:00.000Z", "2026-12-09T12:00:00.000Z")).toEqual(["2026-12-10T01:00:00.000Z"]);
  });
});
