// Issue 12 point 5: a committee's report to the level above, parsed (never rendered): the letterhead lines, the tables
// of members by level with numbers and percentages, organizations by level, the exemplary lists, the reward proposals.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../store/client";
import { createOrganization } from "../../store/orgs";
import { recognizeResults } from "../../store/recognition";
import { loadCommitteeReport, type RewardLine } from "../../store/report-data";
import { seedProposedResults, seedBranch } from "../../test/support/seed";
import { seedBlocTree } from "../../test/support/seed-committee";
import { freshDb } from "../../test/support/db";
import { REVIEW_ZONE } from "../../test/support/time-zone";
import { docxText } from "../../test/support/zip";
import { translatorFor } from "../kit/i18n";
import { committeeReportDocx } from "./committee-report-docx";
import type { ReportPaper } from "./committee-report-rows";
import { committeeReportXlsx } from "./committee-report-xlsx";

const vi = translatorFor("vi");
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function tree() {
  const fresh = await freshDb();
  cleanup = fresh.cleanup;
  return { db: fresh.db, ...(await seedBlocTree(fresh.db)) };
}

const textOf = (docx: Buffer) => docxText(docx).replace(/\s+/g, " ").trim();
const DATE = "2027-01-10T03:00:00.000Z";

async function paperOf(db: Db, orgId: string, rewards: RewardLine[] = [], signed = true): Promise<ReportPaper> {
  return {
    report: await loadCommitteeReport(db, orgId, 2026),
    rewards,
    heading: signed ? { number: "12-BC/ĐU", place: "Hà Nội", date: DATE } : { number: null, place: null, date: DATE },
    signer: { name: signed ? "Trần Văn Bình" : null, title: signed ? "secretary" : "deputy" },
  };
}

/** The rows of a workbook's sheet as text cells, empty rows dropped. */
async function sheetRows(xlsx: Buffer, index: number): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[index]!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
    rows.push(values);
  });
  return rows;
}

describe("a base committee's report (D, C.III.7)", () => {
  it("heads the DOCX with the bloc's party organization, the committee, its number, place and date, and signs it for the committee", async () => {
    const { db, base } = await tree();
    const text = textOf(await committeeReportDocx(vi, await paperOf(db, base.orgId), REVIEW_ZONE));
    expect(
      text.startsWith(
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH ĐẢNG ỦY SỞ TÀI CHÍNH * Số: 12-BC/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 10 tháng 01 năm 2027 BÁO CÁO Kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và đề nghị khen thưởng năm 2026",
      ),
    ).toBe(true);
    expect(text.endsWith("T/M ĐẢNG ỦY BÍ THƯ Trần Văn Bình")).toBe(true);
  });

  it("leaves the number, place and signer's name to be written by hand when none is stored", async () => {
    const { db, base } = await tree();
    const text = textOf(await committeeReportDocx(vi, await paperOf(db, base.orgId, [], false), REVIEW_ZONE));
    expect(text).toContain("Số: -BC/ĐU");
    expect(text).toContain("……………, ngày 10 tháng 01 năm 2027");
    expect(text.endsWith("T/M ĐẢNG ỦY PHÓ BÍ THƯ (Ký, ghi rõ họ tên)")).toBe(true);
  });

  it("counts members by level per branch with the percentages of those rated, recognized results only", async () => {
    const { db, base } = await tree();
    const paper = await paperOf(db, base.orgId);
    const text = textOf(await committeeReportDocx(vi, paper, REVIEW_ZONE));
    expect(text).toContain(
      "Tổng số đảng viên: 6; được đánh giá, xếp loại: 4; miễn đánh giá: 1; vắng mặt, đánh giá sau: 1. Trong số được đánh giá: hoàn thành xuất sắc nhiệm vụ 1 (25,0%); hoàn thành tốt nhiệm vụ 2 (50,0%); hoàn thành nhiệm vụ 0 (0,0%); không hoàn thành nhiệm vụ 0 (0,0%); chưa có kết quả được công nhận 1.",
    );
    // STT, unit, total, exempt, deferred, rated, then each level and its share, not recognized, the branch's rating.
    expect(text).toContain("1 Chi bộ Kế toán 4 1 0 3 1 33,3% 1 33,3% 0 0,0% 0 0,0% 1 Trong sạch, vững mạnh (tiêu biểu)");
    expect(text).toContain("2 Chi bộ Văn phòng 2 0 1 1 0 0,0% 1 100,0% 0 0,0% 0 0,0% 0 Hoàn thành tốt nhiệm vụ");
    expect(text).toContain("Tổng cộng 6 1 1 4 1 25,0% 2 50,0% 0 0,0% 0 0,0% 1");
    const rows = await sheetRows(await committeeReportXlsx(vi, paper, REVIEW_ZONE), 0);
    expect(rows[0]).toContain("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH");
    expect(rows[0]).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(rows.flat()).toContain("Hà Nội, ngày 10 tháng 01 năm 2027");
    expect(rows.find((r) => r[1] === "Chi bộ Kế toán")).toEqual([
      "1",
      "Chi bộ Kế toán",
      "4",
      "1",
      "0",
      "3",
      "1",
      "33,3%",
      "1",
      "33,3%",
      "0",
      "0,0%",
      "0",
      "0,0%",
      "1",
      "Trong sạch, vững mạnh (tiêu biểu)",
    ]);
  });

  it("lists the exemplary branch and the members rated excellent and recognized, and says honestly that no reward is proposed", async () => {
    const { db, base } = await tree();
    const text = textOf(await committeeReportDocx(vi, await paperOf(db, base.orgId), REVIEW_ZONE));
    expect(text).toContain("III. TỔ CHỨC ĐẢNG TRONG SẠCH, VỮNG MẠNH TIÊU BIỂU STT Tổ chức đảng Loại 1 Chi bộ Kế toán Chi bộ IV.");
    expect(text).toContain("IV. ĐẢNG VIÊN ĐỦ TƯ CÁCH, HOÀN THÀNH XUẤT SẮC NHIỆM VỤ STT Họ và tên Đơn vị 1 Nguyễn Văn An Chi bộ Kế toán V.");
    expect(text).toContain("V. ĐỀ NGHỊ KHEN THƯỞNG Không có đề nghị khen thưởng.");
  });

  it("lists the reward proposals it is given, money written the Vietnamese way", async () => {
    const { db, base } = await tree();
    const rewards: RewardLine[] = [
      { reward: "base.exemplary-branch", recipient: "Chi bộ Kế toán", unit: "Đảng ủy Sở Tài chính", moneyDong: 894_000 },
      { reward: "base.excellent-member", recipient: "Nguyễn Văn An", unit: "Chi bộ Kế toán", moneyDong: null },
    ];
    const paper = await paperOf(db, base.orgId, rewards);
    const text = textOf(await committeeReportDocx(vi, paper, REVIEW_ZONE));
    expect(text).toContain(
      "V. ĐỀ NGHỊ KHEN THƯỞNG STT Hình thức khen thưởng Tập thể, cá nhân Đơn vị Tiền thưởng (đồng) 1 Giấy khen của Đảng ủy cơ sở: chi bộ trong sạch, vững mạnh tiêu biểu Chi bộ Kế toán Đảng ủy Sở Tài chính 894.000 2 Giấy khen của Đảng ủy cơ sở: đảng viên hoàn thành xuất sắc nhiệm vụ Nguyễn Văn An Chi bộ Kế toán T/M",
    );
    expect(text).not.toContain("Không có đề nghị khen thưởng");
    const sheet = await sheetRows(await committeeReportXlsx(vi, paper, REVIEW_ZONE), 4);
    expect(sheet.find((r) => r[0] === "1")).toEqual([
      "1",
      "Giấy khen của Đảng ủy cơ sở: chi bộ trong sạch, vững mạnh tiêu biểu",
      "Chi bộ Kế toán",
      "Đảng ủy Sở Tài chính",
      "894.000",
    ]);
  });
});

describe("the bloc's report", () => {
  it("aggregates each base committee's whole tree under it, beside the standalone base branch", async () => {
    const { db, bloc } = await tree();
    const paper = await paperOf(db, bloc.orgId);
    expect(paper.report.units.map((u) => [u.name, u.depth, u.members.total])).toEqual([
      ["Chi bộ cơ sở Trường Kim Đồng", 1, 3],
      ["Đảng ủy Sở Tài chính", 1, 6],
      ["Chi bộ Kế toán", 2, 4],
      ["Chi bộ Văn phòng", 2, 2],
    ]);
    const text = textOf(await committeeReportDocx(vi, paper, REVIEW_ZONE));
    expect(text.startsWith("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH * Số: 12-BC/ĐU ĐẢNG CỘNG SẢN VIỆT NAM")).toBe(true);
    expect(text).toContain("2 Đảng ủy Sở Tài chính 6 1 1 4 1 25,0% 2 50,0% 0 0,0% 0 0,0% 1 Chưa công nhận");
    expect(text).toContain("Tổng cộng 9 1 1 7 2 28,6% 4 57,1% 0 0,0% 0 0,0% 1");
    // Organizations by level: the TCCSĐ (one not recognized yet) and the branches under them.
    expect(text).toContain("Tổ chức cơ sở đảng 2 1 50,0% 0 0,0% 0 0,0% 0 0,0% 0 1");
    expect(text).toContain("Chi bộ trực thuộc 2 1 50,0% 1 50,0% 0 0,0% 0 0,0% 1 0");
    expect(text).toContain("1 Nguyễn Văn An Chi bộ Kế toán 2 Đỗ Thị Giang Chi bộ cơ sở Trường Kim Đồng");
  });

  it("writes the same report in English", async () => {
    const { db, bloc } = await tree();
    const text = textOf(await committeeReportDocx(translatorFor("en"), await paperOf(db, bloc.orgId), REVIEW_ZONE));
    expect(text).toContain("Hà Nội, 10/01/2027 REPORT");
    expect(text).toContain("Total 9 1 1 7 2 28.6% 4 57.1%");
    expect(text).toContain("V. REWARD PROPOSALS No reward proposals.");
  });
});

describe("a base committee's report under the 366 rules (RULES-2025)", () => {
  it("N1, NO1: the suspended and the recently admitted without a result are not evaluated; the 366 words, no absence or tiêu biểu columns", async () => {
    const fresh = await freshDb();
    cleanup = fresh.cleanup;
    const db = fresh.db;
    const base = await createOrganization(db, { name: "Đảng ủy Sở Xây dựng", kind: "base-committee" }, null, new Date(DATE));
    const names = ["An", "Bình", "Cường", "Dung"];
    const b = await seedBranch(db, {
      name: "Chi bộ Kế hoạch",
      parentId: base.id,
      rulebookId: "qd366-2025",
      members: names.map((fullName) => ({ fullName, kind: "official" as const })),
    });
    await db.member.update({ where: { id: b.memberIds.Cường! }, data: { suspended: true } });
    await db.member.update({ where: { id: b.memberIds.Dung! }, data: { admittedOn: new Date("2026-09-01T00:00:00Z") } });
    await seedProposedResults(db, { periodId: b.periodId, memberIds: { An: b.memberIds.An!, Bình: b.memberIds.Bình! } });
    await recognizeResults(db, { periodId: b.periodId, actorId: "u" }, new Date(DATE));
    const report = await loadCommitteeReport(db, base.id, 2026);
    expect(report.procedure).toBe("appraisal");
    expect(report.total).toMatchObject({ total: 4, exempt: 2, evaluated: 2, unrecognized: 0 });

    const paper: ReportPaper = {
      report,
      rewards: [],
      heading: { number: null, place: null, date: DATE },
      signer: { name: null, title: "secretary" },
    };
    const text = textOf(await committeeReportDocx(vi, paper, REVIEW_ZONE));
    expect(text).toContain("không đánh giá (miễn, đình chỉ sinh hoạt, kết nạp chưa đủ 6 tháng): 2");
    expect(text).toContain("IV. ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ");
    expect(text).toContain("III. TỔ CHỨC ĐẢNG HOÀN THÀNH XUẤT SẮC NHIỆM VỤ");
    expect(text).not.toContain("Đánh giá sau");
    expect(text).not.toContain("Trong đó tiêu biểu");
    expect(text).not.toContain("Trong sạch");
    const members = await sheetRows(await committeeReportXlsx(vi, paper, REVIEW_ZONE), 0);
    const header = members.find((row) => row.includes("Tổng số đảng viên"))!;
    expect(header.slice(0, 5)).toEqual(["STT", "Tổ chức đảng", "Tổng số đảng viên", "Không đánh giá", "Được đánh giá"]);
  });
});
