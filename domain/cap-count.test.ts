import { describe, expect, it } from "vitest";
import { capCount, l1CapCount } from "./cap-count";
import { floorShare, percent } from "./fraction";
import { hd07_2011, qd366_2025 } from "./rulebooks/index";

describe("capCount", () => {
  it("M8: floor is floorShare for every base (the 2011 cap is unchanged)", () => {
    for (let base = 0; base <= 300; base++) {
      expect(capCount(base, percent(15), "floor")).toBe(floorShare(base, percent(15)));
      expect(l1CapCount(base, hd07_2011)).toBe(floorShare(base, percent(15)));
    }
  });

  it.each([
    [0, 0, 0],
    [2, 0, 0], // 0.4
    [3, 0, 1], // 0.6
    [7, 1, 1], // 1.4
    [12, 2, 2], // 2.4
    [13, 2, 3], // 2.6
    [15, 3, 3], // exactly 3
  ])("N6: 20%% of %i is %i by floor, %i to the nearest", (base, floor, nearest) => {
    expect(capCount(base, percent(20), "floor")).toBe(floor);
    expect(capCount(base, percent(20), "nearest")).toBe(nearest);
  });

  it("N6: a half rounds up to the nearest (25% of 2, 6, 10 and 14), never by floating point", () => {
    expect([2, 6, 10, 14].map((b) => capCount(b, percent(25), "nearest"))).toEqual([1, 2, 3, 4]);
    expect([2, 6, 10, 14].map((b) => capCount(b, percent(25), "floor"))).toEqual([0, 1, 2, 3]);
    // 1/3 of 1_000_000_001 members: exact in integers.
    expect(capCount(1_000_000_001, { num: 1, den: 3, strict: false }, "nearest")).toBe(333_333_334);
  });

  it("N6: the 366 rulebook's cap is floor(20% × base) unless a period says otherwise", () => {
    expect([4, 5, 9, 10, 14, 15].map((b) => l1CapCount(b, qd366_2025))).toEqual([0, 1, 1, 2, 2, 3]);
  });
});
