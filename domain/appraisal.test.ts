import { describe, expect, it } from "vitest";
import { branchProposal, canPropose } from "./appraisal";
import type { MemberOutcome } from "./member-rating";
import { reason } from "./reasons";

const l2: MemberOutcome = { kind: "level", level: "L2", reasons: [reason("score.reached", { level: "L2", score: 80 })] };

describe("the branch's proposal (N7 step 2)", () => {
  it("N7: the computed level is proposed as it is, by default or chosen again", () => {
    expect(branchProposal(l2, null, null)).toEqual({ ok: true, outcome: l2 });
    expect(branchProposal(l2, "L2", null)).toEqual({ ok: true, outcome: l2 });
  });

  it("N7: another level needs a reason, which comes first among the reasons", () => {
    expect(branchProposal(l2, "L1", " ")).toEqual({ ok: false, error: "proposal.reason-required" });
    expect(branchProposal(l2, "L3", " Chậm nộp hồ sơ ")).toEqual({
      ok: true,
      outcome: {
        kind: "level",
        level: "L3",
        reasons: [reason("proposal.differs", { computed: "L2", note: "Chậm nộp hồ sơ" }), ...l2.reasons],
      },
    });
  });

  it("N1, N8: not evaluated is proposed as such; a member waiting for a comment cannot be proposed", () => {
    const exempt: MemberOutcome = { kind: "not-evaluated", reasons: [reason("member.suspended")] };
    expect(branchProposal(exempt, "L1", "x")).toEqual({ ok: true, outcome: exempt });
    const blocked: MemberOutcome = { kind: "blocked", reasons: [reason("appraisal.awaiting-comment")] };
    expect(canPropose(blocked)).toBe(false);
    expect(branchProposal(blocked, null, null)).toEqual({ ok: false, error: "proposal.not-ready" });
  });
});
