import { describe, expect, it } from "vitest";
import { isLate, submissionState, type SubmissionInput } from "./submission";
import { official } from "./test-helpers";

const deadline = "2011-12-20T23:59:59+07:00";
const before = "2011-12-18T09:00:00+07:00";
const after = "2011-12-21T09:00:00+07:00";
const state = (over: Partial<SubmissionInput>) => submissionState({ member: official(), deadline, now: before, ...over });

describe("T2: submissions against the deadline", () => {
  it.each([
    ["nothing yet, before the deadline", { now: before }, "pending"],
    ["a draft, before the deadline", { review: { submittedAt: null } }, "draft"],
    ["submitted before the deadline", { review: { submittedAt: "2011-12-19T10:00:00+07:00" }, now: after }, "submitted"],
    ["submitted at the deadline instant itself", { review: { submittedAt: deadline }, now: after }, "submitted"],
    [
      "submitted one second after the deadline is kept, marked late",
      { review: { submittedAt: "2011-12-21T00:00:00+07:00" }, now: after },
      "late",
    ],
    ["nothing after the deadline", { now: after }, "missing"],
    ["only a draft after the deadline", { review: { submittedAt: null }, now: after }, "missing"],
  ] as const)("T2: %s", (_name, over, expected) => {
    expect(state(over as Partial<SubmissionInput>)).toBe(expected);
  });

  it("T2: isLate compares instants across offsets", () => {
    expect(isLate("2011-12-20T17:00:00Z", deadline)).toBe(true); // 00:00 on the 21st in Vietnam
    expect(isLate("2011-12-20T16:59:59Z", deadline)).toBe(false);
  });

  it("M2: an exempt member is never missing", () => {
    expect(state({ member: official({ exempt: true }), now: after })).toBe("not-evaluated");
  });

  it("M3: an absent member is deferred, not missing", () => {
    expect(state({ absentFromMeeting: true, now: after })).toBe("deferred");
  });
});
