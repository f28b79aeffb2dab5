import { describe, expect, it } from "vitest";
import { parseScoreItemsArguments } from "./score-items";

describe("/scoreitems' arguments", () => {
  it("a year, a quarter, both or neither; anything else is refused", () => {
    expect(parseScoreItemsArguments("")).toEqual({ quarter: 0 });
    expect(parseScoreItemsArguments("2027")).toEqual({ year: 2027, quarter: 0 });
    expect(parseScoreItemsArguments("2026 quý 2")).toEqual({ year: 2026, quarter: 2 });
    expect(parseScoreItemsArguments("Q4")).toEqual({ quarter: 4 });
    for (const bad of ["quý 5", "26", "2026 2027", "năm 2026", "q0"]) expect(parseScoreItemsArguments(bad)).toBeNull();
  });
});
