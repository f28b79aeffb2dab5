import { describe, expect, it } from "vitest";
import type { MemberLevel } from "./levels";
import type { MemberOutcome } from "./member-rating";
import type { Rulebook } from "./rulebook";
import { getRulebook } from "./rulebooks";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";
import { capRuleOf } from "./cap-rule";
import {
  applyCommitteeDecisions,
  committeeCap,
  compareShares,
  l1ShareOf,
  type CommitteeBranch,
  type CommitteeCapDecision,
  type CommitteeMember,
} from "./committee-cap";

const at = (level: MemberLevel): MemberOutcome => ({ kind: "level", level, reasons: [] });
/** A branch whose L1 candidates have these L1 ballots out of `of`, then `l2` members at L2 and `l3` at L3. */
function branch(id: string, of: number, l1Votes: number[], l2: number, l3 = 0): CommitteeBranch {
  const member = (memberId: string, level: MemberLevel, votes: number): CommitteeMember => ({
    memberId,
    outcome: at(level),
    recognized: false,
    share: { votes, of },
  });
  return {
    branchId: id,
    rulebookId: rb.id,
    members: [
      ...l1Votes.map((votes, i) => member(`${id}-a${i}`, "L1", votes)),
      ...Array.from({ length: l2 }, (_, i) => member(`${id}-b${i}`, "L2", 0)),
      ...Array.from({ length: l3 }, (_, i) => member(`${id}-c${i}`, "L3", 0)),
    ],
  };
}
const cap = (branches: CommitteeBranch[], decisions: CommitteeCapDecision[] = [], rulebookOf = getRulebook) =>
  committeeCap(branches, decisions, rulebookOf);

describe("M8 (revised Decision): the L1 cap across the branches of a base committee", () => {
  it("M8: the base adds up every branch; the cap is floor(15% × base) of the whole committee", () => {
    // Alone, 6 and 7 members reaching L2 give caps of 0 and 1; together 13 give 1, and 14 give 2.
    const small = branch("A", 6, [6], 5);
    const other = branch("B", 7, [7], 6, 2);
    expect([cap([small]).base, cap([small]).cap]).toEqual([6, 0]);
    const both = cap([small, other]);
    expect([both.base, both.cap, both.candidates.length]).toEqual([13, 1, 2]);
    expect(cap([small, branch("B", 8, [8], 7)]).cap).toBe(2);
  });

  it("M8: a small branch is not barred from L1 by its own rounding: its candidate keeps L1 within the committee's cap", () => {
    const result = cap([branch("A", 5, [5], 4), branch("B", 20, [], 19)]); // base 24, cap 3: one candidate
    expect(result.state).toBe("within");
    expect(result.l1Held).toBe(false);
    expect(result.keep).toEqual(["A-a0"]);
  });

  it("M8 Decision: candidates of different branches are ranked by their share of L1 ballots, not by the count", () => {
    // 9 of 10 (90%) beats 25 of 30 (83%) although 25 > 9; 8 of 10 (80%) keeps the last seat; 20 of 30 (67%) is out.
    const big = branch("A", 30, [25, 20], 17);
    const small = branch("B", 10, [9, 8], 4);
    const result = cap([big, small]); // base 19 + 6 = 25, cap 3
    expect(result.cap).toBe(3);
    expect(result.state).toBe("to-apply");
    expect(result.keep).toEqual(["B-a0", "A-a0", "B-a1"]);
    expect(result.demote).toEqual(["A-a1"]);
    expect(result.l1Held).toBe(true);
  });

  it("M8: shares are compared exactly: 2 of 3 equals 20 of 30, and 6667 of 10000 is more", () => {
    expect(compareShares({ votes: 2, of: 3 }, { votes: 20, of: 30 })).toBe(0);
    expect(compareShares({ votes: 6667, of: 10000 }, { votes: 2, of: 3 })).toBeGreaterThan(0);
    expect(l1ShareOf({ method: "secret", official: 12, present: 10, valid: 10, votes: { L1: 9, L2: 1, L3: 0, L4: 0 } }, rb)).toEqual({
      votes: 9,
      of: 12,
    });
  });

  it("M8: while a branch has not reported, nothing is cut and L1 results wait", () => {
    const waiting: CommitteeBranch = {
      ...branch("B", 10, [], 3),
      members: [{ memberId: "w", outcome: { kind: "awaiting-tally", reasons: [] }, recognized: false, share: null }],
    };
    const noPeriod: CommitteeBranch = { branchId: "C", rulebookId: null, members: [] };
    const result = cap([branch("A", 10, [9, 8], 3), waiting, noPeriod]);
    expect(result.state).toBe("waiting-branches");
    expect(result.pendingBranches).toEqual(["B", "C"]);
    expect([result.keep, result.demote, result.l1Held]).toEqual([[], [], true]);
  });

  it("M8: branches reading the guideline with different rulebooks are not counted together", () => {
    const other: Rulebook = { ...rb, id: "other" };
    const rulebookOf = (id: string) => (id === "other" ? other : rb);
    const result = cap([branch("A", 10, [9], 9), { ...branch("B", 10, [9], 9), rulebookId: "other" }], [], rulebookOf);
    expect(result.state).toBe("mixed-rulebooks");
    expect(result.rulebookIds).toEqual([rb.id, "other"]);
    expect(result.l1Held).toBe(true);
  });

  it("M8: recognized L1 results hold their seats; only proposed candidates are cut", () => {
    const a = branch("A", 10, [7], 12);
    a.members[0] = { ...a.members[0]!, recognized: true };
    const result = cap([a, branch("B", 10, [9, 8], 0)]); // base 15, cap 2: one seat left for two proposed
    expect(result.seated).toBe(1);
    expect([result.keep, result.demote]).toEqual([["B-a0"], ["B-a1"]]);
  });

  describe("M8: a tie at the boundary is the committee's to decide", () => {
    // base 6 + 11 = 17, cap 2: A's 9/10 keeps a seat; A's 8/10 and B's 4/5 (both 80%) tie for the other one.
    const branches = () => [branch("A", 10, [9, 8], 4), branch("B", 5, [4, 2], 9)];
    const decided = (memberId: string, level: "L1" | "L2", votes: number, of: number): CommitteeCapDecision => ({
      memberId,
      level,
      chosen: true,
      share: { votes, of },
      cap: 2,
      base: 17,
    });

    it("M8: equal shares across branches at the boundary make a tie; nothing is final and L1 waits", () => {
      const result = cap(branches());
      expect(result.cap).toBe(2);
      expect(result.state).toBe("tie");
      expect(result.tie).toEqual({ candidates: ["A-a1", "B-a0"], seatsLeft: 1, share: { votes: 8, of: 10 }, chosen: [] });
      expect([result.keep, result.demote]).toEqual([["A-a0"], ["B-a1"]]);
      expect(result.l1Held).toBe(true);
    });

    it("M8: a committee member's choices of exactly the seats left end the tie; the cut is then to be recorded", () => {
      const half = cap(branches(), [decided("B-a0", "L1", 4, 5)]);
      expect([half.state, half.tie?.chosen]).toEqual(["tie", ["B-a0"]]);
      const choices = [decided("B-a0", "L1", 4, 5), decided("A-a1", "L2", 8, 10)];
      expect(cap(branches(), choices).state).toBe("to-apply"); // B-a1, below the tie, is not moved down yet
      const whole = [...choices, { ...decided("B-a1", "L2", 2, 5), chosen: false }];
      expect(cap(branches(), whole)).toMatchObject({ state: "applied", l1Held: false });
    });

    it("M8: two choices for one seat leave the tie open", () => {
      expect(cap(branches(), [decided("B-a0", "L1", 4, 5), decided("A-a1", "L1", 8, 10)]).state).toBe("tie");
    });

    it("M8: a decision made on another vote is stale: a new vote reopens the cut", () => {
      const stale = [decided("B-a0", "L1", 3, 5), decided("A-a1", "L2", 8, 10)];
      expect(cap(branches(), stale).state).toBe("tie");
    });

    it("M8 Decision: with tieBreak demote-all-tied, the tied candidates are demoted without asking", () => {
      const strict: Rulebook = { ...rb, member: { ...rb.member, l1Cap: { ...rb.member.l1Cap, tieBreak: "demote-all-tied" } } };
      const result = cap(branches(), [], () => strict);
      expect(result.tie).toBeUndefined();
      expect(result.demote).toEqual(["B-a1", "A-a1", "B-a0"]);
    });
  });

  it("M8: the recorded cut must match today's cap and base; otherwise it is to be applied again", () => {
    const branches = [branch("A", 30, [25, 20], 17), branch("B", 10, [9, 8], 4)]; // cap 3 of 25, A-a1 out
    const old: CommitteeCapDecision = { memberId: "A-a1", level: "L2", chosen: false, share: { votes: 20, of: 30 }, cap: 3, base: 25 };
    expect(cap(branches, [old]).state).toBe("applied");
    expect(cap(branches, [{ ...old, base: 24 }]).state).toBe("to-apply");
    // A member moved down earlier who now fits within the cap is to be given L1 back.
    expect(cap([branch("A", 30, [25, 20], 30)], [old]).state).toBe("to-apply");
  });

  it("M8: the branch pass follows the committee's decisions on the same vote, with the reason", () => {
    const entries = [
      { memberId: "x", outcome: at("L1"), share: { votes: 20, of: 30 } },
      { memberId: "y", outcome: at("L1"), share: { votes: 8, of: 10 } },
      { memberId: "z", outcome: at("L1"), share: { votes: 7, of: 10 } },
    ];
    const decisions: CommitteeCapDecision[] = [
      { memberId: "x", level: "L2", chosen: false, share: { votes: 20, of: 30 }, cap: 3, base: 25 },
      { memberId: "y", level: "L1", chosen: true, share: { votes: 8, of: 10 }, cap: 3, base: 25 },
      { memberId: "z", level: "L2", chosen: false, share: { votes: 6, of: 10 }, cap: 3, base: 25 }, // another vote
    ];
    const outcomes = applyCommitteeDecisions(entries, decisions, capRuleOf(rb));
    expect(outcomes.x).toEqual({
      kind: "level",
      level: "L2",
      reasons: [{ code: "cap.committee-demoted", params: { cap: 3, base: 25, votes: 20, of: 30, percent: 15 } }],
    });
    expect(outcomes.y!.reasons).toEqual([{ code: "cap.committee-chose", params: { level: "L1", percent: 15 } }]);
    expect(outcomes.z).toEqual(at("L1"));
  });
});
