import { describe, expect, it } from "vitest";
import { defaultPeriodDates } from "./calendar";
import { awaitsReport, memberLevelCounts, orgLevelCounts, percentTenths, reportState, sumMemberCounts } from "./reports";
import { hd07_2011 } from "./rulebooks/index";

const VN = 420;

describe("reports that go up (D, T1)", () => {
  const dates = defaultPeriodDates(2026, hd07_2011, VN);

  it("T1: the calendar of each level — branches before 31/12, TCCSĐ conference before 15/01, bloc appraisal before 20/01, bloc conference before 30/01", () => {
    expect(dates.branchReportDeadline).toBe("2026-12-30T16:59:59.000Z");
    expect(dates.tccsdConferenceDeadline).toBe("2027-01-14T16:59:59.000Z");
    expect(dates.blocAppraisalDeadline).toBe("2027-01-19T16:59:59.000Z");
    expect(dates.blocConferenceDeadline).toBe("2027-01-29T16:59:59.000Z");
  });

  it("T1: a branch that has not reported is due until its deadline and overdue from the first second after it", () => {
    const deadline = dates.branchReportDeadline;
    expect(reportState({ deadline, reportedAt: null, now: "2026-12-30T16:59:59.000Z" })).toBe("due");
    expect(reportState({ deadline, reportedAt: null, now: "2026-12-30T17:00:00.000Z" })).toBe("overdue");
    expect(awaitsReport("overdue")).toBe(true);
    expect(awaitsReport("reported-late")).toBe(false);
  });

  it("T1: a report sent by the deadline is on time whenever it is looked at; one sent after it stays late", () => {
    const deadline = dates.tccsdConferenceDeadline;
    const later = "2027-03-01T00:00:00.000Z";
    expect(reportState({ deadline, reportedAt: "2027-01-14T16:59:59.000Z", now: later })).toBe("reported");
    expect(reportState({ deadline, reportedAt: "2027-01-14T17:00:00.000Z", now: later })).toBe("reported-late");
  });

  it("counts members: exempt (M2) and deferred (M3) apart, levels only when recognized (M15), the rest awaiting recognition", () => {
    const counts = memberLevelCounts([
      { exempt: true, outcome: null, state: null, members: 1 },
      { exempt: true, outcome: "not-evaluated", state: "proposed", members: 1 },
      { exempt: false, outcome: "deferred", state: "proposed", members: 2 },
      { exempt: false, outcome: "L1", state: "recognized", members: 3 },
      { exempt: false, outcome: "L2", state: "recognized", members: 10 },
      { exempt: false, outcome: "L3", state: "proposed", members: 4 },
      { exempt: false, outcome: "L4", state: "revoked", members: 1 },
      { exempt: false, outcome: null, state: null, members: 2 },
    ]);
    expect(counts).toEqual({
      total: 24,
      exempt: 2,
      deferred: 2,
      evaluated: 20,
      levels: { L1: 3, L2: 10, L3: 0, L4: 0 },
      unrecognized: 7,
    });
    const twice = sumMemberCounts([counts, counts]);
    expect(twice.total).toBe(48);
    expect(twice.levels.L2).toBe(20);
  });

  it("writes shares in tenths of a percent with integers, rounded half up, and nothing of nothing as 0", () => {
    expect(percentTenths(3, 7)).toBe(429);
    expect(percentTenths(1, 8)).toBe(125);
    expect(percentTenths(1, 16)).toBe(63); // 6.25% → 6.3%
    expect(percentTenths(2, 3)).toBe(667);
    expect(percentTenths(5, 5)).toBe(1000);
    expect(percentTenths(0, 0)).toBe(0);
  });

  it("counts organizations by their recognized level, the exemplary among the clean and strong, and those without one", () => {
    const counts = orgLevelCounts([
      { level: "tsvm", exemplary: true },
      { level: "tsvm", exemplary: false },
      { level: "good", exemplary: false },
      { level: "weak", exemplary: false },
      null,
    ]);
    expect(counts).toEqual({ total: 5, levels: { tsvm: 2, good: 1, completed: 0, weak: 1 }, exemplary: 1, unrated: 1 });
  });
});
