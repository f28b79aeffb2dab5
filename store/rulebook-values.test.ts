// The period's rulebook, looked up by its rulebookId, drives the scheduler's plan, its daytime gate and the invite
// expiry: a second rulebook changes them with no code change.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { registerTestRulebook, TEST_RULEBOOK } from "../test/support/test-rulebook";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import type { Db } from "./client";
import { issueInvites } from "./invites";
import { planAll } from "./reminder-planning";
import { claimDue } from "./reminders";

let db: Db;
let cleanup: () => Promise<void>;
let unregister: () => void;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  unregister = registerTestRulebook();
});
afterEach(async () => {
  unregister();
  await cleanup();
});

const NOW = new Date("2026-12-01T02:00:00Z"); // 09:00 in Hanoi
const DEADLINE = "2026-12-20T16:59:59.000Z"; // 20/12 23:59:59 in Hanoi

async function branchWith(rulebookId: string | undefined, name: string, telegramId: number) {
  return seedBranch(db, {
    name,
    rulebookId,
    selfReviewDeadline: DEADLINE,
    members: [{ fullName: "Nguyễn Văn An", kind: "official", telegramId }],
  });
}

async function reminderTimes(periodId: string): Promise<string[]> {
  const rows = await db.reminder.findMany({ where: { periodId, kind: "reminder" }, orderBy: { dueAt: "asc" } });
  return rows.map((r) => r.dueAt.toISOString());
}

describe("the period's rulebook, not code, decides", () => {
  it("T1: reminder days and their daytime window come from the period's rulebook", async () => {
    const usual = await branchWith(undefined, "Chi bộ A", 101);
    const other = await branchWith(TEST_RULEBOOK.id, "Chi bộ B", 102);
    await planAll(db, NOW, REVIEW_OFFSET);
    // 2011: 3 and 1 days before at 23:59:59 are moved to that day's 08:00; the deadline's day at 08:00.
    expect(await reminderTimes(usual.periodId)).toEqual([
      "2026-12-17T01:00:00.000Z",
      "2026-12-19T01:00:00.000Z",
      "2026-12-20T01:00:00.000Z",
    ]);
    // The test rulebook: one reminder 5 days before, moved to the start of its 09:00–17:00 window on that day.
    expect(await reminderTimes(other.periodId)).toEqual(["2026-12-15T02:00:00.000Z"]);
  });

  it("T1: the scheduler claims a row only inside its own period's window (08:30: 2011's yes, the test rulebook's not yet)", async () => {
    const usual = await branchWith(undefined, "Chi bộ A", 101);
    const other = await branchWith(TEST_RULEBOOK.id, "Chi bộ B", 102);
    const due = new Date("2026-12-01T01:00:00Z");
    for (const periodId of [usual.periodId, other.periodId]) {
      const recipientId = (
        await db.user.findFirstOrThrow({ where: { members: { some: { org: { periods: { some: { id: periodId } } } } } } })
      ).id;
      const memberId = (await db.member.findFirstOrThrow({ where: { userId: recipientId } })).id;
      await db.reminder.create({ data: { periodId, kind: "reminder", memberId, recipientId, dueAt: due } });
    }
    const at0830 = new Date("2026-12-01T01:30:00Z");
    expect((await claimDue(db, at0830, 100, REVIEW_OFFSET)).map((j) => j.periodId)).toEqual([usual.periodId]);
    expect((await claimDue(db, new Date("2026-12-01T02:00:00Z"), 100, REVIEW_OFFSET)).map((j) => j.periodId)).toEqual([other.periodId]);
  });

  it("a period opened without reminder days keeps its rulebook's", async () => {
    const other = await branchWith(TEST_RULEBOOK.id, "Chi bộ B", 102);
    const period = await db.reviewPeriod.findUniqueOrThrow({ where: { id: other.periodId } });
    expect(JSON.parse(period.reminderOffsets)).toEqual([5]);
  });

  it("invite links last as long as the branch's period's rulebook says", async () => {
    const usual = await seedBranch(db, { name: "Chi bộ A", members: [{ fullName: "Nguyễn Văn An", kind: "official" }] });
    const other = await seedBranch(db, {
      name: "Chi bộ B",
      rulebookId: TEST_RULEBOOK.id,
      members: [{ fullName: "Trần Thị Bình", kind: "official" }],
    });
    const [a] = await issueInvites(db, { orgId: usual.orgId }, null, NOW);
    const [b] = await issueInvites(db, { orgId: other.orgId }, null, NOW);
    expect(a.expiresAt).toBe("2026-12-27T16:59:59.000Z"); // a week past the deadline of 20/12
    expect(b.expiresAt).toBe("2026-12-20T16:59:59.000Z"); // no margin: the deadline itself
  });
});
