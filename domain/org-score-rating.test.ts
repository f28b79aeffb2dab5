// NO1 by rule id, every edge: the bands 90/89, 70/69, 50/49; the bounds of each part (30/31, 70/71); each condition.
import { describe, expect, it } from "vitest";
import { checkOrgScorePart, failedOrgScoreConditions, parseOrgScorePart, rateOrganizationByScore } from "./org-score-rating";
import { hd07_2011, qd366_2025 as rb } from "./rulebooks";

const rules = rb.org.score!;
const clean = { subordinateDisciplined: false, leaderDisciplined: false };
/** `total` points: the general part full (30) when it can be, the rest as tasks. */
const rate = (total: number, facts = clean) =>
  rateOrganizationByScore({ points: { general: Math.min(30, total), tasks: total - Math.min(30, total) }, facts }, rb);

describe("NO1: an organization's level by its score under 366", () => {
  it("NO1: also 30 + 70, the members' bands; 2011 has no score rules for organizations", () => {
    expect([rules.generalMax, rules.taskMax]).toEqual([30, 70]);
    expect(rb.org.bands).toEqual({ tsvm: 90, good: 70, completed: 50 });
    expect(rules.excellentConditions).toEqual(["no-subordinate-disciplined", "no-leader-disciplined"]);
    expect(hd07_2011.org.score).toBeNull();
    expect(() => rateOrganizationByScore({ points: { general: 30, tasks: 70 }, facts: clean }, hd07_2011)).toThrow("org.not-scored");
  });

  it.each([
    [100, "tsvm"],
    [90, "tsvm"],
    [89, "good"],
    [70, "good"],
    [69, "completed"],
    [50, "completed"],
    [49, "weak"],
    [0, "weak"],
  ] as const)("NO1: %i points is %s", (total, level) => {
    expect(rate(total)).toEqual({ level, total, reasons: [{ code: "org.score-band", params: { total, level } }] });
  });

  it("NO1: general and task points add up whichever part they come from", () => {
    expect(rateOrganizationByScore({ points: { general: 20, tasks: 70 }, facts: clean }, rb)).toMatchObject({ level: "tsvm", total: 90 });
    expect(rateOrganizationByScore({ points: { general: 30, tasks: 59 }, facts: clean }, rb)).toMatchObject({ level: "good", total: 89 });
  });

  it.each([
    ["general", 30, null],
    ["general", 31, "org.score-out-of-range"],
    ["general", -1, "org.score-out-of-range"],
    ["general", 0, null],
    ["tasks", 70, null],
    ["tasks", 71, "org.score-out-of-range"],
    ["tasks", 2.5, "org.score-not-integer"],
  ] as const)("NO1: %s %d points: %s", (part, value, code) => {
    const max = part === "general" ? 30 : 70;
    expect(checkOrgScorePart(value, part, rules)).toEqual(code && { code, part, max });
  });

  it("NO1: typed points are whole numbers; the error names the part and its bound", () => {
    expect(parseOrgScorePart(" 30 ", "general", rules)).toEqual({ ok: true, value: 30 });
    expect(parseOrgScorePart("31", "general", rules)).toEqual({
      ok: false,
      error: { code: "org.score-out-of-range", part: "general", max: 30 },
    });
    expect(parseOrgScorePart("71", "tasks", rules)).toEqual({
      ok: false,
      error: { code: "org.score-out-of-range", part: "tasks", max: 70 },
    });
    expect(parseOrgScorePart("bảy", "tasks", rules)).toEqual({
      ok: false,
      error: { code: "org.score-not-integer", part: "tasks", max: 70 },
    });
    expect(parseOrgScorePart("7,5", "tasks", rules)).toMatchObject({ ok: false, error: { code: "org.score-not-integer" } });
  });

  it("NO1: points out of bounds are refused by the rating too", () => {
    expect(() => rateOrganizationByScore({ points: { general: 31, tasks: 70 }, facts: clean }, rb)).toThrow("org.invalid-scores");
    expect(() => rateOrganizationByScore({ points: { general: 30, tasks: 71 }, facts: clean }, rb)).toThrow("org.invalid-scores");
  });

  it("NO1: «xuất sắc» needs no subordinate unit disciplined in the year; else «tốt», with the reason", () => {
    expect(rate(95, { subordinateDisciplined: true, leaderDisciplined: false })).toEqual({
      level: "good",
      total: 95,
      reasons: [
        { code: "org.score-band", params: { total: 95, level: "good" } },
        { code: "org.score-condition-failed", params: { condition: "no-subordinate-disciplined" } },
      ],
    });
  });

  it("NO1: «xuất sắc» needs no member of the leadership disciplined in the year; else «tốt», with the reason", () => {
    expect(rate(90, { subordinateDisciplined: false, leaderDisciplined: true })).toMatchObject({
      level: "good",
      reasons: [{ params: { level: "good" } }, { code: "org.score-condition-failed", params: { condition: "no-leader-disciplined" } }],
    });
  });

  it("NO1: both conditions failed give both reasons; below 90 the conditions do not matter", () => {
    const both = { subordinateDisciplined: true, leaderDisciplined: true };
    expect(failedOrgScoreConditions(both, rules)).toEqual(["no-subordinate-disciplined", "no-leader-disciplined"]);
    expect(rate(100, both).reasons).toHaveLength(3);
    expect(rate(89, both)).toEqual(rate(89));
  });
});
