import { describe, expect, it } from "vitest";
import { applyL1Cap, type CapEntry } from "./branch-cap";
import type { MemberLevel } from "./levels";
import type { MemberOutcome } from "./member-rating";
import type { Rulebook } from "./rulebook";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

const at = (level: MemberLevel): MemberOutcome => ({ kind: "level", level, reasons: [] });
/** `l1` candidates with the given L1 votes, then `l2` members at L2 and `l3` at L3. */
function branch(l1Votes: number[], l2: number, l3 = 0): CapEntry[] {
  return [
    ...l1Votes.map((votes, i) => ({ memberId: `a${i}`, outcome: at("L1"), l1Votes: votes })),
    ...Array.from({ length: l2 }, (_, i) => ({ memberId: `b${i}`, outcome: at("L2"), l1Votes: 0 })),
    ...Array.from({ length: l3 }, (_, i) => ({ memberId: `c${i}`, outcome: at("L3"), l1Votes: 0 })),
  ];
}
const levels = (outcomes: Record<string, MemberOutcome>, ids: string[]) =>
  ids.map((id) => {
    const o = outcomes[id]!;
    return o.kind === "level" ? o.level : o.kind;
  });

describe("M8: at most 15% L1 of the members at L2 or better", () => {
  it.each([
    // base = L1 candidates + L2 members; cap = floor(15 * base / 100)
    [6, 0, 0],
    [7, 1, 1],
    [13, 1, 1],
    [14, 2, 2],
    [20, 3, 3],
    [100, 15, 15],
  ])("M8: a base of %i allows a cap of %i", (base, cap) => {
    const result = applyL1Cap(branch([9], base - 1, 5), rb);
    expect(result.base).toBe(base);
    expect(result.cap).toBe(cap);
  });

  it("M8: the cap waits until every member's vote is counted (its base is unknown before)", () => {
    const waiting = { memberId: "w", outcome: { kind: "awaiting-tally", reasons: [] } as MemberOutcome, l1Votes: 0 };
    const early = applyL1Cap([...branch([9, 8], 1), waiting], rb); // two L1 over a cap of 0 so far
    expect(early.final).toBe(false);
    expect(early.waitingForTally).toEqual(["w"]);
    expect(levels(early.outcomes, ["a0", "a1"])).toEqual(["L1", "L1"]);
    const counted = applyL1Cap([...branch([9, 8], 1), { ...waiting, outcome: at("L2") }], rb);
    expect(counted.final).toBe(true);
    expect(levels(counted.outcomes, ["a0", "a1"])).toEqual(["L2", "L2"]);
  });

  it.each(["blocked", "undecided"] as const)("M8: a %s member makes the cap provisional: nobody is demoted, final, yet", (kind) => {
    const pending = { memberId: "p", outcome: { kind, reasons: [] } as MemberOutcome, l1Votes: 0 };
    const result = applyL1Cap([...branch([9, 8], 1), pending], rb); // two L1 over a cap of 0 so far
    expect(result.final).toBe(false);
    expect(result.baseCanChange).toEqual(["p"]);
    expect(levels(result.outcomes, ["a0", "a1"])).toEqual(["L1", "L1"]);
    expect(Object.values(result.outcomes).flatMap((o) => o.reasons.map((r) => r.code))).not.toContain("cap.demoted");
  });

  it("M8: L3 members and blocked outcomes are outside the base", () => {
    const entries = [...branch([9], 6, 4), { memberId: "x", outcome: { kind: "blocked", reasons: [] } as MemberOutcome, l1Votes: 9 }];
    expect(applyL1Cap(entries, rb).base).toBe(7);
  });

  it("M8: within the cap nothing changes and the result is final", () => {
    const entries = branch([9, 8], 12); // base 14, cap 2
    const result = applyL1Cap(entries, rb);
    expect(result.final).toBe(true);
    expect(levels(result.outcomes, ["a0", "a1"])).toEqual(["L1", "L1"]);
    expect(result.tie).toBeUndefined();
  });

  it("M8: above the cap the candidates with fewest L1 votes become L2 with cap.demoted", () => {
    const result = applyL1Cap(branch([7, 9, 8], 11), rb); // base 14, cap 2
    expect(result.final).toBe(true);
    expect(levels(result.outcomes, ["a0", "a1", "a2"])).toEqual(["L2", "L1", "L1"]);
    expect(result.outcomes.a0!.reasons).toEqual([{ code: "cap.demoted", params: { cap: 2, base: 14, votes: 7, percent: 15 } }]);
  });

  it("M8: a cap of 0 turns every candidate into L2", () => {
    const result = applyL1Cap(branch([9, 9], 4), rb); // base 6, cap 0
    expect(result.final).toBe(true);
    expect(levels(result.outcomes, ["a0", "a1"])).toEqual(["L2", "L2"]);
  });

  it("M8: a tie below the boundary is no tie at the boundary", () => {
    const result = applyL1Cap(branch([9, 8, 7, 7], 10), rb); // base 14, cap 2
    expect(result.final).toBe(true);
    expect(levels(result.outcomes, ["a0", "a1", "a2", "a3"])).toEqual(["L1", "L1", "L2", "L2"]);
  });

  describe("M8: a tie at the boundary is reported to the secretary", () => {
    const entries = branch([9, 8, 8, 8, 7], 9); // base 14, cap 2: a0 keeps a seat, one seat for three tied at 8
    const tied = ["a1", "a2", "a3"];

    it("M8: the tie is not broken and nothing is final", () => {
      const result = applyL1Cap(entries, rb);
      expect(result.final).toBe(false);
      expect(result.tie).toEqual({ candidates: tied, seatsLeft: 1, votes: 8 });
      expect(levels(result.outcomes, ["a0", ...tied, "a4"])).toEqual(["L1", "undecided", "undecided", "undecided", "L2"]);
      expect(result.outcomes.a1!.reasons).toEqual([
        { code: "cap.tie", params: { cap: 2, base: 14, votes: 8, seatsLeft: 1, tied: 3, percent: 15 } },
      ]);
    });

    it("M8: the secretary's choice of exactly the seats left makes it final", () => {
      const result = applyL1Cap(entries, rb, { a1: "L2", a2: "L1", a3: "L2" });
      expect(result.final).toBe(true);
      expect(levels(result.outcomes, ["a0", ...tied, "a4"])).toEqual(["L1", "L2", "L1", "L2", "L2"]);
      expect(result.outcomes.a2!.reasons).toEqual([{ code: "cap.secretary-chose", params: { level: "L1", percent: 15 } }]);
      expect(result.outcomes.a1!.reasons.map((r) => r.code)).toEqual(["cap.secretary-chose", "cap.demoted"]);
    });

    it.each([
      ["two L1 for one seat", { a1: "L1", a2: "L1", a3: "L2" }, ["cap.resolution-wrong-count"]],
      ["no L1 for one seat", { a1: "L2", a2: "L2", a3: "L2" }, ["cap.resolution-wrong-count"]],
      ["a tied member left out", { a1: "L1", a2: "L2" }, ["cap.resolution-incomplete"]],
      ["a member who is not tied", { a1: "L1", a2: "L2", a3: "L2", a4: "L1" }, ["cap.resolution-not-tied"]],
    ] as const)("M8: a resolution with %s is refused and the tie stays open", (_name, resolutions, errors) => {
      const result = applyL1Cap(entries, rb, { ...resolutions });
      expect(result.final).toBe(false);
      expect(result.resolutionErrors).toEqual(errors);
      expect(result.outcomes.a1!.kind).toBe("undecided");
    });

    it("M8 Decision: with tieBreak demote-all-tied, every tied member becomes L2 at once", () => {
      const strict: Rulebook = { ...rb, member: { ...rb.member, l1Cap: { ...rb.member.l1Cap, tieBreak: "demote-all-tied" } } };
      const result = applyL1Cap(entries, strict);
      expect(result.final).toBe(true);
      expect(levels(result.outcomes, ["a0", ...tied])).toEqual(["L1", "L2", "L2", "L2"]);
    });
  });

  it("M8 Decision: with base l2-only the L1 candidates are not in the base", () => {
    const l2Only: Rulebook = { ...rb, member: { ...rb.member, l1Cap: { ...rb.member.l1Cap, base: "l2-only" } } };
    const result = applyL1Cap(branch([9, 8], 13), l2Only); // base 13 → cap 1 (15 of L1+L2 would be cap 2)
    expect([result.base, result.cap]).toEqual([13, 1]);
    expect(levels(result.outcomes, ["a0", "a1"])).toEqual(["L1", "L2"]);
  });
});
