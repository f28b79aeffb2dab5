import { afterEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import type { Db } from "./client";
import { branchDisciplineList, recordDiscipline, recordedDisciplines, removeDiscipline } from "./disciplines";
import { loadBranchInputs } from "./rating-inputs";
import { setHcmAcknowledged } from "./tallies";

const NOW = new Date("2026-12-25T10:00:00Z");
const closers: Array<() => Promise<void>> = [];
let db: Db;
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Two members of a branch, on a database of their own. */
async function branch() {
  const database = await freshDb();
  closers.push(database.cleanup);
  db = database.db;
  const b = await seedBranch(db, {
    members: [
      { fullName: "Nguyễn Văn An", kind: "official" },
      { fullName: "Trần Thị Bình", kind: "official" },
    ],
  });
  return { ...b, an: b.memberIds["Nguyễn Văn An"]!, binh: b.memberIds["Trần Thị Bình"]! };
}

describe("recorded decisions of discipline (M9)", () => {
  it("M9: keeps the decision's days as days, reaches the rating inputs, and a removed one is kept but no longer counts", async () => {
    const b = await branch();
    const decision = {
      level: "warning",
      source: "state",
      decidedOn: "2025-12-31",
      endsOn: "2026-06-30",
      decisionNumber: " 7/QĐ-UBND ",
    } as const;
    const row = await recordDiscipline(db, { memberId: b.an, decision }, "secretary", NOW);
    expect(row).toMatchObject({ decidedOn: "2025-12-31", endsOn: "2026-06-30", decisionNumber: "7/QĐ-UBND" });
    const inputs = await loadBranchInputs(db, b.periodId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(inputs.members.find((m) => m.id === b.an)!.disciplines).toEqual([
      { level: "warning", source: "state", decidedOn: "2025-12-31", endsOn: "2026-06-30", decisionNumber: "7/QĐ-UBND" },
    ]);
    expect((await branchDisciplineList(db, b.orgId)).map((m) => m.decisions)).toEqual([1, 0]);

    expect(await removeDiscipline(db, row.id, "secretary", NOW)).toBe(true);
    expect(await removeDiscipline(db, row.id, "secretary", NOW)).toBe(false);
    expect(await recordedDisciplines(db, { memberId: b.an })).toEqual([]);
    expect(await db.discipline.count()).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { entity: "Discipline" }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["discipline.recorded", "discipline.removed"]);
  });

  it("M12: the meeting's acknowledgement is stored once per member, audited on each change, and reaches the inputs", async () => {
    const b = await branch();
    const input = { periodId: b.periodId, memberIds: [b.an, b.binh], acknowledged: true };
    expect(await setHcmAcknowledged(db, input, "secretary", NOW)).toBe(2);
    expect(await setHcmAcknowledged(db, input, "secretary", NOW)).toBe(0);
    expect(await setHcmAcknowledged(db, { ...input, memberIds: [b.binh], acknowledged: false }, "secretary", NOW)).toBe(1);
    const inputs = await loadBranchInputs(db, b.periodId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET });
    expect(inputs.members.map((m) => m.hcmAcknowledged)).toEqual([true, false]);
    const actions = (await db.auditEvent.findMany({ where: { entity: "Member" } })).map((e) => e.action).sort();
    expect(actions).toEqual(["hcm.acknowledged", "hcm.acknowledged", "hcm.acknowledgement-withdrawn"]);
  });
});
