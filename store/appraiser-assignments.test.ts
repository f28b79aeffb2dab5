// N7 step 2 (RULES-2025), "or an assigned person": the secretary's assignment of an appraiser in one period, its
// withdrawal, and the one answer to "may this user appraise here" (the committee, a person assigned, never on their
// own entry, never in another branch or period). The audit names ids only.
import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { openOlderPeriod, seedBranch } from "../test/support/seed";
import { assignableEntries, assignAppraiser, assignedAppraisers, withdrawAppraiser } from "./appraiser-assignments";
import { listAudit } from "./audit";
import { appraiseRight } from "./authority";
import type { Db } from "./client";

const NOW = new Date("2026-12-10T03:00:00Z");
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const NAMES = ["Bí Thư", "Chi Ủy", "Được Giao", "Đảng Viên"];

async function world() {
  const branch = await seedBranch(db, {
    rulebookId: "qd366-2025",
    members: NAMES.map((fullName, i) => ({
      fullName,
      kind: "official" as const,
      telegramId: 2001 + i,
      roles: i === 0 ? ["secretary" as const] : i === 1 ? ["committee" as const] : [],
    })),
  });
  const other = await seedBranch(db, {
    name: "Chi bộ Khác",
    rulebookId: "qd366-2025",
    members: [{ fullName: "Người Ngoài", kind: "official", telegramId: 2101 }],
  });
  const member = (i: number) => branch.memberIds[NAMES[i]!]!;
  const user = (i: number) => branch.userIds[NAMES[i]!]!;
  return { branch, other, member, user };
}

describe("appraiser assignments (N7 step 2)", () => {
  it("N7: an assigned member may appraise others in that period, not their own entry; withdrawn, they may not", async () => {
    const { branch, member, user } = await world();
    const target = { periodId: branch.periodId, memberId: member(3) };
    expect(await appraiseRight(db, user(2), target)).toBe("none");
    expect((await assignableEntries(db, branch.periodId)).map((e) => e.fullName)).toEqual(["Được Giao", "Đảng Viên"]);

    const assigned = await assignAppraiser(db, { periodId: branch.periodId, memberId: member(2), actorId: user(0) }, NOW);
    expect(assigned).toMatchObject({ ok: true, appraiser: { fullName: "Được Giao", userId: user(2) } });
    expect(await assignAppraiser(db, { periodId: branch.periodId, memberId: member(2), actorId: user(0) }, NOW)).toEqual({
      ok: false,
      error: "unchanged",
    });
    expect((await assignedAppraisers(db, branch.periodId)).map((a) => a.fullName)).toEqual(["Được Giao"]);
    expect((await assignableEntries(db, branch.periodId)).map((e) => e.fullName)).toEqual(["Đảng Viên"]);
    expect(await appraiseRight(db, user(2), target)).toBe("assigned");
    expect(await appraiseRight(db, user(2), { periodId: branch.periodId })).toBe("assigned");
    expect(await appraiseRight(db, user(2), { periodId: branch.periodId, memberId: member(2) })).toBe("own-entry");
    // The committee as before, its own entry included.
    expect(await appraiseRight(db, user(1), { periodId: branch.periodId, memberId: member(1) })).toBe("committee");

    await withdrawAppraiser(db, { periodId: branch.periodId, memberId: member(2), actorId: user(0) }, NOW);
    expect(await appraiseRight(db, user(2), target)).toBe("none");
    expect(await assignedAppraisers(db, branch.periodId)).toEqual([]);
    expect((await withdrawAppraiser(db, { periodId: branch.periodId, memberId: member(2), actorId: user(0) }, NOW)).ok).toBe(false);
    const row = await db.appraiserAssignment.findFirstOrThrow({ where: { memberId: member(2) } });
    expect([row.revokedById, row.revokedAt?.toISOString()]).toEqual([user(0), NOW.toISOString()]);
    const audit = await listAudit(db, "AppraiserAssignment", row.id);
    expect(audit.map((e) => [e.action, e.data])).toEqual([
      ["appraiser.assigned", { periodId: branch.periodId, memberId: member(2) }],
      ["appraiser.withdrawn", { periodId: branch.periodId, memberId: member(2) }],
    ]);
  });

  it("N7: an assignment holds only in its period and branch; another branch's entry is neither assigned nor appraised", async () => {
    const { branch, other, member, user } = await world();
    await assignAppraiser(db, { periodId: branch.periodId, memberId: member(2), actorId: user(0) }, NOW);
    const stranger = other.memberIds["Người Ngoài"]!;
    expect(await appraiseRight(db, user(2), { periodId: branch.periodId, memberId: stranger })).toBe("none");
    expect(await appraiseRight(db, user(2), { periodId: other.periodId, memberId: stranger })).toBe("none");
    expect(await appraiseRight(db, user(0), { periodId: other.periodId, memberId: stranger })).toBe("none");
    expect(await assignAppraiser(db, { periodId: branch.periodId, memberId: stranger, actorId: user(0) }, NOW)).toEqual({
      ok: false,
      error: "not-in-branch",
    });
    const older = await openOlderPeriod(db, branch.orgId, NOW);
    expect(await appraiseRight(db, user(2), { periodId: older.id, memberId: member(3) })).toBe("none");
  });
});
