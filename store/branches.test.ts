import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { setupBranch } from "./branches";
import type { Db } from "./client";
import { loadIdentity } from "./users";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const setup = {
  name: "Chi bộ Kế toán",
  upperName: "Đảng ủy Sở Tài chính",
  doubleEntry: false,
  year: 2026,
  rulebookId: "hd07-2011",
  selfReviewDeadline: "2026-12-20T16:59:59.000Z",
  reportDeadline: "2026-12-30T16:59:59.000Z",
};

describe("branch setup", () => {
  it("creates the branch under its base committee, the secretary's role (none on the committee) and the open period together", async () => {
    const { userId } = await loadIdentity(db, { id: 10 });
    const branch = await setupBranch(db, setup, userId, new Date("2026-12-01T02:00:00Z"));
    expect(await db.organization.count()).toBe(2);
    expect(await db.roleGrant.findMany({ where: { userId }, select: { role: true, orgId: true } })).toEqual([
      { role: "secretary", orgId: branch.orgId },
    ]);
    expect(await db.reviewPeriod.findUnique({ where: { id: branch.periodId } })).toMatchObject({ orgId: branch.orgId, year: 2026 });
  });

  it("leaves nothing behind when a step fails (one transaction)", async () => {
    const { userId } = await loadIdentity(db, { id: 11 });
    await expect(setupBranch(db, { ...setup, selfReviewDeadline: "not a date" }, userId, new Date())).rejects.toThrow();
    expect(await db.organization.count()).toBe(0);
    expect(await db.roleGrant.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
