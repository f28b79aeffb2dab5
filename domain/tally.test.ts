import { describe, expect, it } from "vitest";
import { validateTally, type TallyInput } from "./tally";
import { tally } from "./test-helpers";

const codesOf = (t: TallyInput) => validateTally(t).map((e) => e.code);

describe("M13: tally validation", () => {
  it("M13: a consistent tally has no errors, including fewer present than official", () => {
    expect(validateTally(tally(9, { L1: 3, L2: 2, L3: 1, L4: 1 }, 7))).toEqual([]);
    expect(validateTally({ ...tally(9, { L1: 3 }, 7), valid: 3 })).toEqual([]);
  });

  it.each([
    ["members present never exceed the eligible voters", { ...tally(9, {}), present: 10, valid: 9 }, ["tally.present-exceeds-official"]],
    ["valid ballots never exceed members present", { ...tally(9, {}, 7), valid: 8 }, ["tally.valid-exceeds-present"]],
    ["ballots for all levels never exceed valid ballots", { ...tally(9, { L1: 4, L4: 4 }), valid: 7 }, ["tally.votes-exceed-valid"]],
    ["a branch needs at least one official member", { ...tally(0, {}) }, ["tally.no-official-members"]],
    ["counts are whole numbers", { ...tally(9, { L2: 2.5 }) }, ["tally.not-integer"]],
    ["counts are not negative", { ...tally(9, { L3: -1 }) }, ["tally.negative"]],
  ] as const)("M13: %s", (_name, t, expected) => {
    expect(codesOf(t as TallyInput)).toEqual(expected);
  });

  it("M13: each violated bound is reported with its field and numbers", () => {
    const errors = validateTally({ method: "hands", official: 5, present: 6, valid: 7, votes: { L1: 8, L2: 0, L3: 0, L4: 0 } });
    expect(errors).toEqual([
      { code: "tally.present-exceeds-official", field: "present", params: { present: 6, official: 5 } },
      { code: "tally.valid-exceeds-present", field: "valid", params: { valid: 7, present: 6 } },
      { code: "tally.votes-exceed-valid", params: { votes: 8, valid: 7 } },
    ]);
  });

  it("M13: a NaN count is not an integer", () => {
    expect(validateTally({ ...tally(9, {}), present: Number.NaN })).toContainEqual({ code: "tally.not-integer", field: "present" });
  });

  it("M13: the counts are bounded by the roster: official members above its voters are refused, the exact edge kept", () => {
    const ofBranchOf3 = (t: TallyInput) => validateTally(t, { voters: 3 });
    expect(ofBranchOf3(tally(3, { L1: 3 }, 3))).toEqual([]);
    expect(ofBranchOf3(tally(4, { L1: 3 }, 3))).toEqual([
      { code: "tally.official-exceeds-roster", field: "official", params: { official: 4, roster: 3 } },
    ]);
    const huge = {
      method: "secret" as const,
      official: 999_999,
      present: 999_999,
      valid: 999_999,
      votes: { L1: 999_999, L2: 0, L3: 0, L4: 0 },
    };
    expect(ofBranchOf3(huge).map((e) => e.code)).toEqual(["tally.official-exceeds-roster"]);
  });
});
