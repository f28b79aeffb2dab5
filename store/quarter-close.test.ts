// N10: closing a quarter. Closed, it is nobody's current period (the member's /review, /status, /appraise read the
// year again), reminders and late alerts stop for it, and what the confirmation warns about is counted.
import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedBranch, seedSubmission } from "../test/support/seed";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { issueInvites } from "./invites";
import { currentPeriod, openNextPeriod } from "./periods";
import { closeQuarter, openQuarters, quarterCloseFacts } from "./quarter-close";
import { planAll } from "./reminder-planning";
import { claimDue, listReminders } from "./reminders";
import { getReviewForViewer, reviewerContext, saveReviewColumn, submitWith } from "./reviews";
import { loadStatusInputs } from "./status";

const OPENED = new Date("2026-07-01T02:00:00Z");
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

/** A 366 branch with its year 2026 and its third quarter (deadline 30/09), five members (one exempt, one not joined). */
async function withQ3() {
  const branch = await seedBranch(db, {
    rulebookId: "qd366-2025",
    now: OPENED,
    members: [
      { fullName: "Bí thư Lan", kind: "official", telegramId: 100, roles: ["secretary"] },
      { fullName: "Nguyễn An", kind: "official", telegramId: 201 },
      { fullName: "Trần Bình", kind: "official", telegramId: 202 },
      { fullName: "Lê Miễn", kind: "official", exempt: true, telegramId: 203 },
      { fullName: "Hồ Chưa Vào", kind: "official" },
    ],
  });
  const q3 = await openNextPeriod(
    db,
    {
      orgId: branch.orgId,
      year: 2026,
      quarter: 3,
      rulebookId: "qd366-2025",
      selfReviewDeadline: "2026-09-30T16:59:59.000Z",
      reportDeadline: "2026-10-10T16:59:59.000Z",
    },
    "sec",
    OPENED,
  );
  if (!q3.ok) throw new Error(q3.reason);
  return { ...branch, q3: q3.period.id, year: branch.periodId };
}

describe("closing a quarter (N10)", () => {
  it("N10: closed, the year is the branch's current period again for /review, /myreview, /status and /appraise", async () => {
    const b = await withQ3();
    const an = b.memberIds["Nguyễn An"]!;
    expect((await currentPeriod(db, b.orgId))?.id).toBe(b.q3);
    expect((await reviewerContext(db, an))?.period?.id).toBe(b.q3);
    expect((await openQuarters(db, b.orgId)).map((p) => p.id)).toEqual([b.q3]);

    const closedAt = new Date("2026-10-02T03:00:00Z");
    const closed = await closeQuarter(db, b.q3, "sec", closedAt);
    expect(closed).toMatchObject({ ok: true, period: { id: b.q3, quarter: 3, closedAt: closedAt.toISOString() } });
    expect((await currentPeriod(db, b.orgId))?.id).toBe(b.year);
    expect((await reviewerContext(db, an))?.period?.id).toBe(b.year);
    expect((await loadStatusInputs(db, b.orgId, { at: closedAt.toISOString(), offsetMinutes: REVIEW_OFFSET }))?.period.id).toBe(b.year);
    const viewer = await getReviewForViewer(db, b.userIds["Nguyễn An"]!, an);
    expect(viewer).toEqual({ status: "ok", review: null });
    expect(await openQuarters(db, b.orgId)).toEqual([]);
    // Invite links last by the current period again: a week past the year's deadline (20/12), not the quarter's.
    const [invite] = await issueInvites(db, { orgId: b.orgId }, null, closedAt);
    expect(invite?.expiresAt).toBe("2026-12-27T16:59:59.000Z");

    // Audited with ids and the quarter only; a second close and closing a year are refused, nothing written.
    const events = await listAudit(db, "ReviewPeriod", b.q3);
    expect(events.filter((e) => e.action === "period.closed").map((e) => [e.actorId, e.data])).toEqual([
      ["sec", { year: 2026, quarter: 3 }],
    ]);
    expect(await closeQuarter(db, b.q3, "sec", closedAt)).toEqual({ ok: false, reason: "closed" });
    expect(await closeQuarter(db, b.year, "sec", closedAt)).toEqual({ ok: false, reason: "not-quarter" });
    expect(await closeQuarter(db, "c000000000000000000000000", "sec", closedAt)).toEqual({ ok: false, reason: "not-found" });
    expect((await db.reviewPeriod.findUniqueOrThrow({ where: { id: b.year } })).closedAt).toBeNull();
  });

  it("N10, T1: a closed quarter plans no reminders, and those planned before are not sent (nor its late alerts)", async () => {
    const b = await withQ3();
    await planAll(db, new Date("2026-09-01T02:00:00Z"), REVIEW_OFFSET);
    const planned = await listReminders(db, b.q3);
    expect(planned.filter((r) => r.kind === "reminder").length).toBeGreaterThan(0);
    // An's late submission after the deadline: an alert is planned, then the quarter is closed before it goes.
    await seedSubmission(db, { periodId: b.q3, memberId: b.memberIds["Nguyễn An"]!, submittedAt: "2026-10-01T02:00:00Z", late: true });
    await planAll(db, new Date("2026-10-01T03:00:00Z"), REVIEW_OFFSET);
    expect((await listReminders(db, b.q3)).some((r) => r.kind === "late-alert")).toBe(true);
    await closeQuarter(db, b.q3, "sec", new Date("2026-10-01T03:30:00Z"));

    const before = await db.reminder.count({ where: { periodId: b.q3 } });
    await planAll(db, new Date("2026-10-02T02:00:00Z"), REVIEW_OFFSET);
    expect(await db.reminder.count({ where: { periodId: b.q3 } })).toBe(before);
    const jobs = await claimDue(db, new Date("2026-10-02T03:00:00Z"), 1000, REVIEW_OFFSET);
    expect(jobs.filter((j) => j.periodId === b.q3)).toEqual([]);
    const rows = await db.reminder.findMany({ where: { periodId: b.q3 } });
    expect(rows.filter((r) => r.sentAt !== null)).toEqual([]);
    expect(rows.filter((r) => r.kind === "late-alert").map((r) => r.error)).toEqual(["skipped:period-closed"]);
    // The older reminders of a member are superseded by the newest one due, which is skipped as closed.
    expect(new Set(rows.map((r) => r.error))).toEqual(new Set(["skipped:period-closed", "skipped:superseded"]));
  });

  it("N10: the confirmation's facts: the deadline not passed, self-reviews and appraisals unfinished (exempt members aside)", async () => {
    const b = await withQ3();
    const early = new Date("2026-09-15T02:00:00Z");
    expect(await quarterCloseFacts(db, b.q3, early)).toMatchObject({
      orgName: "Chi bộ Văn phòng",
      deadlinePassed: false,
      members: 4,
      submitted: 0,
      appraised: 0,
    });
    await seedSubmission(db, { periodId: b.q3, memberId: b.memberIds["Nguyễn An"]!, submittedAt: "2026-09-10T02:00:00Z" });
    await seedSubmission(db, { periodId: b.q3, memberId: b.memberIds["Lê Miễn"]!, submittedAt: "2026-09-10T02:00:00Z" });
    await db.memberAppraisal.create({
      data: {
        periodId: b.q3,
        memberId: b.memberIds["Nguyễn An"]!,
        step: "appraisal",
        version: 1,
        score: 80,
        level: "L2",
        createdById: "sec",
        createdAt: early,
      },
    });
    const late = await quarterCloseFacts(db, b.q3, new Date("2026-10-01T02:00:00Z"));
    expect(late).toMatchObject({ deadlinePassed: true, members: 4, submitted: 1, appraised: 1 });
    // Neither a year nor a closed quarter is offered.
    expect(await quarterCloseFacts(db, b.year, early)).toBeNull();
    await closeQuarter(db, b.q3, "sec", early);
    expect(await quarterCloseFacts(db, b.q3, early)).toBeNull();
  });

  it("N10: a dialog opened before the quarter closed saves and submits nothing into it afterwards", async () => {
    const b = await withQ3();
    const an = b.memberIds["Nguyễn An"]!;
    const before = new Date("2026-09-20T03:00:00Z");
    const key = { periodId: b.q3, memberId: an };
    expect(await saveReviewColumn(db, { ...key, part: "strengths", column: "contentA", value: "Nháp" }, before)).toEqual({
      status: "saved",
    });
    await closeQuarter(db, b.q3, "sec", new Date("2026-09-21T03:00:00Z"));
    const after = new Date("2026-09-22T03:00:00Z");
    expect(await saveReviewColumn(db, { ...key, part: "strengths", column: "contentA", value: "Sửa" }, after)).toEqual({
      status: "locked",
    });
    expect(await submitWith(db, key, after, "2026-09-30T16:59:59.000Z", () => [])).toEqual({ status: "locked" });
    expect((await db.selfReview.findFirst({ where: key }))?.contentA).toBe("Nháp");
  });
});
