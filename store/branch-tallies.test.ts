import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { branchCounts, branchStatus, sumCounts, type BranchTallies } from "../domain";
import { REVIEW_PARTS } from "../domain/self-review-parts";
import { freshDb } from "../test/support/db";
import { openOlderPeriod, seedAppraisal, seedBranch, type SeedMember } from "../test/support/seed";
import { loadBranchTallies, loadUnitTallies } from "./branch-tallies";
import type { Db } from "./client";
import { changePeriodDate } from "./deadlines";
import { createOrganization } from "./orgs";
import { recognizeResults, revokeMemberResult } from "./recognition";
import { evaluateBranch } from "./results";
import { saveDraftPart, submitReview } from "./reviews";
import { loadStatusInputs } from "./status";
import { recordTally, setHcmAcknowledged, setMeetingAbsence, supersedeTallies } from "./tallies";
import { markUnreachable } from "./users";

const DEADLINE = "2026-12-20T16:59:59.000Z";
const BEFORE = new Date("2026-12-10T03:00:00Z");
const AFTER = new Date("2026-12-21T03:00:00Z");
const NOW = new Date("2026-12-25T02:00:00Z");
const TALLY = { method: "secret" as const, official: 20, present: 20, valid: 20, votes: { L1: 1, L2: 17, L3: 2, L4: 0 } };

let database: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => (database = await freshDb()));
afterEach(async () => database.cleanup());

/** Deterministic choices, so a failure can be replayed. */
function chooser(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor(state / 65_536) % n; // the low bits of this generator repeat too soon
  };
}

async function writeReview(db: Db, periodId: string, memberId: string, submitAt: Date | null) {
  for (const part of REVIEW_PARTS)
    await saveDraftPart(db, { periodId, memberId, part, value: part === "rating" ? "L2" : "Nội dung" }, BEFORE);
  if (submitAt) expect(await submitReview(db, { periodId, memberId }, submitAt, DEADLINE)).toMatchObject({ status: "submitted" });
}

/** A branch whose members are in every state /status knows, chosen at random, through the store's own writes. */
async function randomBranch(db: Db, parentId: string, name: string, seed: number) {
  const pick = chooser(seed);
  const members: SeedMember[] = Array.from({ length: 24 }, (_, i) => ({
    fullName: `${name} ${i}`,
    kind: pick(5) === 0 ? "probationary" : "official",
    exempt: pick(10) === 0,
    ...(pick(4) !== 0 && { telegramId: seed * 100 + i }),
  }));
  const b = await seedBranch(db, { name, parentId, members, selfReviewDeadline: DEADLINE, reportDeadline: "2026-12-30T16:59:59.000Z" });
  for (const member of members) {
    const id = b.memberIds[member.fullName]!;
    const userId = b.userIds[member.fullName];
    if (userId && pick(4) === 0) await markUnreachable(db, userId, NOW);
    const review = pick(4); // none, draft, on time, late
    if (review === 1) await saveDraftPart(db, { periodId: b.periodId, memberId: id, part: "a", value: "Nháp" }, BEFORE);
    if (review >= 2) await writeReview(db, b.periodId, id, review === 2 ? BEFORE : AFTER);
    if (pick(8) === 0) await setMeetingAbsence(db, b.periodId, id, true, "u", NOW);
    const entries = pick(3); // no counts, one entry, double entry
    for (const slot of ([1, 2] as const).slice(0, entries))
      await recordTally(db, { periodId: b.periodId, memberId: id, slot, tally: TALLY, enteredById: "u" }, NOW);
    if (entries === 1 && pick(3) === 0) await supersedeTallies(db, b.periodId, id, "u", NOW);
  }
  // M12: the meeting acknowledged the Ho Chi Minh actions of those who wrote them.
  await setHcmAcknowledged(db, { periodId: b.periodId, memberIds: Object.values(b.memberIds), acknowledged: true }, "u", NOW);
  await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);
  const recognized = await recognizeResults(db, { periodId: b.periodId, actorId: "u" }, NOW);
  for (const r of recognized.filter(() => pick(3) === 0))
    await revokeMemberResult(db, { periodId: b.periodId, memberId: r.memberId, why: "Sai sót", actorId: "u" }, NOW);
  return b;
}

describe("loadBranchTallies", () => {
  it("T2, M2, M3, M14: an upper committee's line for each branch agrees with counting its members one by one", async () => {
    const db = database.db;
    const parent = await createOrganization(db, { name: "Đảng ủy", kind: "base-committee" }, null, NOW);
    const branches = [];
    for (const [index, name] of ["Chi bộ C", "Chi bộ A", "Chi bộ B"].entries())
      branches.push(await randomBranch(db, parent.id, name, index + 7));
    // Neither an older period left open nor a branch without a period shows up.
    await openOlderPeriod(db, branches[0]!.orgId, NOW);
    await createOrganization(db, { name: "Chi bộ chưa mở", kind: "branch", parentId: parent.id }, null, NOW);

    const lines = await loadBranchTallies(db, parent.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(lines.map((l) => l.orgName)).toEqual(["Chi bộ A", "Chi bộ B", "Chi bộ C"]);
    const seen = { late: 0, missing: 0, deferred: 0, notEvaluated: 0, counted: 0, recognized: 0, unreachable: 0 };
    for (const line of lines) {
      const one = (await loadStatusInputs(db, line.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET }))!;
      expect(line.period).toMatchObject(one.period);
      const expected = branchStatus({ members: one.members, deadline: one.period.selfReviewDeadline, now: NOW.toISOString() }).counts;
      const counts = branchCounts({ ...line.tallies, deadline: line.period.selfReviewDeadline, now: NOW.toISOString() });
      expect(counts).toEqual(expected);
      for (const key of Object.keys(seen) as (keyof typeof seen)[]) seen[key] += counts[key];
    }
    // The random branches did reach the states compared above.
    expect(Object.entries(seen).filter(([, n]) => n === 0)).toEqual([]);

    // Under a bloc, its trees give every branch the same tallies, each under the base committee it belongs to (T1).
    const bloc = await createOrganization(db, { name: "Đảng ủy Khối", kind: "bloc" }, null, NOW);
    await db.organization.update({ where: { id: parent.id }, data: { parentId: bloc.id } });
    const trees = await loadUnitTallies(db, bloc.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(trees.branches).toEqual(lines.map(({ tallies, ...line }) => ({ ...line, unitId: parent.id })));
    expect(lines.every((line) => line.unitId === line.orgId)).toBe(true);
    // The committee's whole tree is counted together, apart by self-review deadline (T2 decides late against each):
    // its totals are the sum of its branches' lines. One branch's deadline moved past now makes two groups.
    const later = "2026-12-27T16:59:59.000Z";
    await changePeriodDate(db, { periodId: branches[1]!.periodId, field: "selfReviewDeadline", value: later }, "u", NOW, REVIEW_OFFSET);
    const moved = await loadBranchTallies(db, parent.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    const units = (await loadUnitTallies(db, bloc.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET })).units;
    expect(units.map((u) => [u.unitId, u.deadline]).sort()).toEqual([
      [parent.id, DEADLINE],
      [parent.id, later],
    ]);
    const countsOf = (list: { tallies: BranchTallies; deadline: string }[]) =>
      sumCounts(list.map((g) => branchCounts({ ...g.tallies, deadline: g.deadline, now: NOW.toISOString() })));
    const treeCounts = countsOf(units);
    expect(treeCounts).toEqual(countsOf(moved.map((line) => ({ tallies: line.tallies, deadline: line.period.selfReviewDeadline }))));
    expect(treeCounts.total).toBe(72);
  });

  it("T2: a review submitted late and then on time after the deadline was extended counts as on time", async () => {
    const db = database.db;
    const parent = await createOrganization(db, { name: "Đảng ủy", kind: "base-committee" }, null, NOW);
    const b = await seedBranch(db, {
      name: "Chi bộ",
      parentId: parent.id,
      members: [{ fullName: "An", kind: "official" }],
      selfReviewDeadline: DEADLINE,
    });
    await writeReview(db, b.periodId, b.memberIds.An!, AFTER);
    const countsAt = async () => {
      const [line] = await loadBranchTallies(db, parent.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
      return branchCounts({ ...line!.tallies, deadline: line!.period.selfReviewDeadline, now: NOW.toISOString() });
    };
    expect(await countsAt()).toMatchObject({ late: 1, submitted: 0 });
    await changePeriodDate(
      db,
      { periodId: b.periodId, field: "selfReviewDeadline", value: "2026-12-27T16:59:59.000Z" },
      "u",
      NOW,
      REVIEW_OFFSET,
    );
    expect(await countsAt()).toMatchObject({ late: 0, submitted: 1 });
  });

  it("N7: under 366 the committee's line counts the members appraised; a ballot recorded as information is not counted", async () => {
    const db = database.db;
    const parent = await createOrganization(db, { name: "Đảng ủy", kind: "base-committee" }, null, NOW);
    const members = ["An", "Bình", "Cường"].map((fullName) => ({ fullName, kind: "official" as const }));
    const b = await seedBranch(db, { name: "Chi bộ", parentId: parent.id, members, rulebookId: "qd366-2025" });
    for (const name of ["An", "Bình"]) await seedAppraisal(db, { periodId: b.periodId, memberId: b.memberIds[name]!, at: NOW });

    await recordTally(db, { periodId: b.periodId, memberId: b.memberIds.Cường!, slot: 1, tally: TALLY, enteredById: "u" }, NOW);
    const [line] = await loadBranchTallies(db, parent.id, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(line!.tallies.counted).toBe(2);
    const status = await loadStatusInputs(db, b.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(status!.members.filter((m) => m.hasTally).length).toBe(2);
  });
});
