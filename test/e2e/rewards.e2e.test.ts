// C, R1–R6 in the chat: the template, an import with a bad row, the lists of a base committee and of the bloc with
// their quotas and money, the proposal file of a member and of an organization, and the refusals.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { loadIdentity } from "../../store/users";
import { createOrganization, grantRole } from "../../store/orgs";
import { rewardProposals } from "../../store/rewards";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

const BLOC = 801;
const BASE = 802;
const SECRETARY = 803;
let h: Harness | undefined;
afterEach(async () => h?.stop());

/** A bloc, a base committee under it with two branches, this year's results and org ratings recognized. */
async function seedTree(harness: Harness) {
  const db = harness.db;
  const now = harness.clock.now();
  const bloc = await createOrganization(db, { name: "Đảng ủy Khối các cơ quan tỉnh", kind: "bloc" }, null, now);
  const base = await createOrganization(db, { name: "Đảng ủy Sở Tài chính", kind: "base-committee", parentId: bloc.id }, null, now);
  for (const [telegramId, orgId, role] of [
    [BLOC, bloc.id, "secretary"],
    [BASE, base.id, "committee"],
  ] as const) {
    const identity = await loadIdentity(db, { id: telegramId });
    await grantRole(db, identity.userId, orgId, role, null, now);
  }
  const office = await seedBranch(db, {
    name: "Chi bộ Văn phòng",
    parentId: base.id,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: SECRETARY, roles: ["secretary"] },
      { fullName: "Trần Thị Bình", kind: "official" },
      { fullName: "Lê Văn Cường", kind: "official" },
    ],
  });
  const accounts = await seedBranch(db, {
    name: "Chi bộ Kế toán",
    parentId: base.id,
    members: [{ fullName: "Phạm Văn Dũng", kind: "official" }],
  });
  const levels: Record<string, string> = { "Nguyễn Văn An": "L1", "Trần Thị Bình": "L1", "Lê Văn Cường": "L2" };
  for (const branch of [office, accounts])
    await db.memberResult.createMany({
      data: Object.entries(branch.memberIds).map(([name, memberId]) => ({
        periodId: branch.periodId,
        memberId,
        version: 1,
        outcome: levels[name] ?? "L2",
        reasons: "[]",
        inputs: "{}",
        state: "recognized",
      })),
    });
  const score = (orgId: string, total: number) =>
    db.orgScore.create({
      data: { orgId, year: 2026, scores: "{}", conditions: "{}", level: "tsvm", total, exemplary: true, state: "recognized" },
    });
  await score(office.orgId, 96);
  await score(accounts.orgId, 97);
  await score(base.id, 97);
  return { bloc, base, office, accounts };
}

const HEADER =
  "Năm;Loại;Họ tên hoặc tên tổ chức;Đơn vị;Xếp loại;Tiêu biểu;Điểm;Số ĐV xuất sắc;Số ĐV tốt;Số ĐV hoàn thành;Số ĐV không hoàn thành;Chiến sỹ thi đua cơ sở;Đăng ký thi đua;Khen thưởng đã nhận";
const GOOD_ROWS = [
  "2024;đảng viên;Nguyễn Văn An;Chi bộ Văn phòng;Hoàn thành xuất sắc nhiệm vụ;;;;;;;không;;",
  "2025;đảng viên;Nguyễn Văn An;Chi bộ Văn phòng;xuất sắc;;;;;;;có;;",
  "2025;đảng viên;Trần Thị Bình;Chi bộ Văn phòng;xuất sắc;;;;;;;không;;",
  "2026;tổ chức;Chi bộ Văn phòng;;;;;;;;;;có;",
  "2026;tổ chức;Đảng ủy Sở Tài chính;;;;;;;;;;có;",
];

async function importHistory(harness: Harness) {
  const committee = harness.user(BASE);
  await committee.send("/rewardimport");
  const template = await committee.waitForMessage((m) => m.document?.fileName.endsWith(".xlsx") ?? false);
  await committee.waitForMessage(/gửi tệp Excel/);
  // A bad level on the fourth row of the sheet: named with its row, and nothing saved.
  const bad = [HEADER, GOOD_ROWS[0], GOOD_ROWS[1], "2025;đảng viên;Trần Thị Bình;Chi bộ Văn phòng;giỏi;;;;;;;không;;"].join("\n");
  await committee.sendDocument("lich-su.csv", bad, "text/csv");
  const errors = await committee.waitForMessage(/dòng sai/);
  expect(errors.text).toContain("Dòng 4: xếp loại «giỏi» không đúng");
  expect(await harness.db.rewardHistory.count()).toBe(0);
  await committee.sendDocument("lich-su.csv", [HEADER, ...GOOD_ROWS].join("\n"), "text/csv");
  const preview = await committee.waitForMessage(/Đọc được 5 dòng/);
  expect(preview.text).toContain("3 đảng viên, 2 tổ chức đảng");
  await committee.click(/Lưu 5 dòng/);
  await committee.waitForMessage(/Đã lưu 5 dòng \(5 dòng khớp/);
  return template;
}

describe("/rewards (C, R1–R6)", () => {
  it("R1, R2, R4, R5, R6: template, import with a bad row, the base committee's lists, money from the bloc's base wage, files, export", async () => {
    h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
    const { base } = await seedTree(h);
    const template = await importHistory(h);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.document!.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe("Năm");
    expect(sheet.getRow(1).getCell(5).text).toBe("Xếp loại");
    expect(sheet.getRow(2).getCell(3).text).toBe("Nguyễn Văn An");

    const bloc = h.user(BLOC);
    await bloc.send("/rewardyear 2.340.000");
    await bloc.waitForMessage(/lương tối thiểu 2\.340\.000 đ; chỉ tiêu Tỉnh ủy khen thưởng 7 tổ chức cơ sở đảng và 10 đảng viên/);

    const committee = h.user(BASE);
    await committee.send("/rewards");
    const head = await committee.waitForMessage(/Thi đua, khen thưởng năm 2026/);
    expect(head.text).toContain("2.340.000 đ");
    const branches = await committee.waitForMessage(/chi bộ «Trong sạch, vững mạnh» tiêu biểu$/m);
    expect(branches.text).toContain("0,6 lần mức lương tối thiểu = 1.404.000 đ");
    expect(branches.text).toContain("✅ Chi bộ Văn phòng (Đảng ủy Sở Tài chính)");
    // R5: the accounts branch did not register for emulation this year.
    expect(branches.text).toMatch(/❌ Chi bộ Kế toán \(Đảng ủy Sở Tài chính\): không đủ điều kiện\. Năm 2026 không đăng ký thi đua\./);
    const members = await committee.waitForMessage(/giấy khen đảng viên «Đủ tư cách, hoàn thành xuất sắc nhiệm vụ»/);
    expect(members.text).toContain("0,3 lần mức lương tối thiểu = 702.000 đ");
    expect(members.text).toContain("✅ Nguyễn Văn An (Chi bộ Văn phòng)");
    expect(members.text).toContain("✅ Trần Thị Bình (Chi bộ Văn phòng)");
    expect(members.text).not.toContain("Lê Văn Cường");
    await committee.waitForMessage(/chi bộ «Trong sạch, vững mạnh» tiêu biểu 3 năm liên tục/);
    const toBloc = await committee.waitForMessage(/hoàn thành xuất sắc nhiệm vụ 3 năm liền/);
    // R4: L1 in 2024–2026 and a title in 2025; Bình lacks 2024 and a title. 15% of 2 L1 members is 0: over the quota.
    expect(toBloc.text).toContain("✅ Nguyễn Văn An (Chi bộ Văn phòng)");
    expect(toBloc.text).toMatch(/❌ Trần Thị Bình \(Chi bộ Văn phòng\): không đủ điều kiện\. Năm 2024 không có kết quả/);
    expect(toBloc.text).toContain("Chỉ tiêu (Đảng ủy Sở Tài chính): 1 đủ điều kiện, vượt chỉ tiêu tối đa 0");
    expect(toBloc.text).toContain("0,6 lần mức lương tối thiểu = 1.404.000 đ");

    // R6: a member's file asks the emulation title certificate (or the council's minutes); an organization's does not.
    await committee.click("📁 Hồ sơ: Nguyễn Văn An");
    const memberFile = await committee.waitForMessage(/Hồ sơ đề nghị khen thưởng của Nguyễn Văn An/);
    const buttonsOf = (m: typeof memberFile) => (m.replyMarkup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
    expect(buttonsOf(memberFile)).toContain("☐ Giấy chứng nhận «Chiến sỹ thi đua» (bản photo)");
    expect(memberFile.text).toContain("Hồ sơ còn thiếu 7 tài liệu.");
    await committee.click("☐ Báo cáo tổng kết công tác xây dựng Đảng");
    const ticked = await committee.waitForMessage(/☑ Đã có: Báo cáo tổng kết công tác xây dựng Đảng/);
    expect(ticked.text).toContain("Hồ sơ còn thiếu 6 tài liệu.");
    await committee.click("📁 Hồ sơ: Chi bộ Văn phòng");
    const orgFile = await committee.waitForMessage(/Hồ sơ đề nghị khen thưởng của Chi bộ Văn phòng/);
    expect(buttonsOf(orgFile)).toHaveLength(6);
    expect(orgFile.text).not.toContain("Chiến sỹ thi đua");

    await committee.click("📥 Tải danh sách (Excel)");
    const list = await committee.waitForMessage((m) => m.document?.fileName === "khen-thuong-2026.xlsx");
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(list.document!.bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    exported.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows.flat()).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026");
    expect(rows).toContainEqual(["1", "Nguyễn Văn An", "Chi bộ Văn phòng", "Có", "", "702000", expect.stringContaining("Giấy chứng nhận")]);
    expect(rows.some((r) => r[1] === "Chi bộ Kế toán" && r[3] === "Không" && r[4].includes("không đăng ký thi đua"))).toBe(true);

    // For the reports going up: what the base committee proposes, with the money.
    const proposals = await rewardProposals(h.db, base.id, 2026);
    expect(proposals).toContainEqual({
      rewardKey: "bloc.member-excellent-3y",
      recipientKind: "member",
      name: "Nguyễn Văn An",
      unit: "Chi bộ Văn phòng",
      amountDong: 1_404_000,
    });
    expect(proposals.filter((p) => p.name === "Chi bộ Kế toán")).toEqual([]);
  }, 60_000);

  it("R1, R2: the bloc sees its own lists with the provincial quota, and a member excellent 3 years running proposed to it", async () => {
    h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
    await seedTree(h);
    await importHistory(h);
    const bloc = h.user(BLOC);
    await bloc.send("/rewards");
    const head = await bloc.waitForMessage(/Thi đua, khen thưởng năm 2026 — Đảng ủy Khối/);
    expect(head.text).toContain("chưa đặt mức lương tối thiểu năm 2026");
    const tccsd = await bloc.waitForMessage(/tổ chức cơ sở đảng «Trong sạch, vững mạnh» tiêu biểu$/m);
    expect(tccsd.text).toContain("✅ Đảng ủy Sở Tài chính");
    await bloc.waitForMessage(/chi bộ «Trong sạch, vững mạnh» tiêu biểu 3 năm liên tục/);
    const members = await bloc.waitForMessage(/đảng viên hoàn thành xuất sắc nhiệm vụ 3 năm liền/);
    expect(members.text).toContain("✅ Nguyễn Văn An (Chi bộ Văn phòng)");
    const province = await bloc.waitForMessage(/Tỉnh ủy tặng bằng khen tổ chức cơ sở đảng/);
    expect(province.text).toContain("Chỉ tiêu (Tỉnh ủy): 0 đủ điều kiện, tối đa 7.");
    const provinceMembers = await bloc.waitForMessage(/Tỉnh ủy tặng bằng khen đảng viên/);
    expect(provinceMembers.text).toContain("Chỉ tiêu (Tỉnh ủy): 0 đủ điều kiện, tối đa 10.");
    expect(provinceMembers.text).toMatch(/❌ Nguyễn Văn An \(Chi bộ Văn phòng\): không đủ điều kiện\. Năm 2022 không có kết quả/);
  }, 60_000);

  it("a plain branch secretary is refused /rewards, /rewardyear and a forged button of the committee above", async () => {
    h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
    const { base } = await seedTree(h);
    const secretary = h.user(SECRETARY);
    await secretary.send("/rewards");
    await secretary.waitForMessage(/chỉ dành cho: ủy viên cấp ủy cấp trên/);
    await secretary.send("/rewardyear 2340000");
    await secretary.waitForMessage(/chỉ dành cho bí thư và ủy viên Đảng ủy Khối/);
    await secretary.pressForged(`rw:export:${base.id}`);
    await secretary.waitForMessage(/Không tìm thấy danh sách này/);
    await h.user(BLOC).send("/rewardyear hai triệu");
    await h.user(BLOC).waitForMessage(/Ví dụ: \/rewardyear 2\.340\.000 7 10/);
    // A base committee member cannot set the bloc's figures either.
    const committee = h.user(BASE);
    await committee.send("/rewardyear 2340000");
    await committee.waitForMessage(/chỉ dành cho bí thư và ủy viên Đảng ủy Khối/);
    expect(await h.db.yearParameters.count()).toBe(0);
  }, 60_000);

  it("R1, R2: in English, the bloc sets the year's figures and reads the lists", async () => {
    h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
    await seedTree(h);
    await h.db.user.updateMany({ where: { telegramId: String(BLOC) }, data: { language: "en" } });
    const bloc = h.user(BLOC);
    await bloc.send("/rewardyear 2340000 6 9");
    await bloc.waitForMessage(/Saved for 2026: minimum wage 2,340,000 đ; provincial quotas 6 grassroots organizations and 9 members\./);
    await bloc.send("/rewards");
    await bloc.waitForMessage(/Emulation and rewards 2026 — Đảng ủy Khối các cơ quan tỉnh/);
    const tccsd = await bloc.waitForMessage(/exemplary "clean and strong" grassroots organization$/m);
    expect(tccsd.text).toContain("Money: 2 × the minimum wage = 4,680,000 đ per reward.");
    // R5 in English: the base committee has not registered for emulation this year.
    expect(tccsd.text).toContain("❌ Đảng ủy Sở Tài chính (Đảng ủy Khối các cơ quan tỉnh): not eligible.");
    const province = await bloc.waitForMessage(/Provincial committee's merit to a member/);
    expect(province.text).toContain("Quota (provincial committee): 0 eligible, at most 9.");
  }, 60_000);
});
