import { describe, expect, it } from "vitest";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";
import { branchCounts, branchStatus, reviewsInGroups, sumCounts, type BranchTallies, type StatusMember } from "./status";
import { official } from "./test-helpers";

const deadline = "2011-12-20T23:59:59+07:00";
const now = "2011-12-22T09:00:00+07:00";
function member(id: string, over: Partial<StatusMember> = {}): StatusMember {
  return { id, name: id, status: official(), absent: false, unreachable: false, hasTally: false, ...over };
}
const onTime = { submittedAt: "2011-12-19T10:00:00+07:00" };
const late = { submittedAt: "2011-12-21T10:00:00+07:00" };

describe("branch status", () => {
  const members = [
    member("s1", {
      group: "1",
      review: onTime,
      hasTally: true,
      outcome: { kind: "level", level: "L2", reasons: [] },
      resultState: "recognized",
    }),
    member("s2", {
      group: "1",
      review: late,
      hasTally: true,
      outcome: { kind: "level", level: "L1", reasons: [] },
      resultState: "revoked",
    }),
    member("m1", { group: "2", unreachable: true }),
    member("d1", { group: "2", review: { submittedAt: null } }),
    member("x1", { group: "2", status: official({ exempt: true }) }),
    member("a1", { absent: true, outcome: { kind: "deferred", reasons: [] } }),
    member("b1", { review: onTime, hasTally: true, outcome: { kind: "blocked", reasons: [] }, resultState: "proposed" }),
  ];
  const status = branchStatus({ members, deadline, now });

  it("T2: counts submitted, late and missing after the deadline (drafts count as missing)", () => {
    expect(status.counts).toMatchObject({ total: 7, submitted: 2, late: 1, missing: 2, draft: 0, pending: 0 });
    expect(status.members.missing).toEqual(["m1", "d1"]);
    expect(status.members.late).toEqual(["s2"]);
  });

  it("M2, M3: exempt members are not evaluated and absent ones deferred, neither missing", () => {
    expect(status.counts).toMatchObject({ notEvaluated: 1, deferred: 1 });
    expect(status.members["not-evaluated"]).toEqual(["x1"]);
    expect(status.members.deferred).toEqual(["a1"]);
  });

  it("M14: a revoked result is not counted among the rated levels", () => {
    expect(status.counts.rated).toEqual({ L1: 0, L2: 1, L3: 0, L4: 0 });
    expect(status.counts).toMatchObject({ counted: 3, blocked: 1, recognized: 1, unreachable: 1 });
  });

  it("M6: the same status per party group, members without a group together", () => {
    expect(status.groups.map((g) => [g.group, g.counts.total])).toEqual([
      ["1", 2],
      ["2", 3],
      [null, 2],
    ]);
    const g2 = status.groups.find((g) => g.group === "2")!;
    expect(g2.counts).toMatchObject({ missing: 2, notEvaluated: 1, unreachable: 1 });
    expect(g2.members.unreachable).toEqual(["m1"]);
  });

  it("M6: branches of more than 15 members that have set up party groups review in them", () => {
    const grouped = (n: number) => Array.from({ length: n }, (_, i) => ({ group: i % 2 ? "1" : "2" }));
    expect(reviewsInGroups(grouped(15), rb)).toBe(false);
    expect(reviewsInGroups(grouped(16), rb)).toBe(true);
  });

  it("M6: a branch of more than 15 members without party groups reviews as a whole branch", () => {
    expect(
      reviewsInGroups(
        Array.from({ length: 30 }, () => ({ group: null })),
        rb,
      ),
    ).toBe(false);
    expect(
      reviewsInGroups(
        Array.from({ length: 30 }, () => ({ group: " " })),
        rb,
      ),
    ).toBe(false);
  });

  it("T2: before the deadline members without a submission are pending or draft", () => {
    const early = branchStatus({ members, deadline, now: "2011-12-18T09:00:00+07:00" });
    expect(early.counts).toMatchObject({ pending: 1, draft: 1, missing: 0 });
  });

  // Speed is measured by bench/status.bench.ts, never here; this checks the counts at scale.
  it("status is JSON-safe and counts 50,000 members in 40 groups exactly", () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      member(`m${i}`, { group: `g${i % 40}`, review: i % 3 === 0 ? onTime : i % 3 === 1 ? late : undefined }),
    );
    const big = branchStatus({ members: many, deadline, now });
    expect(big.counts).toMatchObject({ total: 50_000, submitted: 16_667, late: 16_667, missing: 16_666 });
    expect(big.groups).toHaveLength(40);
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  // The upper committee's lines count kinds of members; they must agree with counting the members one by one.
  function talliesOf(list: StatusMember[], times: number): BranchTallies {
    return {
      submissions: list.map((m) => ({
        status: m.status,
        absent: m.absent,
        members: times,
        review: m.review && {
          submitted: m.review.submittedAt !== null,
          late: m.review.submittedAt !== null && m.review.submittedAt > "2011-12-20T23:59:59+07:00",
        },
      })),
      unreachable: times * list.filter((m) => m.unreachable).length,
      counted: times * list.filter((m) => m.hasTally).length,
      results: list.flatMap((m) => (m.outcome && m.resultState ? [{ outcome: m.outcome, state: m.resultState, members: times }] : [])),
    };
  }

  it("T2, M2, M3, M14: counting kinds of members gives the counts of counting members one by one", () => {
    expect(branchCounts({ ...talliesOf(members, 1), deadline, now })).toEqual(status.counts);
    const early = "2011-12-18T09:00:00+07:00";
    expect(branchCounts({ ...talliesOf(members, 1), deadline, now: early })).toEqual(
      branchStatus({ members, deadline, now: early }).counts,
    );
  });

  it("T2: each kind of member counts as many times as members share it", () => {
    const thrice = branchCounts({ ...talliesOf(members, 3), deadline, now });
    expect(thrice).toMatchObject({
      total: 21,
      submitted: 6,
      late: 3,
      missing: 6,
      notEvaluated: 3,
      deferred: 3,
      counted: 9,
      unreachable: 3,
      blocked: 3,
      recognized: 3,
    });
    expect(thrice.rated).toEqual({ L1: 0, L2: 3, L3: 0, L4: 0 });
  });

  it("T2: a review marked late counts as late even before the deadline has passed for the others", () => {
    const counts = branchCounts({
      submissions: [
        { status: official(), review: { submitted: true, late: true }, absent: false, members: 2 },
        { status: official(), absent: false, members: 1 },
      ],
      unreachable: 0,
      counted: 0,
      results: [],
      deadline,
      now: "2011-12-18T09:00:00+07:00",
    });
    expect(counts).toMatchObject({ total: 3, late: 2, pending: 1, missing: 0 });
  });

  it("an upper committee's totals add every count of its branches, levels included", () => {
    const early = branchStatus({ members, deadline, now: "2011-12-18T09:00:00+07:00" }).counts;
    const total = sumCounts([status.counts, early]);
    for (const key of [
      "total",
      "submitted",
      "late",
      "missing",
      "pending",
      "draft",
      "counted",
      "recognized",
      "unreachable",
      "blocked",
    ] as const)
      expect(total[key]).toBe(status.counts[key] + early[key]);
    expect(total.rated).toEqual({ L1: 0, L2: 2, L3: 0, L4: 0 });
    expect(sumCounts([])).toMatchObject({ total: 0, rated: { L1: 0, L2: 0, L3: 0, L4: 0 } });
  });
});
