// N1 and N6 (RULES-2025) where the base committee decides: a member N1 leaves out (admitted less than six months
// before, suspended) and without a result counts nowhere in the committee's figure: not in its base, not among the
// proposed «xuất sắc», and does not keep the branch pending. One to be evaluated without a result still does.
import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seed2025Committee } from "../test/support/seed-decision-2025";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import type { Db } from "./client";
import { loadCommitteeCap } from "./committee-cap";
import { addMembers } from "./orgs";

const NOW = new Date("2026-12-25T10:00:00Z");
const AS_OF = { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET };
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const at = (level: "L1" | "L2", score: number) => ({ level, score });

async function committeeWith(extra: Parameters<typeof addMembers>[2]) {
  const { committeeId, branches } = await seed2025Committee(db, {
    name: "Đảng ủy Sở",
    branches: [
      { name: "Chi bộ A", proposals: [at("L1", 95), at("L1", 91), at("L2", 80), at("L2", 78), at("L2", 75)] },
      { name: "Chi bộ B", proposals: [at("L1", 93), at("L2", 85), at("L2", 80), at("L2", 72), at("L2", 70)] },
    ],
    committee: [],
  });
  const b = branches[1]!;
  const period = await db.reviewPeriod.findUniqueOrThrow({ where: { id: b.periodId }, select: { reportDeadline: true } });
  const extraIds = await addMembers(db, b.orgId, extra, null, NOW);
  const view = (await loadCommitteeCap(db, committeeId, 2026, AS_OF))!;
  return { view, extraIds, deadline: period.reportDeadline.toISOString().slice(0, 10) };
}

const figure = (v: NonNullable<Awaited<ReturnType<typeof loadCommitteeCap>>>) => ({
  state: v.state,
  base: v.base,
  cap: v.cap,
  candidates: v.candidates.length,
  pending: v.pendingBranches.length,
});

describe("N1 in the N6 cap figure (366)", () => {
  it("N1, N6: a member admitted 3 months before the period's deadline and a suspended one, both without a result, count nowhere", async () => {
    const { view, extraIds, deadline } = await committeeWith([
      { fullName: "Mới kết nạp", kind: "probationary", admittedOn: "2026-09-30" },
      { fullName: "Đình chỉ sinh hoạt", kind: "official", suspended: true },
    ]);
    expect(deadline).toBe("2026-12-30");
    expect(figure(view)).toEqual({ state: "to-apply", base: 10, cap: 2, candidates: 3, pending: 0 });
    expect(view.candidates.map((c) => c.memberId)).not.toContain(extraIds[0]);
    expect([...view.people.keys()]).not.toContain(extraIds[1]);
  });

  it("N1: a member admitted more than 6 months before, without a result, still keeps the committee waiting", async () => {
    const { view } = await committeeWith([{ fullName: "Kết nạp lâu rồi", kind: "official", admittedOn: "2026-03-01" }]);
    expect(figure(view)).toEqual({ state: "waiting-branches", base: 10, cap: 2, candidates: 3, pending: 1 });
  });
});
