// Planning for a branch of 1,200 late submissions: the ids go to the database in slices (Prisma's 999 limit).
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { afterEach, beforeEach, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { planAll } from "./reminder-planning";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

it("T2: 1,200 late submissions each get their late alert once, however often planning runs", async () => {
  const LATE = 1_200;
  const members = Array.from({ length: LATE }, (_, i) => ({ fullName: `Đảng viên ${i}`, kind: "official" as const }));
  const branch = await seedBranch(db, {
    selfReviewDeadline: "2026-12-20T16:59:59.000Z",
    members: [{ fullName: "Bí thư Lan", kind: "official", telegramId: 9001, roles: ["secretary"] }, ...members],
  });
  const submittedAt = new Date("2026-12-21T03:00:00Z");
  await db.selfReview.createMany({
    data: members.map((m) => ({ periodId: branch.periodId, memberId: branch.memberIds[m.fullName], submittedAt, late: true })),
  });
  await planAll(db, new Date("2026-12-21T04:00:00Z"), REVIEW_OFFSET);
  await planAll(db, new Date("2026-12-21T05:00:00Z"), REVIEW_OFFSET);
  expect(await db.reminder.count({ where: { kind: "late-alert" } })).toBe(LATE);
});
