import { describe, expect, it } from "vitest";
import { applyL1Cap, capBase, type CapEntry } from "./branch-cap";
import { l1CapCount } from "./cap-count";
import type { MemberOutcome } from "./member-rating";
import { changeOpenPoint, OPEN_POINTS, openPointDefaults, openPointViews, parseOpenPoints, withOpenPoints } from "./open-points";
import { hd07_2011, qd366_2025 } from "./rulebooks/index";

const at = (level: "L1" | "L2" | "L3"): MemberOutcome => ({ kind: "level", level, reasons: [] });
/** `l1` members at L1 (votes descending, no ties) and `l2` at L2. */
function branch(l1: number, l2: number): CapEntry[] {
  const entries: CapEntry[] = [];
  for (let i = 0; i < l1; i++) entries.push({ memberId: `x${i}`, outcome: at("L1"), l1Votes: 100 - i });
  for (let i = 0; i < l2; i++) entries.push({ memberId: `g${i}`, outcome: at("L2"), l1Votes: 0 });
  return entries;
}

describe("N6 open points: the period's effective rulebook", () => {
  it("N6: no open points is the rulebook's own reading: 20% of everyone at good or better, floor", () => {
    const rb = withOpenPoints(qd366_2025, {});
    expect(rb.id).toBe("qd366-2025");
    expect(rb.member.l1Cap).toEqual({
      share: qd366_2025.score!.cap.share,
      base: "reached-l2-or-better",
      tieBreak: "secretary",
      rounding: "floor",
    });
    expect(rb.score!.cap).toEqual(qd366_2025.score!.cap);
    // 3 excellent + 12 good = 15: floor(20% × 15) = 3.
    expect(capBase(branch(3, 12), rb)).toBe(15);
    expect(l1CapCount(15, rb)).toBe(3);
  });

  it("N6: an outstanding unit's cap is 25% (floor(25% × 12) = 3 where 20% gives 2)", () => {
    expect(l1CapCount(12, withOpenPoints(qd366_2025, {}))).toBe(2);
    const outstanding = withOpenPoints(qd366_2025, { outstandingUnit: true });
    expect(outstanding.member.l1Cap.share).toEqual(qd366_2025.score!.cap.outstandingUnitShare);
    expect(l1CapCount(12, outstanding)).toBe(3);
    expect(l1CapCount(11, outstanding)).toBe(2);
  });

  it("N6: a base without the excellent ones counts only those at good", () => {
    const rb = withOpenPoints(qd366_2025, { capBaseIncludesExcellent: false });
    expect(rb.member.l1Cap.base).toBe("l2-only");
    expect(rb.score!.cap.baseIncludesExcellent).toBe(false);
    // 3 excellent + 12 good: the base is 12, the cap floor(2.4) = 2, so the third excellent one is moved to good.
    const result = applyL1Cap(branch(3, 12), rb);
    expect(result.base).toBe(12);
    expect(result.cap).toBe(2);
    expect(result.outcomes.x2).toMatchObject({ kind: "level", level: "L2" });
    // With them, the base is 15 and all three stay.
    expect(applyL1Cap(branch(3, 12), qd366_2025)).toMatchObject({ base: 15, cap: 3 });
  });

  it("N6: rounding to the nearest: 20% of 13 is 2.6 → 3 (floor: 2)", () => {
    const nearest = withOpenPoints(qd366_2025, { capRounding: "nearest" });
    expect(nearest.member.l1Cap.rounding).toBe("nearest");
    expect(applyL1Cap(branch(3, 10), nearest)).toMatchObject({ base: 13, cap: 3, final: true });
    expect(applyL1Cap(branch(3, 10), qd366_2025)).toMatchObject({ base: 13, cap: 2 });
    // 2.4 rounds down either way.
    expect(l1CapCount(12, nearest)).toBe(2);
  });

  it("N6: all three together: 25% of the good ones only, to the nearest", () => {
    const rb = withOpenPoints(qd366_2025, { outstandingUnit: true, capBaseIncludesExcellent: false, capRounding: "nearest" });
    // 4 excellent + 10 good: base 10, 25% = 2.5 → 3.
    expect(applyL1Cap(branch(4, 10), rb)).toMatchObject({ base: 10, cap: 3 });
  });

  it("the 2011 rulebook has no open points: it is returned as it is", () => {
    expect(withOpenPoints(hd07_2011, { outstandingUnit: true, capRounding: "nearest" })).toBe(hd07_2011);
    expect(openPointDefaults(hd07_2011)).toBeNull();
    expect(openPointViews(hd07_2011, {})).toEqual([]);
  });

  it("an explicitly undefined open point is the default", () => {
    expect(withOpenPoints(qd366_2025, { capRounding: undefined }).member.l1Cap.rounding).toBe("floor");
  });
});

describe("open points for the bot", () => {
  it("lists every open point with its default, the value in force and the values allowed", () => {
    expect(OPEN_POINTS.map((p) => p.key)).toEqual(["capBaseIncludesExcellent", "capRounding", "outstandingUnit"]);
    expect(openPointViews(qd366_2025, { capRounding: "nearest" })).toEqual([
      { key: "capBaseIncludesExcellent", value: true, defaultValue: true, values: [true, false] },
      { key: "capRounding", value: "nearest", defaultValue: "floor", values: ["floor", "nearest"] },
      { key: "outstandingUnit", value: false, defaultValue: false, values: [false, true] },
    ]);
  });

  it("parses the stored JSON strictly", () => {
    expect(parseOpenPoints(null)).toEqual({});
    expect(parseOpenPoints("")).toEqual({});
    expect(parseOpenPoints("{}")).toEqual({});
    expect(parseOpenPoints('{"capRounding":"nearest","outstandingUnit":true}')).toEqual({ capRounding: "nearest", outstandingUnit: true });
    expect(parseOpenPoints('{"capRounding":"ceil"}')).toBeNull();
    expect(parseOpenPoints('{"capBaseIncludesExcellent":"false"}')).toBeNull();
    expect(parseOpenPoints('{"capShare":25}')).toBeNull();
    expect(parseOpenPoints("[]")).toBeNull();
    expect(parseOpenPoints("not json")).toBeNull();
  });

  it("changes one open point, refusing an unknown key or a wrong value", () => {
    expect(changeOpenPoint({ outstandingUnit: true }, "capRounding", "nearest")).toEqual({ outstandingUnit: true, capRounding: "nearest" });
    expect(changeOpenPoint({}, "capRounding", "up")).toBeNull();
    expect(changeOpenPoint({}, "capShare", 25)).toBeNull();
    expect(changeOpenPoint({}, "outstandingUnit", "true")).toBeNull();
  });
});
