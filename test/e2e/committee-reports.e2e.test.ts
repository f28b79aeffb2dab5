// Issue 12 point 5, reports that go up (D, T1): a base committee gets its report and sends it to the bloc, a branch
// has reported when it sent its results, who is late shows in each committee's /status, and the secretaries who have
// not reported are reminded once.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { recordReport } from "../../store/org-reports";
import { evaluateBranch } from "../../store/results";
import { REVIEW_OFFSET } from "../support/time-zone";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBlocTree, seedCommittee, TREE_PEOPLE } from "../support/seed-committee";
import { seedBranch, seedHcmConfirmed } from "../support/seed";
import { docxText } from "../support/zip";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const text = (docx: Buffer) => docxText(docx).replace(/\s+/g, " ");

describe("/report for a base committee", () => {
  it("sends the report as XLSX and DOCX, then records its sending to the bloc, which is told; the first sending's time stays", async () => {
    h = await startHarness({ now: "2027-01-10T03:00:00.000Z" });
    await seedBlocTree(h.db);
    const base = h.user(TREE_PEOPLE.baseSecretary);
    const bloc = h.user(TREE_PEOPLE.blocSecretary);
    await base.send("/report");
    const xlsx = await base.waitForMessage((m) => m.document?.fileName === "bao-cao-xep-loai-2026.xlsx");
    const docx = await base.waitForMessage((m) => m.document?.fileName === "bao-cao-xep-loai-2026.docx");
    expect(docx.document!.caption).toBe("Báo cáo kết quả đánh giá, xếp loại năm 2026 — Đảng ủy Sở Tài chính");
    const words = text(docx.document!.bytes);
    expect(words).toContain("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH ĐẢNG ỦY SỞ TÀI CHÍNH * Số: -BC/ĐU ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(words).toContain("……………, ngày 10 tháng 01 năm 2027 BÁO CÁO");
    expect(words).toContain("1 Chi bộ Kế toán 4 1 0 3 1 33,3% 1 33,3%");
    expect(words).toContain("V. ĐỀ NGHỊ KHEN THƯỞNG Không có đề nghị khen thưởng.");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.document!.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Đảng viên",
      "Tổ chức đảng",
      "Tổ chức tiêu biểu",
      "Đảng viên xuất sắc",
      "Khen thưởng",
    ]);

    const after = await base.waitForMessage(/Số báo cáo/);
    expect(after.text).toContain("Chưa báo cáo lên Đảng ủy Khối các cơ quan tỉnh; hạn 23:59 14/01/2027.");
    await base.click("Gửi báo cáo lên Đảng ủy Khối các cơ quan tỉnh");
    expect((await base.waitForMessage(/Đã ghi nhận/)).text).toContain(
      "Đảng ủy Sở Tài chính báo cáo lên Đảng ủy Khối các cơ quan tỉnh lúc 10:00 10/01/2027",
    );
    expect((await bloc.waitForMessage(/đã gửi báo cáo/)).text).toContain(
      "Đảng ủy Sở Tài chính đã gửi báo cáo kết quả đánh giá, xếp loại năm 2026",
    );

    // The first sending counts: a second one later keeps its time.
    h.clock.set("2027-01-20T03:00:00.000Z");
    await base.send("/report");
    await base.waitForMessage(/Số báo cáo/);
    expect(base.lastMessage()!.text).toContain("Đã báo cáo lên Đảng ủy Khối các cơ quan tỉnh lúc 10:00 10/01/2027, đúng hạn");
  }, 60_000);

  it("keeps the number, place and signer asked in a short dialog for the next reports; «Bỏ qua» leaves a line to fill by hand", async () => {
    h = await startHarness({ now: "2027-01-10T03:00:00.000Z" });
    await seedBlocTree(h.db);
    const base = h.user(TREE_PEOPLE.baseSecretary);
    await base.send("/report");
    await base.waitForMessage(/Số báo cáo/);
    await base.click("Sửa số, địa danh, người ký");
    await base.waitForMessage(/Số của báo cáo/);
    await base.send("15-BC/ĐU");
    await base.waitForMessage(/Địa danh/);
    await base.click("Bỏ qua");
    await base.waitForMessage(/thay mặt đảng ủy/);
    await base.click("Phó Bí thư");
    await base.waitForMessage(/Họ và tên người ký/);
    await base.send("Lê Thị Mai");
    await base.waitForMessage(/Đã lưu/);
    await base.send("/report");
    const docx = await base.waitForMessage((m) => m.document?.fileName === "bao-cao-xep-loai-2026.docx");
    const words = text(docx.document!.bytes);
    expect(words).toContain("Số: 15-BC/ĐU ĐẢNG CỘNG SẢN VIỆT NAM ……………, ngày 10 tháng 01 năm 2027");
    expect(words.trim().endsWith("T/M ĐẢNG ỦY PHÓ BÍ THƯ Lê Thị Mai")).toBe(true);
  }, 60_000);

  it("refuses the report to a branch secretary, and a forged send for another committee", async () => {
    h = await startHarness({ now: "2027-01-10T03:00:00.000Z" });
    const tree = await seedBlocTree(h.db);
    const branchSecretary = h.user(TREE_PEOPLE.accountsSecretary);
    await branchSecretary.send("/report");
    expect((await branchSecretary.waitForMessage()).text).toContain("lệnh này chỉ dành cho");
    const school = h.user(TREE_PEOPLE.schoolSecretary);
    await school.send("/status");
    await school.waitForMessage();
    await school.pressForged(`rpt:send:${tree.base.orgId}`);
    expect((await school.waitForMessage(/lệnh này chỉ dành cho/)).text).toContain("ủy viên cấp ủy cấp trên");
    expect(await h.db.orgReport.count()).toBe(0);
  }, 60_000);
});

describe("a branch reports by sending its results (T1)", () => {
  it("T1: /results «Gửi cấp trên công nhận» records the branch's report, and the committee's /status says so", async () => {
    h = await startHarness({ now: "2026-12-28T03:00:00.000Z" });
    const committee = await seedCommittee(h.db, {
      name: "Đảng ủy Sở Xây dựng",
      kind: "base-committee",
      people: [{ telegramId: 801, role: "secretary" }],
    });
    const branch = await seedBranch(h.db, {
      name: "Chi bộ Kỹ thuật",
      parentId: committee.orgId,
      members: [
        { fullName: "Nguyễn Văn Tâm", kind: "official", telegramId: 802, roles: ["secretary"] },
        { fullName: "Trần Văn Sơn", kind: "official" },
      ],
    });
    // Both counted (hands, 2 of 2 for "good") and their Ho Chi Minh actions presented and acknowledged: nothing holds the sending back.
    for (const memberId of Object.values(branch.memberIds)) {
      await h.db.ballotTally.create({
        data: {
          periodId: branch.periodId,
          memberId,
          method: "hands",
          official: 2,
          present: 2,
          valid: 2,
          votesL1: 0,
          votesL2: 2,
          votesL3: 0,
          votesL4: 0,
          enteredById: "seed",
        },
      });
    }
    await seedHcmConfirmed(h.db, branch.periodId, Object.values(branch.memberIds), h.clock.now());
    await evaluateBranch(h.db, { periodId: branch.periodId, actorId: "seed" }, h.clock.now(), REVIEW_OFFSET);
    const secretary = h.user(802);
    const upper = h.user(801);
    await secretary.send("/results");
    await secretary.waitForMessage(/Kết quả xếp loại —/);
    await secretary.click("Gửi cấp trên công nhận");
    await secretary.waitForMessage(/Đã gửi 2 kết quả/);
    await upper.waitForMessage(/đề nghị công nhận/);
    await upper.send("/status");
    const status = await upper.waitForMessage(/Tình hình các chi bộ/);
    expect(status.text).toContain("Đã báo cáo: 1/1 đơn vị.");
    expect(status.text).toMatch(/Chi bộ Kỹ thuật: 2 đảng viên;.* — đã báo cáo 10:00 28\/12\/2026/);
  }, 60_000);
});

describe("who is late (T1)", () => {
  it("T1: a branch late after 31/12 shows late in the committee's /status and its secretary is reminded once", async () => {
    h = await startHarness({ now: "2026-12-29T03:00:00.000Z" });
    const tree = await seedBlocTree(h.db);
    await recordReport(h.db, { orgId: tree.office.orgId, year: 2026, actorId: "seed" }, new Date("2026-12-28T03:00:00.000Z"));
    const accounts = h.user(TREE_PEOPLE.accountsSecretary);
    const office = h.user(TREE_PEOPLE.officeSecretary);

    // On the morning of the deadline's day the secretary who has not reported is reminded, the one who has is not.
    await h.sweep();
    h.clock.set("2026-12-30T03:00:00.000Z");
    await h.sweep();
    expect((await accounts.waitForMessage(/chưa báo cáo/)).text).toContain(
      "Chi bộ Kế toán: chưa báo cáo kết quả đánh giá, xếp loại năm 2026 lên cấp ủy cấp trên; hạn 23:59 30/12/2026.",
    );

    h.clock.set("2026-12-31T03:00:00.000Z");
    const base = h.user(TREE_PEOPLE.baseSecretary);
    await base.send("/status");
    const status = await base.waitForMessage(/Tình hình các chi bộ/);
    expect(status.text).toContain("Đã báo cáo: 1/2 đơn vị.");
    expect(status.text).toContain("Báo cáo muộn hoặc quá hạn chưa báo cáo (1): Chi bộ Kế toán");
    expect(status.text).toMatch(/Chi bộ Kế toán: 4 đảng viên;.* — QUÁ HẠN chưa báo cáo \(hạn 23:59 30\/12\/2026\)/);
    expect(status.text).toMatch(/Chi bộ Văn phòng: 2 đảng viên;.* — đã báo cáo 10:00 28\/12\/2026/);

    await h.sweep();
    expect((await accounts.waitForMessage(/đã quá hạn báo cáo/)).text).toContain("Chi bộ Kế toán: đã quá hạn báo cáo kết quả đánh giá");
    h.clock.set("2026-12-31T08:00:00.000Z");
    await h.sweep();
    await h.settled();
    const late = accounts.messages().filter((m) => /quá hạn báo cáo/.test(m.text ?? ""));
    expect(late).toHaveLength(1);
    expect(office.messages().filter((m) => /báo cáo/.test(m.text ?? ""))).toHaveLength(0);
  }, 60_000);

  it("T1: the bloc's /status shows each base committee with its tree's totals and its report due by 15/01, the base branch, and the bloc's own dates (20/01, 30/01)", async () => {
    h = await startHarness({ now: "2027-01-16T03:00:00.000Z" });
    const tree = await seedBlocTree(h.db);
    const second = await seedCommittee(h.db, { name: "Đảng ủy Sở Y tế", kind: "base-committee", parentId: tree.bloc.orgId });
    await seedBranch(h.db, { name: "Chi bộ Bệnh viện", parentId: second.orgId, members: [{ fullName: "Lý Văn Khoa", kind: "official" }] });
    await recordReport(h.db, { orgId: second.orgId, year: 2026, actorId: "seed" }, new Date("2027-01-12T03:00:00.000Z"));
    await recordReport(h.db, { orgId: tree.school.orgId, year: 2026, actorId: "seed" }, new Date("2026-12-31T03:00:00.000Z"));
    const bloc = h.user(TREE_PEOPLE.blocSecretary);
    await bloc.send("/status");
    const status = await bloc.waitForMessage(/Tình hình các đơn vị trực thuộc Đảng ủy Khối các cơ quan tỉnh/);
    expect(status.text).toContain("Tổng cộng 4 chi bộ: 10 đảng viên");
    expect(status.text).toContain("Đã báo cáo: 2/3 đơn vị.");
    expect(status.text).toContain("Đảng ủy Khối: thẩm định xong trước 23:59 19/01/2027, hội nghị tổng kết trước 23:59 29/01/2027.");
    expect(status.text).toContain("Báo cáo muộn hoặc quá hạn chưa báo cáo (2): Chi bộ cơ sở Trường Kim Đồng, Đảng ủy Sở Tài chính");
    expect(status.text).toMatch(/Đảng ủy Sở Tài chính \(2 chi bộ\): 6 đảng viên;.* — QUÁ HẠN chưa báo cáo \(hạn 23:59 14\/01\/2027\)/);
    expect(status.text).toMatch(/Đảng ủy Sở Y tế \(1 chi bộ\): 1 đảng viên;.* — đã báo cáo 10:00 12\/01\/2027/);
    expect(status.text).toMatch(
      /Chi bộ cơ sở Trường Kim Đồng: 3 đảng viên;.* — báo cáo muộn 10:00 31\/12\/2026 \(hạn 23:59 30\/12\/2026\)/,
    );

    // The base committee's secretary is reminded once that the bloc has not had its report.
    const base = h.user(TREE_PEOPLE.baseSecretary);
    await h.sweep();
    expect((await base.waitForMessage(/quá hạn báo cáo/)).text).toContain("Đảng ủy Sở Tài chính: đã quá hạn báo cáo");
  }, 60_000);
});
