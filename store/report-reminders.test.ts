import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBlocTree } from "../test/support/seed-committee";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import type { Db } from "./client";
import { recordReport } from "./org-reports";
import { claimDue } from "./reminders";
import { planReportReminders } from "./report-reminders";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(async () => cleanup());

const rows = () =>
  db.reminder.findMany({ select: { kind: true, dueAt: true, subjectOrgId: true }, orderBy: [{ dueAt: "asc" }, { subjectOrgId: "asc" }] });

describe("report reminders (T1)", () => {
  it("T1: plans, once, the morning of each level's deadline and the morning after it, for every organization that has not reported", async () => {
    const tree = await seedBlocTree(db);
    await recordReport(db, { orgId: tree.office.orgId, year: 2026, actorId: "u" }, new Date("2026-12-28T03:00:00Z"));
    const now = new Date("2026-12-29T03:00:00Z");
    expect(await planReportReminders(db, now, REVIEW_OFFSET)).toBe(6);
    expect(await planReportReminders(db, now, REVIEW_OFFSET)).toBe(0);
    const planned = (await rows()).map((r) => [r.kind, r.dueAt.toISOString(), r.subjectOrgId]);
    const branches = [tree.accounts.orgId, tree.school.orgId].sort();
    expect(planned).toEqual([
      // 08:00 in Vietnam on 30/12 (the branches' report deadline) and on 31/12; the base committee's on 14/01 and 15/01.
      ...branches.map((id) => ["report-due", "2026-12-30T01:00:00.000Z", id]),
      ...branches.map((id) => ["report-late", "2026-12-31T01:00:00.000Z", id]),
      ["report-due", "2027-01-14T01:00:00.000Z", tree.base.orgId],
      ["report-late", "2027-01-15T01:00:00.000Z", tree.base.orgId],
    ]);
  });

  it("T1: sends nothing to an organization that reported meanwhile, or whose deadline was moved later, nor the reminder ahead once the deadline passed", async () => {
    const tree = await seedBlocTree(db);
    await planReportReminders(db, new Date("2026-12-29T03:00:00Z"), REVIEW_OFFSET);
    await recordReport(db, { orgId: tree.school.orgId, year: 2026, actorId: "u" }, new Date("2026-12-30T05:00:00Z"));
    await db.reviewPeriod.update({ where: { id: tree.accounts.periodId }, data: { reportDeadline: new Date("2027-01-05T16:59:59Z") } });
    const jobs = await claimDue(db, new Date("2026-12-31T03:00:00Z"), 50, REVIEW_OFFSET);
    expect(jobs.map((j) => [j.kind, j.orgName])).toEqual([["report-late", "Chi bộ Văn phòng"]]);
    const skipped = await db.reminder.findMany({
      where: { failedAt: { not: null } },
      select: { error: true, subjectOrgId: true, kind: true },
    });
    expect(skipped.map((r) => [r.kind, r.subjectOrgId, r.error]).sort()).toEqual(
      [
        ["report-due", tree.accounts.orgId, "skipped:deadline-moved"],
        ["report-due", tree.office.orgId, "skipped:past-deadline"],
        ["report-due", tree.school.orgId, "skipped:reported"],
        ["report-late", tree.accounts.orgId, "skipped:deadline-moved"],
        ["report-late", tree.school.orgId, "skipped:reported"],
      ].sort(),
    );
  });
});
