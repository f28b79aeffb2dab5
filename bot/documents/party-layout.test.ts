// Issue 11: the papers follow the party's layout (DESIGN.md, "Words"): the issuing organization in capitals at the
// top left under the one above it, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined at the top right, place and date, the title,
// and the signature of the body that issues the paper; A4 pages in Times New Roman.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { seedDemoBranch } from "../../scripts/render-documents/demo-branch";
import { loadBranchPapers, loadIssuer } from "../../store/documents-data";
import { getReview } from "../../store/reviews";
import { freshDb } from "../../test/support/db";
import { REVIEW_ZONE } from "../../test/support/time-zone";
import { docxText, readZipEntry } from "../../test/support/zip";
import { translatorFor } from "../kit/i18n";
import { ballotMinutesDocx, ratingListDocx, ratingListXlsx } from "./branch-papers";
import { issuerLines } from "./letterhead";
import { selfReviewDocx } from "./self-review-docx";
import { REVIEW_OFFSET } from "../../test/support/time-zone";

const t = translatorFor("vi");
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function demo() {
  const fresh = await freshDb();
  cleanup = fresh.cleanup;
  const seeded = await seedDemoBranch(fresh.db);
  return { db: fresh.db, ...seeded, papers: await loadBranchPapers(fresh.db, seeded.periodId, seeded.now, REVIEW_OFFSET) };
}

/** The visible text, blank lines and signing room as one space. */
const textOf = (docx: Buffer) => docxText(docx).replace(/\s+/g, " ").trim();

const HEADING = "ĐẢNG BỘ SỞ TÀI CHÍNH CHI BỘ VĂN PHÒNG SỞ * ĐẢNG CỘNG SẢN VIỆT NAM ……………, ngày …… tháng …… năm ……";

describe("the party's layout of the papers", () => {
  it("names the upper organization as a party organization, both in capitals, never adding «Chi bộ»", () => {
    expect(issuerLines({ orgName: "Chi bộ Văn phòng Sở", upperOrgName: "Đảng ủy Sở Tài chính" })).toEqual({
      upper: "ĐẢNG BỘ SỞ TÀI CHÍNH",
      org: "CHI BỘ VĂN PHÒNG SỞ",
    });
    expect(issuerLines({ orgName: "Chi bộ cơ sở Trường Tiểu học Kim Đồng", upperOrgName: null })).toEqual({
      upper: null,
      org: "CHI BỘ CƠ SỞ TRƯỜNG TIỂU HỌC KIM ĐỒNG",
    });
  });

  it("heads the rating list with the issuer and signs it for the branch committee by its secretary, by name", async () => {
    const { papers } = await demo();
    expect(papers).toMatchObject({
      orgName: "Chi bộ Văn phòng Sở",
      upperOrgName: "Đảng ủy Sở Tài chính",
      secretaryName: "Nguyễn Thị Thu Hường",
    });
    const docx = await ratingListDocx(t, papers, "vi", REVIEW_ZONE);
    const text = textOf(docx);
    expect(text.startsWith(`${HEADING} DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026`)).toBe(true);
    expect(text.endsWith("T/M CHI ỦY BÍ THƯ Nguyễn Thị Thu Hường")).toBe(true);
    expect(text).not.toContain("Chi bộ: ");
    expect(text).not.toContain("THƯ KÝ");
    const xml = readZipEntry(docx, "word/document.xml");
    expect(xml).toMatch(/<w:u [^>]*\/>(?:(?!<\/w:r>).)*ĐẢNG CỘNG SẢN VIỆT NAM/s);
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml).not.toMatch(/w:rFonts w:ascii="(?!Times New Roman)/);
  });

  it("lays the XLSX out the same way, for A4 landscape one page wide", async () => {
    const { papers } = await demo();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ratingListXlsx(t, papers, "vi", REVIEW_ZONE)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.getCell("A1").value, sheet.getCell("A2").value]).toEqual(["ĐẢNG BỘ SỞ TÀI CHÍNH", "CHI BỘ VĂN PHÒNG SỞ"]);
    expect([sheet.getCell("D1").value, sheet.getCell("D2").value]).toEqual(["ĐẢNG CỘNG SẢN VIỆT NAM", "……………, ngày …… tháng …… năm ……"]);
    expect(sheet.getCell("D1").font.underline).toBe(true);
    expect(sheet.getCell("B6").font.name).toBe("Times New Roman");
    const signature = sheet.getColumn(5).values.slice(6 + papers.rows.length);
    expect(signature.filter(Boolean)).toEqual(["T/M CHI ỦY", "BÍ THƯ", "Nguyễn Thị Thu Hường"]);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
  });

  it("signs the minutes by the counters, the clerk and the chair side by side, names by hand", async () => {
    const { papers } = await demo();
    const text = textOf(await ballotMinutesDocx(t, papers));
    expect(text.startsWith(`${HEADING} BIÊN BẢN KIỂM PHIẾU`)).toBe(true);
    const hint = "(Ký, ghi rõ họ tên)";
    expect(text.endsWith(`TỔ KIỂM PHIẾU ${hint} THƯ KÝ ${hint} ${t("docs.sign.chair")} ${hint}`)).toBe(true);
  });

  it("heads the member's self-review with the branch and has the member sign it by name", async () => {
    const { db, periodId, authorId } = await demo();
    const review = (await getReview(db, periodId, authorId))!;
    const issuer = await loadIssuer(db, (await db.member.findUniqueOrThrow({ where: { id: authorId } })).orgId);
    const docx = await selfReviewDocx(t, { review, fullName: "Lê Thị Ánh Tuyết", issuer, year: 2026 });
    const text = textOf(docx);
    expect(text.startsWith(`${HEADING} BẢN TỰ KIỂM ĐIỂM CỦA ĐẢNG VIÊN NĂM 2026 Họ và tên: Lê Thị Ánh Tuyết`)).toBe(true);
    expect(text.endsWith("NGƯỜI TỰ KIỂM ĐIỂM Lê Thị Ánh Tuyết")).toBe(true);
    expect(readZipEntry(docx, "word/document.xml")).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });
});
