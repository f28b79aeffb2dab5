import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { freshDb } from "../test/support/db";
import { seedBranch, seedSubmission } from "../test/support/seed";
import type { Db } from "./client";
import { changePeriodDate } from "./deadlines";
import { planAll } from "./reminder-planning";
import { claimDue, expireStaleClaims, listReminders, markOutcomes, MAX_ATTEMPTS, type ReminderJob } from "./reminders";

let db: Db;
let cleanup: () => Promise<void>;
let branch: Awaited<ReturnType<typeof seedBranch>>;
const at = (iso: string) => new Date(iso);
const LEASE = 10 * 60_000;

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  branch = await seedBranch(db, {
    members: [
      { fullName: "Bí thư Lan", kind: "official", telegramId: 100, roles: ["secretary"] },
      { fullName: "Chi ủy Minh", kind: "official", telegramId: 101, roles: ["committee"] },
      { fullName: "Nguyễn An", kind: "official", telegramId: 201 },
      { fullName: "Trần Bình", kind: "probationary", telegramId: 202 },
      { fullName: "Lê Miễn", kind: "official", exempt: true, telegramId: 203 },
      { fullName: "Phạm Vắng", kind: "official", telegramId: 204 },
      { fullName: "Hồ Chưa Liên Kết", kind: "official" },
    ],
  }); // deadline 20/12/2026 23:59:59 local
  await db.meetingAbsence.create({ data: { periodId: branch.periodId, memberId: branch.memberIds["Phạm Vắng"] } });
});
afterEach(async () => cleanup());

const names = (jobs: ReminderJob[], kind: string) =>
  jobs
    .filter((j) => j.kind === kind)
    .map((j) => ("memberName" in j ? j.memberName : j.recipient.telegramId))
    .sort();

/** Nguyễn An submits on 21/12, after the deadline of 20/12 (T2 marks it late). */
const anSubmitsLate = () =>
  seedSubmission(db, {
    periodId: branch.periodId,
    memberId: branch.memberIds["Nguyễn An"],
    submittedAt: "2026-12-21T02:00:00Z",
    late: true,
  });

describe("planning (idempotent)", () => {
  it("T1, M2, M3: three daytime reminders per linked member who must write, one alert per committee member", async () => {
    const created = await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET);
    const rows = await listReminders(db, branch.periodId);
    const reminders = rows.filter((r) => r.kind === "reminder");
    const remindedMembers = new Set(reminders.map((r) => r.memberId));
    // Exempt (M2), absent (M3) and unlinked members get no reminder rows; the committee members are members too.
    expect(remindedMembers).toEqual(new Set(["Bí thư Lan", "Chi ủy Minh", "Nguyễn An", "Trần Bình"].map((n) => branch.memberIds[n])));
    expect([...new Set(reminders.map((r) => r.dueAt))]).toEqual([
      "2026-12-17T01:00:00.000Z",
      "2026-12-19T01:00:00.000Z",
      "2026-12-20T01:00:00.000Z",
    ]);
    expect(rows.filter((r) => r.kind === "missing-alert").map((r) => r.dueAt)).toEqual([
      "2026-12-21T01:00:00.000Z",
      "2026-12-21T01:00:00.000Z",
    ]);
    expect(rows.filter((r) => r.kind === "digest")).toHaveLength(1);
    expect(created).toBe(rows.length);
    expect(await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET)).toBe(0);
    expect(await planAll(db, at("2026-12-01T09:00:00Z"), REVIEW_OFFSET)).toBe(0);
  });

  it("T1: a new deadline re-plans the pending reminders and the alert", async () => {
    await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET);
    const result = await changePeriodDate(
      db,
      { periodId: branch.periodId, field: "selfReviewDeadline", value: "2026-12-10T10:00:00.000Z" },
      branch.userIds["Bí thư Lan"],
      at("2026-12-02T02:00:00Z"),
      REVIEW_OFFSET,
    );
    expect(result.status).toBe("changed");
    const rows = await listReminders(db, branch.periodId);
    expect([...new Set(rows.filter((r) => r.kind === "reminder").map((r) => r.dueAt))]).toEqual([
      "2026-12-07T10:00:00.000Z",
      "2026-12-09T10:00:00.000Z",
      "2026-12-10T01:00:00.000Z", // 0 days: 08:00 that morning
    ]);
    expect(new Set(rows.filter((r) => r.kind === "missing-alert").map((r) => r.dueAt))).toEqual(new Set(["2026-12-10T10:00:01.000Z"]));
  });

  it("T1, T2: an extended deadline re-marks the late submissions against it", async () => {
    const [an, binh] = [branch.memberIds["Nguyễn An"]!, branch.memberIds["Trần Bình"]!];
    await seedSubmission(db, { periodId: branch.periodId, memberId: an, submittedAt: "2026-12-21T03:00:00Z", late: true });
    await seedSubmission(db, { periodId: branch.periodId, memberId: binh, submittedAt: "2026-12-10T03:00:00Z" });
    const lateOf = async () =>
      Object.fromEntries((await db.selfReview.findMany({ where: { periodId: branch.periodId } })).map((r) => [r.memberId, r.late]));
    const meeting = await changePeriodDate(
      db,
      { periodId: branch.periodId, field: "meetingDate", value: "2026-12-26T01:00:00.000Z" },
      branch.userIds["Bí thư Lan"],
      at("2026-12-22T02:00:00Z"),
      REVIEW_OFFSET,
    );
    expect(meeting.status).toBe("changed");
    expect(await lateOf()).toEqual({ [an]: true, [binh]: false }); // another date leaves the marks alone
    const extended = await changePeriodDate(
      db,
      { periodId: branch.periodId, field: "selfReviewDeadline", value: "2026-12-24T16:59:59.000Z" },
      branch.userIds["Bí thư Lan"],
      at("2026-12-22T02:00:00Z"),
      REVIEW_OFFSET,
    );
    expect(extended.status).toBe("changed");
    expect(await lateOf()).toEqual({ [an]: false, [binh]: false });
    const audit = await db.auditEvent.findMany({
      where: { action: "period.date-changed", entityId: branch.periodId },
      orderBy: { at: "asc" },
    });
    expect(JSON.parse(audit.at(-1)!.data)).toMatchObject({ field: "selfReviewDeadline", lateRemarked: 1 });
  });

  it("T1: an invalid date is refused and changes nothing", async () => {
    const result = await changePeriodDate(
      db,
      { periodId: branch.periodId, field: "selfReviewDeadline", value: "2026-11-30T10:00:00.000Z" },
      branch.userIds["Bí thư Lan"],
      at("2026-12-02T02:00:00Z"),
      REVIEW_OFFSET,
    );
    expect(result).toEqual({ status: "invalid", errors: ["deadline.in-past"] });
  });
});

describe("claim → send → mark", () => {
  it("T2, M2: due reminders skip members who submitted since planning, checked at claim time", async () => {
    await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET);
    await seedSubmission(db, { periodId: branch.periodId, memberId: branch.memberIds["Trần Bình"], submittedAt: "2026-12-16T03:00:00Z" });
    const jobs = await claimDue(db, at("2026-12-17T01:00:00Z"), 100, REVIEW_OFFSET);
    expect(names(jobs, "reminder")).toEqual(["Bí thư Lan", "Chi ủy Minh", "Nguyễn An"]);
    const skipped = (await listReminders(db, branch.periodId)).filter((r) => r.error === "skipped:submitted");
    expect(skipped.map((r) => r.dueAt)).toEqual(["2026-12-17T01:00:00.000Z"]);
  });

  it("never twice: a claim that was never marked (killed mid-sweep) is not claimed again, and becomes in-doubt after the lease", async () => {
    await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET);
    const now = at("2026-12-17T01:00:00Z");
    const first = await claimDue(db, now, 2, REVIEW_OFFSET); // "crash": these are never marked
    const rest = await claimDue(db, now, 100, REVIEW_OFFSET);
    expect(rest.map((j) => j.id)).not.toContain(first[0].id);
    expect(await claimDue(db, now, 100, REVIEW_OFFSET)).toEqual([]);
    expect(await expireStaleClaims(db, at("2026-12-17T01:05:00Z"), LEASE)).toBe(0); // still leased
    expect(await expireStaleClaims(db, at("2026-12-17T01:11:00Z"), LEASE)).toBe(first.length + rest.length);
    const rows = await listReminders(db, branch.periodId);
    expect(
      rows
        .filter((r) => r.error === "in-doubt")
        .map((r) => r.id)
        .sort(),
    ).toEqual([...first, ...rest].map((j) => j.id).sort());
    expect(await claimDue(db, at("2026-12-17T02:00:00Z"), 100, REVIEW_OFFSET)).toEqual([]);
  });

  it("403: the reminder fails for good and the recipient becomes unreachable, so later ones are skipped", async () => {
    await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET);
    const jobs = await claimDue(db, at("2026-12-17T01:00:00Z"), 100, REVIEW_OFFSET);
    const an = jobs.find((j) => j.kind === "reminder" && j.memberName === "Nguyễn An")!;
    await markOutcomes(
      db,
      [{ id: an.id, status: "failed", error: "403", blocked: { userId: an.recipient.userId } }],
      at("2026-12-17T01:00:01Z"),
    );
    const user = await db.user.findUniqueOrThrow({ where: { id: an.recipient.userId } });
    expect(user.unreachableAt?.toISOString()).toBe("2026-12-17T01:00:01.000Z");
    const next = await claimDue(db, at("2026-12-19T01:00:00Z"), 100, REVIEW_OFFSET);
    expect(names(next, "reminder")).not.toContain("Nguyễn An");
    expect((await listReminders(db, branch.periodId)).filter((r) => r.error === "skipped:unreachable")).toHaveLength(1);
  });

  it("a send that provably did not happen is released, then given up after the attempts", async () => {
    await planAll(db, at("2026-12-01T02:00:00Z"), REVIEW_OFFSET);
    const now = at("2026-12-17T01:00:00Z");
    const job = (await claimDue(db, now, 100, REVIEW_OFFSET)).find((j) => j.kind === "reminder")!;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await markOutcomes(db, [{ id: job.id, status: "retry", error: "429" }], now);
      expect((await claimDue(db, now, 1, REVIEW_OFFSET))[0]?.id).toBe(job.id);
    }
    await markOutcomes(db, [{ id: job.id, status: "retry", error: "429" }], now);
    const row = (await listReminders(db, branch.periodId)).find((r) => r.id === job.id)!;
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, error: "gave-up:429" });
    expect(row.failedAt).not.toBeNull();
  });

  it("T2: after the deadline the committee gets exactly the missing members; a late submission is alerted once", async () => {
    await seedSubmission(db, { periodId: branch.periodId, memberId: branch.memberIds["Bí thư Lan"], submittedAt: "2026-12-10T03:00:00Z" });
    await seedSubmission(db, { periodId: branch.periodId, memberId: branch.memberIds["Chi ủy Minh"], submittedAt: "2026-12-11T03:00:00Z" });
    await planAll(db, at("2026-12-20T12:00:00Z"), REVIEW_OFFSET);
    const alerts = (await claimDue(db, at("2026-12-21T01:00:00Z"), 100, REVIEW_OFFSET)).filter((j) => j.kind === "missing-alert");
    expect(alerts).toHaveLength(2);
    for (const alert of alerts)
      expect(alert.kind === "missing-alert" && alert.missing).toEqual(["Nguyễn An", "Trần Bình", "Hồ Chưa Liên Kết"]);

    await anSubmitsLate();
    await planAll(db, at("2026-12-21T02:01:00Z"), REVIEW_OFFSET);
    await planAll(db, at("2026-12-21T02:02:00Z"), REVIEW_OFFSET);
    const lateRows = (await listReminders(db, branch.periodId)).filter((r) => r.kind === "late-alert");
    expect(lateRows.map((r) => r.recipientId).sort()).toEqual([branch.userIds["Bí thư Lan"], branch.userIds["Chi ủy Minh"]].sort());
    const late = (await claimDue(db, at("2026-12-21T02:02:00Z"), 100, REVIEW_OFFSET)).filter((j) => j.kind === "late-alert");
    expect(late.map((j) => j.recipient.telegramId).sort()).toEqual(["100", "101"]);
    expect(late.every((j) => j.kind === "late-alert" && j.memberName === "Nguyễn An")).toBe(true);
  });

  it("T1, T2: a late alert not yet sent is dropped when the deadline is extended past the submission", async () => {
    await anSubmitsLate();
    await planAll(db, at("2026-12-21T02:01:00Z"), REVIEW_OFFSET);
    expect((await listReminders(db, branch.periodId)).filter((r) => r.kind === "late-alert")).toHaveLength(2);
    const extended = await changePeriodDate(
      db,
      { periodId: branch.periodId, field: "selfReviewDeadline", value: "2026-12-24T16:59:59.000Z" },
      branch.userIds["Bí thư Lan"],
      at("2026-12-21T02:01:30Z"),
      REVIEW_OFFSET,
    );
    expect(extended.status).toBe("changed");
    expect((await claimDue(db, at("2026-12-21T02:02:00Z"), 100, REVIEW_OFFSET)).filter((j) => j.kind === "late-alert")).toEqual([]);
    const skipped = (await listReminders(db, branch.periodId)).filter((r) => r.kind === "late-alert");
    expect(skipped.map((r) => r.error)).toEqual(["skipped:not-late", "skipped:not-late"]);
  });
});
