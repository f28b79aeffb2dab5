import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { openOlderPeriod, seedAppraisal, seedBranch } from "../test/support/seed";
import { createOrganization } from "./orgs";
import { periodInfo, periodProgress } from "./period-progress";
import { evaluateBranch } from "./results";
import { loadStatusInputs } from "./status";
import { recordHcmPresented, recordTally, setHcmAcknowledged, setMeetingAbsence } from "./tallies";
import { REVIEW_OFFSET } from "../test/support/time-zone";

const NOW = new Date("2026-12-25T02:00:00Z");
let database: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => (database = await freshDb()));
afterEach(async () => database.cleanup());

describe("loadStatusInputs", () => {
  it("reads each member's review row, absence, counts, current result, group and reachability for one branch", async () => {
    const db = database.db;
    const b = await seedBranch(db, {
      members: [
        { fullName: "Nộp", kind: "official", group: "1", telegramId: 11 },
        { fullName: "Nháp", kind: "official", group: "2" },
        { fullName: "Vắng", kind: "official", group: "1", telegramId: 13 },
      ],
    });
    const [submitted, draft, absent] = ["Nộp", "Nháp", "Vắng"].map((n) => b.memberIds[n]!);
    await db.selfReview.create({
      data: { periodId: b.periodId, memberId: submitted!, contentA: "x", submittedAt: new Date("2026-12-10T00:00:00Z") },
    });
    await db.selfReview.create({ data: { periodId: b.periodId, memberId: draft!, contentA: "x" } });
    await setMeetingAbsence(db, b.periodId, absent!, true, "u", NOW);
    await recordHcmPresented(db, b.periodId, submitted!, "u", NOW); // updates the submitted member's row
    await setHcmAcknowledged(db, { periodId: b.periodId, memberIds: [submitted!], acknowledged: true }, "u", NOW);
    await recordTally(
      db,
      {
        periodId: b.periodId,
        memberId: submitted!,
        slot: 1,
        tally: { method: "secret", official: 3, present: 3, valid: 3, votes: { L1: 0, L2: 3, L3: 0, L4: 0 } },
        enteredById: "u",
      },
      NOW,
    );
    await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);

    const branch = await loadStatusInputs(db, b.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(branch!.period).toEqual({ id: b.periodId, year: 2026, selfReviewDeadline: "2026-12-20T16:59:59.000Z" });
    const byName = Object.fromEntries(branch!.members.map((m) => [m.name, m]));
    expect(branch!.members.map((m) => m.name)).toEqual(["Nộp", "Nháp", "Vắng"]);
    expect(byName.Nộp).toMatchObject({
      group: "1",
      review: { submittedAt: "2026-12-10T00:00:00.000Z" },
      hasTally: true,
      unreachable: false,
      resultState: "proposed",
      outcome: { kind: "level", level: "L2" },
    });
    expect(byName.Nháp).toMatchObject({ group: "2", review: { submittedAt: null }, hasTally: false, unreachable: true });
    expect(byName.Vắng).toMatchObject({ absent: true, review: undefined, outcome: { kind: "deferred" } });
  });

  it("reads nothing for a branch without an open period", async () => {
    const db = database.db;
    const org = await createOrganization(db, { name: "Chi bộ chưa mở", kind: "branch" }, null, NOW);
    expect(await loadStatusInputs(db, org.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET })).toBeNull();
  });

  it("reads only the newest open period when an older one was left open", async () => {
    const db = database.db;
    const b = await seedBranch(db, { members: [{ fullName: "An", kind: "official" }] });
    const an = b.memberIds.An!;
    const old = await openOlderPeriod(db, b.orgId, NOW);
    await db.selfReview.create({ data: { periodId: old.id, memberId: an, contentA: "x", submittedAt: new Date("2025-12-10T00:00:00Z") } });
    await setMeetingAbsence(db, old.id, an, true, "u", NOW);
    const branch = await loadStatusInputs(db, b.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(branch!.period.year).toBe(2026);
    expect(branch!.members[0]).toMatchObject({ review: undefined, absent: false });
  });

  it("N1, N7: under 366 the suspended and the recently admitted are not evaluated, and an appraisal is what is counted", async () => {
    const db = database.db;
    const names = ["Đình chỉ", "Mới kết nạp", "Đủ sáu tháng", "Đã thẩm định"];
    const b = await seedBranch(db, {
      members: names.map((fullName) => ({ fullName, kind: "official" as const })),
      rulebookId: "qd366-2025",
    });
    const [suspended, recent, sixMonths, appraised] = names.map((n) => b.memberIds[n]!);
    await db.member.update({ where: { id: suspended! }, data: { suspended: true } });
    // Six months before 25/12/2026 is 25/06/2026: a day later is still too recent, that day is enough.
    await db.member.update({ where: { id: recent! }, data: { admittedOn: new Date("2026-06-26T00:00:00Z") } });
    await db.member.update({ where: { id: sixMonths! }, data: { admittedOn: new Date("2026-06-25T00:00:00Z") } });
    await seedAppraisal(db, { periodId: b.periodId, memberId: appraised!, at: NOW });

    const inputs = await loadStatusInputs(db, b.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    const byName = new Map(inputs!.members.map((m) => [m.name, m]));
    expect(inputs!.procedure).toBe("appraisal");
    expect(names.map((n) => byName.get(n)!.status.exempt)).toEqual([true, true, false, false]);
    expect(names.map((n) => byName.get(n)!.hasTally)).toEqual([false, false, false, true]);
  });

  it("under 2011 the roster's 2025 facts change nothing: only the exempt are left out", async () => {
    const db = database.db;
    const b = await seedBranch(db, { members: [{ fullName: "Đình chỉ", kind: "official" }] });
    await db.member.update({
      where: { id: b.memberIds["Đình chỉ"]! },
      data: { suspended: true, admittedOn: new Date("2026-12-01T00:00:00Z") },
    });
    const inputs = await loadStatusInputs(db, b.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(inputs!.procedure).toBe("ballot");
    expect(inputs!.members[0]!.status.exempt).toBe(false);
  });

  it("N1: the reminders' reading agrees: a suspended member under 366 is not evaluated, so never reminded or missing", async () => {
    const db = database.db;
    const b = await seedBranch(db, {
      members: [
        { fullName: "Đình chỉ", kind: "official" },
        { fullName: "Chưa viết", kind: "official" },
      ],
      rulebookId: "qd366-2025",
    });
    await db.member.update({ where: { id: b.memberIds["Đình chỉ"]! }, data: { suspended: true } });
    const progress = await periodProgress(db, (await periodInfo(db, b.periodId))!, NOW);
    expect(progress.map((m) => [m.fullName, m.state])).toEqual([
      ["Đình chỉ", "not-evaluated"],
      ["Chưa viết", "missing"],
    ]);
  });
});
