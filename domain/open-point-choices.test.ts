import { describe, expect, it } from "vitest";
import { openPointsSchema } from "./open-points";
import { isOpenPointValue, openPointDefaults, openPointsInForce } from "./open-point-choices";
import { hd07_2011, qd366_2025 } from "./rulebooks";

describe("RULES-2025 open points", () => {
  it("N6: the 366 rulebook's defaults; the 2011 one has none", () => {
    expect(openPointDefaults(qd366_2025)).toEqual({ capBaseIncludesExcellent: true, capRounding: "floor", outstandingUnit: false });
    expect(openPointDefaults(hd07_2011)).toBeNull();
  });

  it("N6: a period's value wins over the default; an unset one keeps it", () => {
    const defaults = openPointDefaults(qd366_2025)!;
    expect(openPointsInForce(defaults, { capRounding: "nearest" })).toEqual({ ...defaults, capRounding: "nearest" });
    expect(openPointsInForce(defaults, {})).toEqual(defaults);
  });

  it("only the points' own values are accepted, and the stored shape is strict", () => {
    expect(isOpenPointValue("capRounding", "nearest")).toBe(true);
    expect(isOpenPointValue("capRounding", true)).toBe(false);
    expect(openPointsSchema.safeParse({ capRounding: "up" }).success).toBe(false);
    expect(openPointsSchema.safeParse({ other: 1 }).success).toBe(false);
    expect(openPointsSchema.safeParse({ outstandingUnit: true }).success).toBe(true);
  });
});
