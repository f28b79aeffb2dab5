// NO1's cap among comparable organizations and NO2's decision otherwise, by rule id.
import { describe, expect, it } from "vitest";
import { checkDecisionOtherwise } from "./decision";
import { checkOrgExcellent, orgCapFigures, orgCapRule } from "./org-cap";
import { percent } from "./fraction";
import { hd07_2011, qd366_2025 as rb } from "./rulebooks";

const standing = (tsvm: number, good: number, completed = 0) => ({ tsvm, good, completed, weak: 0 });
const rule = orgCapRule(rb)!;

describe("NO1: «xuất sắc» among comparable organizations within the cap", () => {
  it("NO1: 20% (25% for an outstanding unit) of the recognized «tốt» or better, floor; 2011 has none", () => {
    expect(rule).toEqual({
      share: percent(20),
      base: "reached-l2-or-better",
      rounding: "floor",
      openPoints: { baseIncludesExcellent: true, rounding: "floor" },
    });
    expect(orgCapRule(rb, { outstandingUnit: true })!.share).toEqual(percent(25));
    expect(orgCapRule(hd07_2011)).toBeNull();
  });

  it("NO1: with 4 «tốt» recognized, a first «xuất sắc» makes 1 of 5: within floor(20% × 5) = 1", () => {
    expect(checkOrgExcellent(standing(0, 4), rule)).toEqual({ ok: true, figures: { base: 5, cap: 1, excellent: 1 } });
  });

  it("NO1: with 3 «tốt», a first «xuất sắc» is 1 of 4: floor(0.8) = 0, refused with the figures as they stand", () => {
    expect(checkOrgExcellent(standing(0, 3), rule)).toEqual({
      ok: false,
      error: "org.cap-full",
      figures: { base: 3, cap: 0, excellent: 0 },
    });
  });

  it("NO1: a second «xuất sắc» over 4 «tốt» is 2 of 6: floor(1.2) = 1, refused; with 8 «tốt» 2 of 10 fits", () => {
    expect(checkOrgExcellent(standing(1, 4), rule)).toMatchObject({ ok: false, figures: { base: 5, cap: 1, excellent: 1 } });
    expect(checkOrgExcellent(standing(1, 8), rule)).toMatchObject({ ok: true, figures: { base: 10, cap: 2, excellent: 2 } });
  });

  it("NO1 open points: the base without the «xuất sắc» ones; rounding to the nearest; «hoàn thành» never counts", () => {
    const without = orgCapRule(rb, { capBaseIncludesExcellent: false })!;
    expect(checkOrgExcellent(standing(0, 5, 9), without)).toMatchObject({ ok: true, figures: { base: 5, cap: 1 } });
    expect(checkOrgExcellent(standing(0, 4), without)).toMatchObject({ ok: false, figures: { base: 4, cap: 0 } });
    const nearest = orgCapRule(rb, { capRounding: "nearest" })!;
    expect(orgCapFigures(standing(0, 3), nearest)).toEqual({ base: 3, cap: 1, excellent: 0 });
    expect(checkOrgExcellent(standing(0, 2), nearest)).toMatchObject({ ok: true, figures: { base: 3, cap: 1 } });
  });
});

describe("NO2: the level above decides another level, with a reason", () => {
  it("NO2: a proposed rating decided otherwise starts its reasons with decision.differs", () => {
    expect(checkDecisionOtherwise({ state: "proposed", level: "tsvm" }, { level: "good", note: " Vượt tỷ lệ. " })).toEqual({
      ok: true,
      differs: { code: "decision.differs", params: { proposed: "tsvm", note: "Vượt tỷ lệ." } },
    });
  });

  it.each([
    [null, "good", "x", "result.none"],
    [{ state: "recognized" as const, level: "tsvm" as const }, "good", "x", "result.revoke-first"],
    [{ state: "revoked" as const, level: "tsvm" as const }, "good", "x", "result.not-proposed"],
    [{ state: "proposed" as const, level: "tsvm" as const }, "good", "  ", "result.why-required"],
    [{ state: "proposed" as const, level: "tsvm" as const }, "tsvm", "x", "decision.same-level"],
  ] as const)("NO2: refused: %j to %s with «%s» → %s", (current, level, note, error) => {
    expect(checkDecisionOtherwise(current, { level, note })).toEqual({ ok: false, error });
  });
});
