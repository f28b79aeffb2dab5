import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { planAll } from "./reminder-planning";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

// In daytime, a week before the deadline: a branch with anyone to remind gets its digest and alerts planned.
const NOW = new Date("2026-12-10T02:00:00Z");
const SECRETARY = { telegramId: 900, roles: ["secretary" as const] };

describe("the scheduler never sweeps an empty branch", () => {
  it("a branch with no members plans nothing, not even its secretary's digest and alerts", async () => {
    await seedBranch(db, { members: [], outsiders: [SECRETARY] });
    expect(await planAll(db, NOW, REVIEW_OFFSET)).toBe(0);
    expect(await db.reminder.count()).toBe(0);
  });

  it("a branch where nobody has joined (a pasted roster, no link opened) plans nothing", async () => {
    const members = Array.from({ length: 50 }, (_, i) => ({ fullName: `Đảng viên ${i}`, kind: "official" as const }));
    await seedBranch(db, { members, outsiders: [SECRETARY] });
    expect(await planAll(db, NOW, REVIEW_OFFSET)).toBe(0);
  });

  it("once one member has joined, the branch is planned again", async () => {
    await seedBranch(db, { members: [{ fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 }], outsiders: [SECRETARY] });
    expect(await planAll(db, NOW, REVIEW_OFFSET)).toBeGreaterThan(0);
  });
});
