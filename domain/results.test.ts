import { describe, expect, it } from "vitest";
import type { MemberOutcome } from "./member-rating";
import {
  currentResult,
  holdsBackSending,
  proposeResult,
  recognizeResult,
  revokeResult,
  type ResultChange,
  type ResultVersion,
} from "./results";

const l2: MemberOutcome = { kind: "level", level: "L2", reasons: [] };
const blocked: MemberOutcome = { kind: "blocked", reasons: [{ code: "hcm.missing", params: { wouldBe: "L2" } }] };
const ok = (change: ResultChange): ResultVersion[] => {
  if (!change.ok) throw new Error(change.error);
  return change.history;
};

describe("M14, M15: results are versioned and move proposed → recognized | revoked", () => {
  const proposed = ok(proposeResult([], { outcome: l2, by: "chi-uy", at: "2011-12-25T09:00:00+07:00" }));
  const recognized = ok(recognizeResult(proposed, { by: "dang-uy", at: "2012-01-05T09:00:00+07:00" }));

  it("M15: the branch committee proposes and the committee above recognizes", () => {
    expect(recognized.map((v) => [v.version, v.state, v.by])).toEqual([
      [1, "proposed", "chi-uy"],
      [2, "recognized", "dang-uy"],
    ]);
    expect(currentResult(recognized)?.outcome).toEqual(l2);
  });

  it("M15: only a proposed level can be recognized", () => {
    expect(recognizeResult([], { by: "x", at: "2012-01-05T09:00:00Z" })).toEqual({ ok: false, error: "result.none" });
    expect(recognizeResult(recognized, { by: "x", at: "2012-01-05T09:00:00Z" })).toEqual({ ok: false, error: "result.not-proposed" });
    const waiting = ok(proposeResult([], { outcome: blocked, by: "chi-uy", at: "2011-12-25T09:00:00Z" }));
    expect(recognizeResult(waiting, { by: "x", at: "2012-01-05T09:00:00Z" })).toEqual({ ok: false, error: "result.not-a-level" });
  });

  it("M14: a recognized result is revoked, never overwritten, keeping who, when and why", () => {
    const revoked = ok(revokeResult(recognized, { by: "dang-uy", at: "2012-03-01T09:00:00+07:00", why: " sai sót hồ sơ " }));
    expect(revoked.slice(0, 2)).toEqual(recognized);
    expect(revoked[2]).toEqual({
      version: 3,
      state: "revoked",
      outcome: l2,
      by: "dang-uy",
      at: "2012-03-01T09:00:00+07:00",
      why: "sai sót hồ sơ",
    });
    expect(proposeResult(recognized, { outcome: l2, by: "chi-uy", at: "2012-03-01T09:00:00Z" })).toEqual({
      ok: false,
      error: "result.revoke-first",
    });
    const again = ok(
      proposeResult(revoked, { outcome: { kind: "level", level: "L3", reasons: [] }, by: "chi-uy", at: "2012-03-02T09:00:00Z" }),
    );
    expect(again.map((v) => v.state)).toEqual(["proposed", "recognized", "revoked", "proposed"]);
  });

  it("M14: revoking needs a reason, a valid instant, and something not yet revoked", () => {
    expect(revokeResult(recognized, { by: "x", at: "2012-03-01T09:00:00Z", why: "  " })).toEqual({
      ok: false,
      error: "result.why-required",
    });
    expect(revokeResult(recognized, { by: "x", at: "01/03/2012", why: "y" })).toEqual({ ok: false, error: "result.invalid-instant" });
    const revoked = ok(revokeResult(proposed, { by: "x", at: "2012-03-01T09:00:00Z", why: "y" }));
    expect(revokeResult(revoked, { by: "x", at: "2012-03-01T09:00:00Z", why: "y" })).toEqual({
      ok: false,
      error: "result.already-revoked",
    });
  });
});

describe("M15: what holds back sending the branch's results up", () => {
  it.each([
    ["level", false],
    ["not-evaluated", false],
    ["deferred", false],
    ["undecided", true],
    ["blocked", true],
    ["awaiting-tally", true],
  ] as const)("M15: a %s outcome holds back sending: %s", (kind, held) => {
    const outcome = (kind === "level" ? { kind, level: "L2", reasons: [] } : { kind, reasons: [] }) as MemberOutcome;
    expect(holdsBackSending(outcome)).toBe(held);
  });
});
