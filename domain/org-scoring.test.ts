import { describe, expect, it } from "vitest";
import {
  checkExemplary,
  countMemberLevels,
  countOrgLevels,
  MAX_ACTIONS_LENGTH,
  parseAttendance,
  parseOrgActions,
  parseTaskScore,
  proposeOrgRating,
  recognizeOrgRating,
  revokeOrgRating,
} from "./org-scoring";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

describe("O1: a task's points as typed", () => {
  it.each([
    ["30", "politicalTasks", 30],
    [" 0 ", "massOrgs", 0],
    ["15", "hcm", 15],
  ] as const)("O1: %j for %s is %i", (text, task, value) => {
    expect(parseTaskScore(text, task, rb)).toEqual({ ok: true, value });
  });

  it.each([
    ["31", "politicalTasks", "org.score-out-of-range", 30],
    ["6", "massOrgs", "org.score-out-of-range", 5],
    ["-1", "cadres", "org.score-out-of-range", 10],
    ["7.5", "hcm", "org.score-not-integer", 15],
    ["mười", "ideology", "org.score-not-integer", 15],
    ["", "inspection", "org.score-not-integer", 10],
  ] as const)("O1: %j for %s is refused (%s, max %i)", (text, task, code, max) => {
    expect(parseTaskScore(text, task, rb)).toEqual({ ok: false, error: { code, task, max } });
  });
});

describe("O3: the year's attendance as typed", () => {
  it("O3: pairs present/expected, separated by commas, semicolons or lines", () => {
    expect(parseAttendance("18/20, 19 / 20;20/20\n7/10")).toEqual({
      ok: true,
      meetings: [
        { attended: 18, expected: 20 },
        { attended: 19, expected: 20 },
        { attended: 20, expected: 20 },
        { attended: 7, expected: 10 },
      ],
    });
  });

  it("O3: an average percentage is one meeting of that many out of 100", () => {
    expect(parseAttendance("85%")).toEqual({ ok: true, meetings: [{ attended: 85, expected: 100 }] });
    expect(parseAttendance("80")).toEqual({ ok: true, meetings: [{ attended: 80, expected: 100 }] });
  });

  it.each([
    ["more present than expected", "21/20", "attendance.over"],
    ["over 100%", "101%", "attendance.over"],
    ["words", "đều đặn", "attendance.unreadable"],
    ["a meeting of nobody", "0/0", "attendance.unreadable"],
    ["nothing", " , ", "attendance.unreadable"],
    ["more meetings than a year holds", Array.from({ length: 61 }, () => "1/1").join(","), "attendance.too-many"],
  ])("O3: %s is refused", (_name, text, error) => {
    expect(parseAttendance(text)).toEqual({ ok: false, error });
  });
});

describe("O5: the concrete actions as typed", () => {
  it("O5: kept composed and trimmed; empty or longer than a list of actions is refused", () => {
    expect(parseOrgActions("  Học chuyên đề\u0007 hằng tháng \n")).toEqual({ ok: true, value: "Học chuyên đề hằng tháng" });
    expect(parseOrgActions(" \n ")).toEqual({ ok: false, error: "actions_empty" });
    expect(parseOrgActions("x".repeat(MAX_ACTIONS_LENGTH))).toMatchObject({ ok: true });
    expect(parseOrgActions("x".repeat(MAX_ACTIONS_LENGTH + 1))).toEqual({ ok: false, error: "actions_too_long" });
  });
});

describe("O3: figures from recognized results", () => {
  it("O3: members and branches counted per level", () => {
    expect(countMemberLevels(["L1", "L2", "L2", "L4"])).toEqual({ L1: 1, L2: 2, L3: 0, L4: 1 });
    expect(countOrgLevels(["tsvm", "tsvm", "weak"])).toEqual({ tsvm: 2, good: 0, completed: 0, weak: 1 });
    expect(countOrgLevels([])).toEqual({ tsvm: 0, good: 0, completed: 0, weak: 0 });
  });
});

describe("B.I.4: the level above recognizes or revokes a rating", () => {
  it("B.I.4, M14: a recognized rating is not scored again until the level above revokes it", () => {
    expect(proposeOrgRating({ state: "recognized" })).toBe("result.revoke-first");
    expect(proposeOrgRating({ state: "revoked" })).toBeNull();
    expect(proposeOrgRating({ state: "proposed" })).toBeNull();
    expect(proposeOrgRating(null)).toBeNull();
  });

  it("B.I.4, M15: only a proposed rating is recognized", () => {
    expect(recognizeOrgRating({ state: "proposed" })).toBeNull();
    expect(recognizeOrgRating({ state: "recognized" })).toBe("result.not-proposed");
    expect(recognizeOrgRating({ state: "revoked" })).toBe("result.not-proposed");
    expect(recognizeOrgRating(null)).toBe("result.none");
  });

  it("B.I.4, M14: a revocation needs a reason and is not repeated", () => {
    expect(revokeOrgRating({ state: "recognized" }, "Chấm sai điểm")).toBeNull();
    expect(revokeOrgRating({ state: "proposed" }, "x")).toBeNull();
    expect(revokeOrgRating({ state: "recognized" }, "   ")).toBe("result.why-required");
    expect(revokeOrgRating({ state: "revoked" }, "x")).toBe("result.already-revoked");
    expect(revokeOrgRating(null, "x")).toBe("result.none");
  });
});

describe("O6: exemplary within 20% of the committee's TSVM organizations", () => {
  const tsvm = { level: "tsvm", state: "recognized" } as const;

  it("O6: one of five TSVM may be exemplary, a second is refused with the numbers", () => {
    expect(checkExemplary(tsvm, { tsvm: 5, exemplary: 0 }, rb)).toEqual({ ok: true });
    expect(checkExemplary(tsvm, { tsvm: 5, exemplary: 1 }, rb)).toEqual({
      ok: false,
      error: "org.exemplary-over-quota",
      quota: 1,
      tsvm: 5,
      marked: 1,
    });
  });

  it("O6: fewer than five TSVM allow none", () => {
    expect(checkExemplary(tsvm, { tsvm: 4, exemplary: 0 }, rb)).toMatchObject({ ok: false, quota: 0 });
  });

  it("O6: only a recognized TSVM rating can be exemplary", () => {
    expect(checkExemplary({ level: "good", state: "recognized" }, { tsvm: 10, exemplary: 0 }, rb)).toEqual({
      ok: false,
      error: "org.exemplary-not-tsvm",
    });
    expect(checkExemplary({ level: "tsvm", state: "proposed" }, { tsvm: 10, exemplary: 0 }, rb)).toMatchObject({
      error: "org.exemplary-not-tsvm",
    });
  });
});
