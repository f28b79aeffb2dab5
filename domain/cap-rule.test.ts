// N6 (RULES-2025) and M8: the cap's rule from the rulebook and the period's open points; 20%, 25%, the base, the
// rounding. The 2011 rule stays 15% of everyone at L2 or better, rounded down.
import { describe, expect, it } from "vitest";
import { applyCommitteeDecisions, beforeCommitteeCut, committeeCap, type CommitteeBranch } from "./committee-cap";
import { capReasonParams, capRuleOf, capSeats } from "./cap-rule";
import type { MemberLevel } from "./levels";
import { getRulebook, hd07_2011, qd366_2025 } from "./rulebooks";

describe("N6: the cap's rule with the period's open points", () => {
  it("M8: the 2011 rule is 15% of everyone at L2 or better, rounded down, and names no open point", () => {
    const rule = capRuleOf(hd07_2011, { outstandingUnit: true, capRounding: "nearest" });
    expect(rule).toMatchObject({ share: { num: 15, den: 100 }, base: "reached-l2-or-better", rounding: "floor", openPoints: null });
    expect(capSeats(19, rule)).toBe(2);
    expect(capReasonParams(rule)).toEqual({ percent: 15 });
  });

  it("N6: 366 caps at 20% of everyone at «tốt» or better, rounded down, unless the period says otherwise", () => {
    const rule = capRuleOf(qd366_2025);
    expect(rule).toMatchObject({ share: { num: 20, den: 100 }, base: "reached-l2-or-better", rounding: "floor" });
    expect([capSeats(9, rule), capSeats(10, rule), capSeats(14, rule)]).toEqual([1, 2, 2]);
    expect(capReasonParams(rule)).toEqual({ percent: 20, by: "score", baseRule: "with-excellent", rounding: "floor" });
  });

  it("N6: an outstanding unit caps at 25%", () => {
    const rule = capRuleOf(qd366_2025, { outstandingUnit: true });
    expect(rule.share).toMatchObject({ num: 25, den: 100 });
    expect([capSeats(7, rule), capSeats(8, rule)]).toEqual([1, 2]);
  });

  it("N6 open point: rounding to the nearest whole takes a half up, exactly", () => {
    const rule = capRuleOf(qd366_2025, { capRounding: "nearest" });
    // 20% of 7 = 1.4 → 1; of 8 = 1.6 → 2; of 12.5 cannot be; 25% of 10 = 2.5 → 3.
    expect([capSeats(7, rule), capSeats(8, rule), capSeats(2, rule)]).toEqual([1, 2, 0]);
    expect(capSeats(10, capRuleOf(qd366_2025, { capRounding: "nearest", outstandingUnit: true }))).toBe(3);
    expect(capSeats(10, capRuleOf(qd366_2025, { outstandingUnit: true }))).toBe(2);
  });

  it("N6 open point: the base counts only those at «tốt» when the excellent are left out", () => {
    expect(capRuleOf(qd366_2025, { capBaseIncludesExcellent: false }).base).toBe("l2-only");
  });
});

const at = (level: MemberLevel) => ({ kind: "level" as const, level, reasons: [] });
/** A 366 branch: L1 proposals with these scores, then `l2` members at L2. */
function branch(id: string, scores: number[], l2: number, openPoints = {}): CommitteeBranch {
  return {
    branchId: id,
    rulebookId: qd366_2025.id,
    openPoints,
    members: [
      ...scores.map((score, i) => ({ memberId: `${id}-a${i}`, outcome: at("L1"), recognized: false, share: { votes: score, of: 100 } })),
      ...Array.from({ length: l2 }, (_, i) => ({ memberId: `${id}-b${i}`, outcome: at("L2"), recognized: false, share: null })),
    ],
  };
}

describe("N6 across a base committee: ranked by score, the period's open points", () => {
  it("N6: 20% of the base across two branches; higher scores keep, the rest move to «tốt»", () => {
    // Base 10 (3 + 7 with the excellent): cap 2 of the 3 proposals; 95 and 93 keep, 91 moves.
    const cap = committeeCap([branch("A", [95, 91], 3), branch("B", [93], 4)], [], getRulebook);
    expect([cap.base, cap.cap, cap.state]).toEqual([10, 2, "to-apply"]);
    expect(cap.keep).toEqual(["A-a0", "B-a0"]);
    expect(cap.demote).toEqual(["A-a1"]);
  });

  it("N6 open point: without the excellent in the base, the same proposals give a smaller cap", () => {
    const cap = committeeCap(
      [branch("A", [95, 91], 3, { capBaseIncludesExcellent: false }), branch("B", [93], 4, { capBaseIncludesExcellent: false })],
      [],
      getRulebook,
    );
    expect([cap.base, cap.cap]).toEqual([7, 1]);
    expect(cap.keep).toEqual(["A-a0"]);
  });

  it("N6 open point: rounding to the nearest, and 25% for an outstanding unit", () => {
    const nearest = { capRounding: "nearest" as const };
    expect(committeeCap([branch("A", [95, 91], 3, nearest), branch("B", [93], 4, nearest)], [], getRulebook).cap).toBe(2);
    const outstanding = { outstandingUnit: true, capRounding: "nearest" as const };
    // Base 10 at 25%, nearest: 2.5 → 3: all three keep.
    const cap = committeeCap([branch("A", [95, 91], 3, outstanding), branch("B", [93], 4, outstanding)], [], getRulebook);
    expect([cap.cap, cap.state]).toEqual([3, "within"]);
  });

  it("N6 Decision: equal scores at the boundary are a tie for the committee", () => {
    const cap = committeeCap([branch("A", [95, 92], 3), branch("B", [92], 4)], [], getRulebook);
    expect(cap.state).toBe("tie");
    expect(cap.tie).toMatchObject({ candidates: ["A-a1", "B-a0"], seatsLeft: 1, share: { votes: 92, of: 100 } });
  });

  it("N6: periods that set the open points differently have no common figure", () => {
    const cap = committeeCap([branch("A", [95], 3), branch("B", [93], 4, { outstandingUnit: true })], [], getRulebook);
    expect(cap.state).toBe("mixed-open-points");
    expect(cap.l1Held).toBe(true);
  });

  it("N6: the cut's reasons carry the share and the open points; the branch's proposal is read back before the cut", () => {
    const rule = capRuleOf(qd366_2025, { capRounding: "nearest" });
    const proposal = {
      kind: "level" as const,
      level: "L1" as const,
      reasons: [{ code: "score.reached" as const, params: { level: "L1" as const, score: 91 } }],
    };
    const decision = { memberId: "m", level: "L2" as const, chosen: true, share: { votes: 91, of: 100 }, cap: 2, base: 10 };
    const cut = applyCommitteeDecisions([{ memberId: "m", outcome: proposal, share: { votes: 91, of: 100 } }], [decision], rule).m!;
    expect(cut).toMatchObject({ level: "L2" });
    expect(cut.reasons.slice(1)).toEqual([
      { code: "cap.committee-chose", params: { level: "L2", percent: 20, by: "score" } },
      {
        code: "cap.committee-demoted",
        params: { cap: 2, base: 10, votes: 91, of: 100, percent: 20, by: "score", baseRule: "with-excellent", rounding: "nearest" },
      },
    ]);
    expect(beforeCommitteeCut(cut)).toEqual(proposal);
    expect(beforeCommitteeCut(proposal)).toBe(proposal);
  });
});
