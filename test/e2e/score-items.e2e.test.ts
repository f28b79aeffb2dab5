// Issue 15 point 2, N3: the committee above splits the 30 + 70 points into items, as data. A base committee types a
// list for form 2B (a wrong total is refused with its reason), a branch under it then scores on it; the template
// XLSX holds the items in force and comes back as the next version; nobody without a seat on the committee may.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_SCORE_ITEMS } from "../../domain/score-items";
import { scoreItemsFor } from "../../store/score-items";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { seedCommittee } from "../support/seed-committee";

const SECRETARY = 9101;
const COMMITTEE_MEMBER = 9102;
const BRANCH_SECRETARY = 9103;
const MEMBER = 9104;
let h: Harness | undefined;
afterEach(async () => h?.stop());

async function seedTree(harness: Harness) {
  const base = await seedCommittee(harness.db, {
    name: "Đảng ủy Sở Tài chính",
    kind: "base-committee",
    people: [
      { telegramId: SECRETARY, role: "secretary" },
      { telegramId: COMMITTEE_MEMBER, role: "committee" },
    ],
  });
  const branch = await seedBranch(harness.db, {
    name: "Chi bộ Kế toán",
    parentId: base.orgId,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: MEMBER },
    ],
  });
  return { base, branch };
}

const list2B = (tasks: [number, number]) =>
  [
    "chung | Chính trị, tư tưởng, đạo đức, lối sống, ý thức kỷ luật | 20 | không | 2B",
    "chung | Năng lực, thái độ phục vụ, tinh thần đổi mới | 6 | có | 2B",
    "chung | Tự phê bình và khắc phục hạn chế, khuyết điểm | 4 | không | 2B",
    `nhiệm vụ | Khối lượng công việc theo chỉ tiêu được giao | ${tasks[0]} | có | 2B`,
    `nhiệm vụ | Chất lượng và tiến độ | ${tasks[1]} | có | 2B`,
  ].join("\n");

describe("/scoreitems (N3)", () => {
  it("N3: a base committee types a list for 2B (a wrong total refused with its reason); its branch then scores on it", async () => {
    h = await startHarness({ now: "2026-12-02T02:00:00.000Z" });
    const { base, branch } = await seedTree(h);
    const secretary = h.user(SECRETARY);
    await secretary.send("/scoreitems");
    const overview = await secretary.waitForMessage(/Điểm thành phần năm 2026 — Đảng ủy Sở Tài chính/);
    expect(overview.text).toContain("Mẫu 2B: theo ví dụ kèm quy định");
    expect(overview.text).toContain("Tiêu chí chung: 17 mục, 30/30 điểm ✓");
    expect(overview.text).toContain("Đảng ủy Sở Tài chính chưa đặt danh sách riêng năm 2026.");

    await secretary.click("✍ Nhập danh sách mới");
    const example = await secretary.waitForMessage(/Các mục đang áp dụng cho mẫu 2B/);
    expect(example.text).toContain(
      "\nchung | Trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, đường lối của Đảng | 2 |  | 2B\n",
    );
    await secretary.waitForMessage(/mỗi dòng một mục/);
    await secretary.send(list2B([40, 20]));
    const refused = await secretary.waitForMessage(/chưa đúng tổng điểm/);
    expect(refused.text).toMatch(/[Nn]hóm kết quả thực hiện nhiệm vụ cộng được 60 điểm, phải đúng 70 điểm\./);
    expect(await h.db.scoreItemList.count()).toBe(0);
    // A row that cannot be read is named by its line.
    await secretary.send("chung | Chính trị | hai mươi | không | 2B");
    expect((await secretary.waitForMessage(/chưa đọc được/)).text).toContain("Dòng 1: điểm «hai mươi» phải là số nguyên lớn hơn 0.");

    await secretary.send(list2B([40, 30]));
    const preview = await secretary.waitForMessage(/Xem trước danh sách điểm thành phần năm 2026/);
    expect(preview.text).toContain("Mẫu 2B\nTiêu chí chung: 3 mục, 30/30 điểm ✓");
    expect(preview.text).toContain("  2. Năng lực, thái độ phục vụ, tinh thần đổi mới — 6 điểm, chấm theo mức");
    expect(preview.text).toContain("Kết quả thực hiện nhiệm vụ: 2 mục, 70/70 điểm ✓");
    await secretary.click("Lưu thành phiên bản mới ✓");
    await secretary.waitForMessage(/Đã lưu phiên bản 1 danh sách điểm thành phần năm 2026 của Đảng ủy Sở Tài chính/);

    const resolved = await scoreItemsFor(h.db, branch.orgId, 2026, 0, "2B");
    expect(resolved.from).toEqual({ kind: "list", orgId: base.orgId, orgName: "Đảng ủy Sở Tài chính", version: 1, source: "typed" });
    expect(resolved.items.map((i) => [i.id, i.group, i.points, i.graded])).toEqual([
      ["g1", "general", 20, false],
      ["g2", "general", 6, true],
      ["g3", "general", 4, false],
      ["t1", "tasks", 40, true],
      ["t2", "tasks", 30, true],
    ]);
    expect((await scoreItemsFor(h.db, branch.orgId, 2026, 0, "2A")).from).toEqual({ kind: "example" });

    // A committee member sees the version in force and where it comes from.
    const member = h.user(COMMITTEE_MEMBER);
    await member.send("/scoreitems");
    const seen = await member.waitForMessage(/Mẫu 2B: phiên bản 1 của Đảng ủy Sở Tài chính \(nhập trong trò chuyện\)/);
    expect(seen.text).toContain("Tiêu chí chung: 3 mục, 30/30 điểm ✓");
    expect(seen.text).toMatch(/• Phiên bản 1: Mẫu 2B, nhập trong trò chuyện, 09:00 02\/12\/2026$/m);
    const audit = await h.db.auditEvent.findFirst({ where: { action: "score-items.saved" } });
    expect(audit?.data).not.toContain("Chính trị");
  }, 60_000);

  it("N3: the template XLSX holds the items in force, and comes back (with a 2C item changed) as the next version", async () => {
    h = await startHarness({ now: "2026-12-02T02:00:00.000Z" });
    const { base, branch } = await seedTree(h);
    const committee = h.user(COMMITTEE_MEMBER);
    await committee.send("/scoreitems");
    await committee.waitForMessage(/Điểm thành phần năm 2026/);
    await committee.click("📥 Nhập từ tệp Excel");
    const template = await committee.waitForMessage((m) => m.document?.fileName === "diem-thanh-phan-2026.xlsx");
    await committee.waitForMessage(/sửa tệp mẫu vừa gửi/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.document!.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]).toEqual(["Nhóm", "Nội dung", "Điểm", "Chấm theo mức", "Mẫu"]);
    expect(rows[1]).toEqual(["chung", EXAMPLE_SCORE_ITEMS["2A"][0]!.name, "2", "", "2A"]);
    const tasks2C = rows.flatMap((r, i) => (r[0] === "nhiệm vụ" && r[4] === "2C" ? [i + 1] : []));
    expect(rows[tasks2C[0]! - 1]).toEqual(["nhiệm vụ", "Thực hiện nhiệm vụ đảng viên và nhiệm vụ chi bộ giao", "40", "có", "2C"]);

    // The committee moves 5 points of 2C's tasks from the first item to the third, and renames the third.
    const first2CTask = sheet.getRow(tasks2C[0]!);
    const third2CTask = sheet.getRow(tasks2C[2]!);
    first2CTask.getCell(3).value = 35;
    third2CTask.getCell(2).value = "Nhiệm vụ đột xuất và hoạt động ở địa phương";
    third2CTask.getCell(3).value = 20;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    await committee.sendDocument("diem-thanh-phan-2026.xlsx", edited);
    const preview = await committee.waitForMessage(/Mẫu 2C\n/);
    expect(preview.text).toContain("Mẫu 2B\nNhư mẫu 2A.");
    expect(preview.text).toContain("  3. Nhiệm vụ đột xuất và hoạt động ở địa phương — 20 điểm, chấm theo mức");
    await committee.click("Lưu thành phiên bản mới ✓");
    await committee.waitForMessage(/Đã lưu phiên bản 1/);

    const twoC = await scoreItemsFor(h.db, branch.orgId, 2026, 0, "2C");
    expect(twoC.from).toMatchObject({ kind: "list", orgId: base.orgId, version: 1, source: "imported" });
    expect(twoC.items.filter((i) => i.group === "tasks").map((i) => [i.name, i.points])).toEqual([
      ["Thực hiện nhiệm vụ đảng viên và nhiệm vụ chi bộ giao", 35],
      ["Học tập nghị quyết, tham gia đóng góp ý kiến tại sinh hoạt chi bộ", 15],
      ["Nhiệm vụ đột xuất và hoạt động ở địa phương", 20],
    ]);
    // The forms left as they were come back unchanged: the round trip loses nothing.
    expect((await scoreItemsFor(h.db, branch.orgId, 2026, 0, "2A")).items).toEqual(EXAMPLE_SCORE_ITEMS["2A"]);

    // A file whose sums are wrong is refused with the reason, and the version stays 1.
    third2CTask.getCell(3).value = 25;
    await committee.click("📄 Tải tệp mẫu (các mục đang áp dụng)");
    await committee.waitForMessage((m) => m.document?.fileName === "diem-thanh-phan-2026.xlsx");
    await committee.send("/scoreitems");
    await committee.waitForMessage(/Điểm thành phần năm 2026/);
    await committee.click("📥 Nhập từ tệp Excel");
    await committee.waitForMessage(/sửa tệp mẫu vừa gửi/);
    await committee.sendDocument("sai.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    const refused = await committee.waitForMessage(/chưa đúng tổng điểm/);
    expect(refused.text).toMatch(/[Nn]hóm kết quả thực hiện nhiệm vụ cộng được 75 điểm, phải đúng 70 điểm\./);
    expect(await h.db.scoreItemList.count({ where: { version: 2 } })).toBe(0);
  }, 60_000);

  it("a member of a branch, its secretary, and a forged button of the committee are refused; nothing is opened", async () => {
    h = await startHarness({ now: "2026-12-02T02:00:00.000Z" });
    const { base } = await seedTree(h);
    for (const id of [MEMBER, BRANCH_SECRETARY]) {
      const person = h.user(id);
      await person.send("/scoreitems");
      await person.waitForMessage(/lệnh này chỉ dành cho bí thư và cấp ủy viên của đảng ủy cơ sở/);
    }
    const member = h.user(MEMBER);
    await member.pressForged(`si:type:${base.orgId}:2026:0`);
    await member.waitForMessage(/lệnh này chỉ dành cho bí thư và cấp ủy viên/);
    await member.send("chung | Chính trị | 30 | không");
    await member.waitForMessage(/chưa hiểu yêu cầu/);
    expect(await h.db.scoreItemList.count()).toBe(0);
  }, 60_000);
});
