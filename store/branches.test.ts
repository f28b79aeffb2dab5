import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedCommittee } from "../test/support/seed";
import { setupBranch, setupCommittee } from "./branches";
import type { Db } from "./client";
import { issueOrgInvite } from "./org-invites";
import { loadIdentity } from "./users";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const setup = {
  name: "Chi bộ Kế toán",
  doubleEntry: false,
  year: 2026,
  rulebookId: "hd07-2011",
  selfReviewDeadline: "2026-12-20T16:59:59.000Z",
  reportDeadline: "2026-12-30T16:59:59.000Z",
};

describe("branch setup", () => {
  it("creates the branch, the secretary's role and the open period together, under no committee (no name typed creates one)", async () => {
    const { userId } = await loadIdentity(db, { id: 10 });
    const branch = await setupBranch(db, setup, userId, new Date("2026-12-01T02:00:00Z"));
    if (!branch.ok) throw new Error(branch.reason);
    expect(await db.organization.findMany({ select: { id: true, kind: true, parentId: true } })).toEqual([
      { id: branch.orgId, kind: "branch", parentId: null },
    ]);
    expect(await db.roleGrant.findMany({ where: { userId }, select: { role: true, orgId: true } })).toEqual([
      { role: "secretary", orgId: branch.orgId },
    ]);
    expect(await db.reviewPeriod.findUnique({ where: { id: branch.periodId } })).toMatchObject({ orgId: branch.orgId, year: 2026 });
  });

  it("a branch set up from a committee's link goes under it in the same transaction; a link gone by then creates nothing", async () => {
    const now = new Date("2026-12-01T02:00:00Z");
    const committee = await seedCommittee(db, { secretary: 1 });
    const invite = await issueOrgInvite(db, { orgId: committee.orgId, kind: "subordinate" }, committee.userIds[1], now);
    const { userId } = await loadIdentity(db, { id: 12 });
    const branch = await setupBranch(db, { ...setup, inviteId: invite!.id }, userId, now);
    expect(branch).toMatchObject({ ok: true, claim: { orgId: committee.orgId, attached: { orgName: "Chi bộ Kế toán" } } });
    if (!branch.ok) return;
    expect(await db.organization.findUnique({ where: { id: branch.orgId } })).toMatchObject({ parentId: committee.orgId });

    const before = await db.organization.count();
    const again = await setupBranch(db, { ...setup, name: "Chi bộ Khác", inviteId: invite!.id }, userId, now);
    expect(again).toEqual({ ok: false, reason: "used" });
    expect(await db.organization.count()).toBe(before);
  });

  it("a base committee and the bloc: their creator is the first secretary, a base committee goes under the bloc by its link", async () => {
    const now = new Date("2026-12-01T02:00:00Z");
    const { userId } = await loadIdentity(db, { id: 13 });
    const bloc = await setupCommittee(db, { name: "Đảng ủy Khối các cơ quan tỉnh", kind: "bloc" }, userId, now);
    if (!bloc.ok) throw new Error(bloc.reason);
    const invite = await issueOrgInvite(db, { orgId: bloc.orgId, kind: "subordinate" }, userId, now);
    const other = (await loadIdentity(db, { id: 14 })).userId;
    const base = await setupCommittee(db, { name: "Đảng ủy Sở Tài chính", kind: "base-committee", inviteId: invite!.id }, other, now);
    if (!base.ok) throw new Error(base.reason);
    const orgs = await db.organization.findMany({
      include: { roles: { select: { userId: true, role: true } } },
      orderBy: { createdAt: "asc" },
    });
    expect(orgs.map((o) => ({ kind: o.kind, parentId: o.parentId, roles: o.roles }))).toEqual([
      { kind: "bloc", parentId: null, roles: [{ userId, role: "secretary" }] },
      { kind: "base-committee", parentId: bloc.orgId, roles: [{ userId: other, role: "secretary" }] },
    ]);
  });

  it("leaves nothing behind when a step fails (one transaction)", async () => {
    const { userId } = await loadIdentity(db, { id: 11 });
    await expect(setupBranch(db, { ...setup, selfReviewDeadline: "not a date" }, userId, new Date())).rejects.toThrow();
    expect(await db.organization.count()).toBe(0);
    expect(await db.roleGrant.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
