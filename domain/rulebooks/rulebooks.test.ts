import { describe, expect, it } from "vitest";
import { floorShare, reaches } from "../fraction";
import { MEMBER_LEVELS } from "../levels";
import { REASON_CODES, reason } from "../reasons";
import { DEFAULT_RULEBOOK_ID, getRulebook, hd07_2011, RULEBOOKS } from "./index";

describe("rulebooks", () => {
  it("getRulebook finds hd07-2011 and throws on an unknown id", () => {
    expect(getRulebook("hd07-2011")).toBe(hd07_2011);
    expect(Object.keys(RULEBOOKS)).toEqual(["hd07-2011", "qd366-2025"]);
    expect(() => getRulebook("hd-2019")).toThrow("rulebook.unknown");
    expect(() => getRulebook("toString")).toThrow("rulebook.unknown");
  });

  it("M7, M13: vote thresholds of B.II.4 — L1 at least 2/3, the others more than 1/2", () => {
    expect(hd07_2011.member.votes).toEqual({
      L1: { num: 2, den: 3, strict: false },
      L2: { num: 1, den: 2, strict: true },
      L3: { num: 1, den: 2, strict: true },
      L4: { num: 1, den: 2, strict: true },
    });
    expect(hd07_2011.member.denominator).toBe("official");
  });

  it("T1: reminders 3, 1 and 0 days before, in 08:00–20:00; invite links valid 14 days; no time zone (TZ_REVIEW's)", () => {
    expect(hd07_2011.reminders).toEqual({ offsetsDays: [3, 1, 0], window: { startHour: 8, endHour: 20 } });
    expect(hd07_2011.invites).toEqual({ validDays: 14, daysAfterSelfReviewDeadline: 7 });
    expect(hd07_2011).not.toHaveProperty("timezone");
  });

  it("a new period's rulebook is chosen in one place", () => {
    expect(getRulebook(DEFAULT_RULEBOOK_ID)).toBe(hd07_2011);
  });

  it("a rulebook is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(hd07_2011))).toEqual(hd07_2011);
  });
});

describe("exact fractions", () => {
  it.each([
    [6, 9, true],
    [5, 9, false],
    [2, 3, true],
    [200, 300, true],
    [199, 300, false],
    [666_666, 999_999, true],
  ])("M7: %i of %i reaches 2/3: %s", (count, total, expected) => {
    expect(reaches(count, total, { num: 2, den: 3, strict: false })).toBe(expected);
  });

  it.each([
    [5, 10, false],
    [6, 10, true],
    [5, 9, true],
    [4, 9, false],
  ])("M13: %i of %i is more than 1/2: %s", (count, total, expected) => {
    expect(reaches(count, total, { num: 1, den: 2, strict: true })).toBe(expected);
  });

  it("M8: floor(15% of base) by integer division", () => {
    expect([0, 6, 7, 13, 14, 20, 99, 100, 101].map((b) => floorShare(b, { num: 15, den: 100, strict: false }))).toEqual([
      0, 0, 1, 1, 2, 3, 14, 15, 15,
    ]);
  });
});

describe("reason codes", () => {
  it("every reason code is listed once and usable as an i18next key", () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    for (const code of REASON_CODES) expect(code).toMatch(/^[a-z0-9]+\.[a-z0-9-]+$/);
    // No code is the prefix of another, so nested i18next keys never collide.
    for (const a of REASON_CODES) for (const b of REASON_CODES) if (a !== b) expect(b.startsWith(`${a}.`)).toBe(false);
    expect(reason("hcm.missing", { wouldBe: MEMBER_LEVELS[0] })).toEqual({ code: "hcm.missing", params: { wouldBe: "L1" } });
    expect(reason("member.exempt")).toEqual({ code: "member.exempt" });
  });
});
