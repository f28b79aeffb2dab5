import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BRANCHES_PER_DAY } from "../../domain/branch-setup";
import { setupBranch } from "../../store/branches";
import { loadIdentity } from "../../store/users";
import { startHarness, type Harness } from "../support/bot-harness";

let h: Harness;
beforeEach(async () => (h = await startHarness({ now: "2026-12-01T02:00:00.000Z" })));
afterEach(() => h.stop());

const SOMEONE = 555;

/** Branches this person created through /setup, `count` of them at the test clock's time. */
async function branchesCreated(count: number) {
  const { userId } = await loadIdentity(h.db, { id: SOMEONE, displayName: "Ai đó" });
  for (let i = 0; i < count; i++) {
    await setupBranch(
      h.db,
      {
        name: `Chi bộ ${i + 1}`,
        doubleEntry: false,
        year: 2026,
        rulebookId: "hd07-2011",
        selfReviewDeadline: "2026-12-20T16:59:59.000Z",
        reportDeadline: "2026-12-30T16:59:59.000Z",
      },
      userId,
      h.clock.now(),
    );
  }
}

describe("/setup is open to anyone, within a daily limit per person", () => {
  it("over the limit, /setup is refused with a clear message and creates nothing", async () => {
    await branchesCreated(MAX_BRANCHES_PER_DAY);
    const someone = h.user(SOMEONE);
    await someone.send("/setup");
    expect((await someone.waitForMessage()).text).toBe(
      "Mỗi người chỉ lập được tối đa 3 tổ chức trong 24 giờ. Đồng chí vui lòng thử lại sau.",
    );
    expect(await h.db.organization.count()).toBe(MAX_BRANCHES_PER_DAY);
  });

  it("below the limit, and again a day later, /setup starts", async () => {
    await branchesCreated(MAX_BRANCHES_PER_DAY - 1);
    const someone = h.user(SOMEONE);
    await someone.send("/setup");
    await someone.waitForMessage(/Đồng chí đã là bí thư/);
    await branchesCreated(1);
    h.clock.advance(24 * 3_600_000 + 1000);
    await someone.send("/setup");
    await someone.waitForMessage(/Đồng chí đã là bí thư/);
  });
});
