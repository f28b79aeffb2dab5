import { describe, expect, it } from "vitest";
import { official, tally } from "./test-helpers";
import type { Rulebook } from "./rulebook";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";
import { exemptOfficialsLeftOut, officialVoterCeiling, officialVoterCount, tallyEntriesAgree } from "./voters";

describe("officialVoterCount (M7)", () => {
  it("M7 counts official members only, not probationary, temporary or exempt ones", () => {
    const members = [
      official(),
      official(),
      official({ kind: "probationary" }),
      official({ kind: "temporary" }),
      official({ exempt: true }),
    ];
    expect(officialVoterCount(members, rb)).toBe(2);
  });

  it("M7 Decision: the exempt are left out by the rulebook's value, and how many is known for the secretary", () => {
    const members = [official(), official({ exempt: true }), official({ exempt: true }), official({ kind: "probationary", exempt: true })];
    expect(rb.member.exemptOfficialsPrefilled).toBe(false);
    expect(exemptOfficialsLeftOut(members, rb)).toBe(2);
    const counting: Rulebook = { ...rb, member: { ...rb.member, exemptOfficialsPrefilled: true } };
    expect(officialVoterCount(members, counting)).toBe(3);
    expect(exemptOfficialsLeftOut(members, counting)).toBe(0);
  });

  it("M13: the ceiling of eligible voters counts the exempt official members too, never probationary or temporary", () => {
    expect(
      officialVoterCeiling([official(), official({ exempt: true }), official({ kind: "probationary" }), official({ kind: "temporary" })]),
    ).toBe(2);
  });
});

describe("tallyEntriesAgree (double entry)", () => {
  it("agrees on identical counts and disagrees on any single different count", () => {
    const first = tally(9, { L1: 6, L2: 2 });
    expect(tallyEntriesAgree(first, tally(9, { L1: 6, L2: 2 }))).toBe(true);
    expect(tallyEntriesAgree(first, tally(9, { L1: 5, L2: 3 }))).toBe(false);
    expect(tallyEntriesAgree(first, { ...first, method: "hands" })).toBe(false);
    expect(tallyEntriesAgree(first, { ...first, valid: 8 })).toBe(false);
  });
});
