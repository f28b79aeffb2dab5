import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { currentPeriod, openNextPeriod, openPeriod } from "./periods";
import { reviewerContext } from "./reviews";
import { loadStatusInputs } from "./status";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const now = new Date("2027-04-01T02:00:00Z");
const dates = (month: string) => ({
  selfReviewDeadline: `2027-${month}-20T16:59:59.000Z`,
  reportDeadline: `2027-${month}-28T16:59:59.000Z`,
});
const VN = { at: now.toISOString(), offsetMinutes: 420 };

describe("the current period when a year and its quarters coexist (N10)", () => {
  it("yearly periods only: the newest year, as before quarters", async () => {
    const branch = await seedBranch(db, { members: [{ fullName: "An", kind: "official" }], year: 2026 });
    await openPeriod(db, { orgId: branch.orgId, year: 2025, rulebookId: "hd07-2011", ...dates("12") }, null, now);
    expect((await currentPeriod(db, branch.orgId))?.id).toBe(branch.periodId);
  });

  it("N10: the newest year, and in it the latest open quarter; the member's self-review and /status read the same one", async () => {
    const branch = await seedBranch(db, { members: [{ fullName: "An", kind: "official" }], year: 2026 });
    const year = await openPeriod(db, { orgId: branch.orgId, year: 2027, rulebookId: "qd366-2025", ...dates("12") }, null, now);
    expect((await currentPeriod(db, branch.orgId))?.id).toBe(year.id);
    const q1 = await openNextPeriod(
      db,
      { orgId: branch.orgId, year: 2027, quarter: 1, rulebookId: "qd366-2025", ...dates("03") },
      "u",
      now,
    );
    if (!q1.ok) throw new Error(q1.reason);
    const q2 = await openNextPeriod(
      db,
      { orgId: branch.orgId, year: 2027, quarter: 2, rulebookId: "qd366-2025", ...dates("06") },
      "u",
      now,
    );
    if (!q2.ok) throw new Error(q2.reason);
    expect(await currentPeriod(db, branch.orgId)).toMatchObject({ id: q2.period.id, year: 2027, quarter: 2 });
    expect((await reviewerContext(db, branch.memberIds.An))?.period?.id).toBe(q2.period.id);
    expect((await loadStatusInputs(db, branch.orgId, VN))?.period.id).toBe(q2.period.id);

    await db.reviewPeriod.update({ where: { id: q2.period.id }, data: { closedAt: now } });
    expect((await currentPeriod(db, branch.orgId))?.id).toBe(q1.period.id);
  });

  it("a period that exists is not opened again (nor re-dated)", async () => {
    const branch = await seedBranch(db, { members: [{ fullName: "An", kind: "official" }], year: 2027 });
    const again = await openNextPeriod(
      db,
      { orgId: branch.orgId, year: 2027, quarter: 0, rulebookId: "qd366-2025", ...dates("05") },
      "u",
      now,
    );
    expect(again).toEqual({ ok: false, reason: "exists" });
    expect((await currentPeriod(db, branch.orgId))?.rulebookId).toBe("hd07-2011");
  });
});
