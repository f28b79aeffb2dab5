import { describe, expect, it } from "vitest";
import { parseHistoryTable } from "../domain/reward-import";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { createOrganization } from "./orgs";
import { importRewardHistory, loadRewardLists, matchHistory, setYearParameters, toggleProposalDocument, yearParameters } from "./rewards";

const NOW = new Date("2026-12-28T02:00:00Z");
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

async function tree() {
  const bloc = await createOrganization(db, { name: "Đảng ủy Khối", kind: "bloc" }, null, NOW);
  const base = await createOrganization(db, { name: "Đảng ủy Sở", kind: "base-committee", parentId: bloc.id }, null, NOW);
  const a = await seedBranch(db, { name: "Chi bộ A", parentId: base.id, members: [{ fullName: "Nguyễn Văn An", kind: "official" }] });
  const b = await seedBranch(db, { name: "Chi bộ B", parentId: base.id, members: [{ fullName: "Nguyễn Văn An", kind: "official" }] });
  return { bloc, base, a, b };
}

const sheet = (...rows: string[]) =>
  parseHistoryTable(
    ["Năm;Loại;Họ tên;Đơn vị;Xếp loại;Đăng ký thi đua", ...rows].map((line, i) => ({ row: i + 1, cells: line.split(";") })),
    2026,
  ).entries;

describe("the import of earlier years (R3, R4, R5)", () => {
  it("R4: names are matched within the unit given; a name two branches share is left unmatched without one", async () => {
    const { base, a, b } = await tree();
    const entries = sheet(
      "2025;đảng viên;nguyễn văn an;Chi bộ B;tốt;",
      "2025;đảng viên;Nguyễn Văn An;;tốt;",
      "2025;tổ chức;CHI BỘ A;;TSVM;có",
    );
    expect(await matchHistory(db, base.id, entries)).toEqual([
      { memberId: b.memberIds["Nguyễn Văn An"], subjectOrgId: null },
      { memberId: null, subjectOrgId: null },
      { memberId: null, subjectOrgId: a.orgId },
    ]);
    expect(a.memberIds["Nguyễn Văn An"]).not.toBe(b.memberIds["Nguyễn Văn An"]);
  });

  it("R4: saved in one go, and a row for the same year, kind, name and unit sent again replaces the earlier one", async () => {
    const { base } = await tree();
    expect(await importRewardHistory(db, base.id, sheet("2025;đảng viên;Nguyễn Văn An;Chi bộ A;tốt;"), "u1", NOW)).toEqual({
      saved: 1,
      matched: 1,
    });
    await importRewardHistory(
      db,
      base.id,
      sheet("2025;đảng viên;Nguyễn Văn An;Chi bộ A;xuất sắc;", "2024;đảng viên;Người Lạ;;tốt;"),
      "u1",
      NOW,
    );
    const rows = await db.rewardHistory.findMany({ orderBy: { year: "desc" } });
    expect(rows.map((r) => [r.year, r.name, r.memberLevel, r.memberId !== null])).toEqual([
      [2025, "Nguyễn Văn An", "L1", true],
      [2024, "Người Lạ", "L2", false],
    ]);
    expect(await db.auditEvent.count({ where: { action: "rewards.history-imported" } })).toBe(2);
  });

  it("R5: a registration row of the year lets the branch's own reward be considered", async () => {
    const { base, a } = await tree();
    await db.orgScore.create({
      data: { orgId: a.orgId, year: 2026, scores: "{}", conditions: "{}", level: "tsvm", total: 96, exemplary: true, state: "recognized" },
    });
    const before = await loadRewardLists(db, base.id, 2026);
    expect(before!.lists[0]!.candidates[0]).toMatchObject({ name: "Chi bộ A", eligible: false });
    await importRewardHistory(db, base.id, sheet("2026;tổ chức;Chi bộ A;;;có"), "u1", NOW);
    const after = await loadRewardLists(db, base.id, 2026);
    expect(after!.lists[0]!.candidates[0]).toMatchObject({ name: "Chi bộ A", eligible: true });
  });
});

describe("whose imports a committee reads (R4)", () => {
  it("R4: a base committee reads the bloc's sheet for its own members, and the bloc reads the base committee's", async () => {
    const { bloc, base, a } = await tree();
    const memberId = a.memberIds["Nguyễn Văn An"]!;
    await db.memberResult.create({
      data: { periodId: a.periodId, memberId, version: 1, outcome: "L1", reasons: "[]", inputs: "{}", state: "recognized" },
    });
    await importRewardHistory(db, bloc.id, sheet("2024;đảng viên;Nguyễn Văn An;Chi bộ A;xuất sắc;"), "u1", NOW);
    await importRewardHistory(db, base.id, sheet("2025;đảng viên;Nguyễn Văn An;Chi bộ A;xuất sắc;"), "u1", NOW);
    for (const committeeId of [base.id, bloc.id]) {
      const loaded = await loadRewardLists(db, committeeId, 2026);
      const toBloc = loaded!.lists.find((l) => l.key === "bloc.member-excellent-3y")!;
      // L1 in 2024 (the bloc's sheet), 2025 (the base committee's) and 2026 (recognized): only the title is missing.
      expect(toBloc.candidates.find((c) => c.id === memberId)!.reasons.map((r) => r.code)).toEqual([
        "reward.organization-not-registered",
        "reward.too-few-titles",
      ]);
    }
  });
});

describe("the year's figures and the files (R1, R2, R6)", () => {
  it("R1, R2: the bloc's base wage and quotas are read by the base committees under it", async () => {
    const { bloc, base } = await tree();
    expect(await yearParameters(db, base.id, 2026)).toBeNull();
    await setYearParameters(
      db,
      bloc.id,
      { year: 2026, baseWageDong: 2_340_000, provincialQuota: { organizations: 7, members: 10 } },
      "u1",
      NOW,
    );
    await setYearParameters(
      db,
      bloc.id,
      { year: 2026, baseWageDong: 2_500_000, provincialQuota: { organizations: 6, members: 9 } },
      "u1",
      NOW,
    );
    expect(await yearParameters(db, base.id, 2026)).toEqual({
      year: 2026,
      baseWageDong: 2_500_000,
      provincialQuota: { organizations: 6, members: 9 },
    });
    expect(await yearParameters(db, base.id, 2025)).toBeNull();
  });

  it("R6: a document is ticked present and unticked again", async () => {
    const { base, a } = await tree();
    const target = {
      committeeId: base.id,
      year: 2026,
      rewardKey: "base.exemplary-branch" as const,
      recipientId: a.orgId,
      document: "proposal-letter",
    };
    expect(await toggleProposalDocument(db, target, "u1", NOW)).toBe(true);
    expect(await db.proposalDocument.count()).toBe(1);
    expect(await toggleProposalDocument(db, target, "u1", NOW)).toBe(false);
    expect(await db.proposalDocument.count()).toBe(0);
  });

  it("R1: a branch is not a committee: no lists", async () => {
    const { a } = await tree();
    expect(await loadRewardLists(db, a.orgId, 2026)).toBeNull();
  });
});
