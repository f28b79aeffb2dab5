// RULES-2025 N7, N12: a 366 branch's papers — the rating list with each step's score and level and the competent
// level's decision, and the minutes of the branch meeting that appraised and proposed — from a branch written by the
// real store (scripts/render-documents/demo-branch-2025.ts).
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { reason } from "../../domain";
import { DEMO_2025_DECISION_NOTE, seedDemoBranch2025 } from "../../scripts/render-documents/demo-branch-2025";
import { loadAppraisalPapers } from "../../store/appraisal-papers";
import { recordTally } from "../../store/tallies";
import { freshDb } from "../../test/support/db";
import { REVIEW_OFFSET, REVIEW_ZONE } from "../../test/support/time-zone";
import { docxText, readZipEntry } from "../../test/support/zip";
import { translatorFor } from "../kit/i18n";
import { appraisalListDocx, appraisalListXlsx, appraisalMinutesDocx } from "./appraisal-papers";
import { appraisalListPaper, appraisalMinutesParts } from "./appraisal-papers-words";

const t = translatorFor("vi");
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function demo() {
  const fresh = await freshDb();
  cleanup = fresh.cleanup;
  const seeded = await seedDemoBranch2025(fresh.db);
  const load = () => loadAppraisalPapers(fresh.db, seeded.periodId, seeded.now, REVIEW_OFFSET);
  return { db: fresh.db, seeded, load, papers: await load() };
}

const L1 = "Hoàn thành xuất sắc nhiệm vụ";
const L2 = "Hoàn thành tốt nhiệm vụ";
const L3 = "Hoàn thành nhiệm vụ";
const L4 = "Không hoàn thành nhiệm vụ";
const NOT_EVALUATED = "Không đánh giá, xếp loại";
const textOf = (docx: Buffer) => docxText(docx).replace(/\s+/g, " ").trim();

describe("the 366 rating list (N7, N12)", () => {
  it("N7: each line holds the self-score and level, the appraisal, the proposal and the decision where taken", async () => {
    const { papers } = await demo();
    const paper = appraisalListPaper(t, papers, "vi", REVIEW_ZONE);
    expect(paper.title).toBe("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026");
    expect(paper.header).toEqual([
      "STT",
      "Họ và tên",
      "Mẫu",
      "Điểm tự chấm",
      "Tự nhận mức xếp loại",
      "Điểm chi ủy thẩm định",
      "Mức theo kết quả thẩm định",
      "Chi bộ đề nghị",
      "Cấp có thẩm quyền quyết định",
      "Ghi chú",
    ]);
    const row = (name: string) => paper.rows.find((r) => r[1] === name)!;
    // Proposed, not yet decided: the decision's cell waits for the competent level.
    expect(row("Nguyễn Thị Thu Hường")).toEqual([1, "Nguyễn Thị Thu Hường", "2A", 95, L1, 95, L1, L1, "", ""]);
    // Recognized as proposed.
    expect(row("Trần Quốc Việt")).toEqual([2, "Trần Quốc Việt", "2A", 92, L1, 88, L2, L2, L2, ""]);
    // Decided otherwise: the decided level, that it differs, and the reason.
    expect(row("Lê Thị Ánh Tuyết").slice(2, 9)).toEqual([
      "2B",
      82,
      L2,
      82,
      L2,
      L2,
      `${L3} (khác với đề nghị của chi bộ). Lý do: ${DEMO_2025_DECISION_NOTE}`,
    ]);
  });

  it("N1, N5, N8: the notes say who is not evaluated and why, a special case, the grounds, a proposal's reason", async () => {
    const { papers } = await demo();
    const rows = appraisalListPaper(t, papers, "vi", REVIEW_ZONE).rows;
    const row = (name: string) => rows.find((r) => r[1] === name)!;
    expect(row("Ngô Thị Quỳnh Như").slice(3)).toEqual([
      "",
      "",
      "",
      "",
      NOT_EVALUATED,
      "",
      "Kết nạp ngày 02/09/2026, chưa đủ 6 tháng đến thời điểm kiểm điểm: không đánh giá, xếp loại.",
    ]);
    expect(row("Dương Văn Lượng")[7]).toBe(NOT_EVALUATED);
    expect(row("Dương Văn Lượng")[9]).toBe("Đảng viên được miễn công tác và sinh hoạt đảng: không đánh giá.");
    expect(row("Hoàng Văn Ứng")[9]).toBe("Trường hợp đặc biệt: nghỉ ốm từ 3 tháng trở lên, đánh giá theo thời gian công tác thực tế.");
    expect(row("Vũ Mạnh Cường").slice(6, 10)).toEqual([
      L4,
      L4,
      L4,
      "Căn cứ xếp loại không hoàn thành nhiệm vụ: vi phạm những điều đảng viên không được làm, gây hậu quả.",
    ]);
    // No self-score submitted: the committee's score only; the branch proposed lower, with its reason.
    expect(row("Đỗ Thị Ngọc Diệp").slice(3, 8)).toEqual(["", "", 78, L2, L3]);
    expect(row("Đỗ Thị Ngọc Diệp")[9]).toBe(
      "Chưa nộp bản tự kiểm điểm. Chi bộ đề nghị khác với mức theo điểm. Lý do: Không nộp bản tự kiểm điểm đúng thời hạn, tham gia sinh hoạt chi bộ chưa đầy đủ.",
    );
  });

  it("is a landscape DOCX and a workbook in the party's layout, signed for the committee by the secretary", async () => {
    const { papers } = await demo();
    const docx = await appraisalListDocx(t, papers, "vi", REVIEW_ZONE);
    const text = textOf(docx);
    expect(text.startsWith("ĐẢNG BỘ SỞ TÀI CHÍNH CHI BỘ VĂN PHÒNG SỞ * ĐẢNG CỘNG SẢN VIỆT NAM")).toBe(true);
    expect(text).toContain("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026");
    expect(text.endsWith("T/M CHI ỦY BÍ THƯ Nguyễn Thị Thu Hường")).toBe(true);
    expect(readZipEntry(docx, "word/document.xml")).toMatch(/w:orient="landscape"/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await appraisalListXlsx(t, papers, "vi", REVIEW_ZONE)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(sheet.getCell("A3").value).toBe("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026");
    expect(sheet.getRow(5).values).toContain("Cấp có thẩm quyền quyết định");
    expect(sheet.getCell("B8").value).toBe("Lê Thị Ánh Tuyết");
    expect(sheet.getCell("I8").value).toContain(DEMO_2025_DECISION_NOTE);
  });

  it("N6, M14: a level cut by the committee's cap says why; a revoked proposal reads «Không công nhận»", async () => {
    const { papers } = await demo();
    const [first, second] = papers.rows;
    const cap = reason("cap.committee-demoted", {
      cap: 2,
      base: 10,
      votes: 91,
      of: 100,
      percent: 20,
      by: "score",
      baseRule: "with-excellent",
      rounding: "floor",
    });
    const rows = [
      { ...first!, result: { state: "recognized" as const, outcome: { kind: "level" as const, level: "L2" as const, reasons: [cap] } } },
      { ...second!, result: { state: "revoked" as const, outcome: second!.result!.outcome } },
    ];
    const lines = appraisalListPaper(t, { ...papers, rows }, "vi", REVIEW_ZONE).rows;
    expect(lines[0]![7]).toBe(L1);
    expect(lines[0]![8]).toMatch(
      /^Hoàn thành tốt nhiệm vụ \(khác với đề nghị của chi bộ\)\. Số đảng viên hoàn thành xuất sắc nhiệm vụ trong toàn đảng bộ không được vượt quá 20%/,
    );
    expect(lines[1]![8]).toBe("Không công nhận");
  });

  it("N10: a quarter's list and minutes name the quarter", async () => {
    const { papers } = await demo();
    const quarter = { ...papers, quarter: 3 };
    expect(appraisalListPaper(t, quarter, "vi", REVIEW_ZONE).title).toBe(
      "DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN QUÝ 3 NĂM 2026",
    );
    expect(appraisalMinutesParts(t, quarter, "vi", REVIEW_ZONE).subtitle).toBe("Xét, đề nghị xếp loại chất lượng đảng viên quý 3 năm 2026");
  });
});

describe("the minutes of the branch meeting that appraised and proposed (N7)", () => {
  it("N1, N6, N7: the members, who is not evaluated and why, the counts per level proposed, the cap with its open points", async () => {
    const { papers } = await demo();
    const parts = appraisalMinutesParts(t, papers, "vi", REVIEW_ZONE);
    expect(parts.title).toBe("BIÊN BẢN HỌP CHI BỘ");
    expect(parts.subtitle).toBe("Xét, đề nghị xếp loại chất lượng đảng viên năm 2026");
    expect(parts.opening[0]).toContain(
      "Chi bộ Văn phòng Sở họp xét, đề nghị xếp loại chất lượng đảng viên năm 2026 theo Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025.",
    );
    expect(parts.summary).toEqual([
      "Tổng số đảng viên của chi bộ: 9; thuộc diện đánh giá, xếp loại: 7; không đánh giá, xếp loại: 2.",
      "Đồng chí Ngô Thị Quỳnh Như: Kết nạp ngày 02/09/2026, chưa đủ 6 tháng đến thời điểm kiểm điểm: không đánh giá, xếp loại.",
      "Đồng chí Dương Văn Lượng: Đảng viên được miễn công tác và sinh hoạt đảng: không đánh giá.",
    ]);
    expect(parts.header).toEqual([
      "STT",
      "Họ và tên",
      "Mẫu",
      "Điểm tự chấm",
      "Điểm chi ủy thẩm định",
      "Chi bộ đề nghị",
      "Ý kiến của hội nghị chi bộ",
    ]);
    const row = (name: string) => parts.rows.find((r) => r[1] === name)!;
    expect(row("Trần Quốc Việt")).toEqual([
      2,
      "Trần Quốc Việt",
      "2A",
      92,
      88,
      L2,
      "Nhất trí với chi ủy: điểm thẩm định dưới 90 do chưa có sản phẩm vượt mức đủ tỷ lệ.",
    ]);
    expect(row("Phạm Đức Thắng")[6]).toBe("Không có ý kiến khác");
    expect(row("Dương Văn Lượng").slice(5)).toEqual([NOT_EVALUATED, ""]);
    // The branch's proposals, not the decisions: Tuyết stays «tốt» here although decided «hoàn thành».
    expect(parts.counts[0]).toBe(
      "Chi bộ đề nghị: hoàn thành xuất sắc nhiệm vụ 1 đồng chí; hoàn thành tốt nhiệm vụ 3 đồng chí; hoàn thành nhiệm vụ 2 đồng chí; không hoàn thành nhiệm vụ 1 đồng chí; chưa đề nghị 0 đồng chí.",
    );
    expect(parts.counts[1]).toBe(
      "Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số đảng viên hoàn thành tốt nhiệm vụ trở lên (tính cả đảng viên hoàn thành xuất sắc, theo lựa chọn của kỳ đánh giá), làm tròn xuống theo lựa chọn của kỳ đánh giá. Theo đề nghị của chi bộ, cơ sở tính là 4 đồng chí, tối đa 0 đồng chí; chi bộ đề nghị 1 đồng chí. Cấp có thẩm quyền áp dụng tỷ lệ này khi quyết định xếp loại, tính chung trong đảng bộ. Số đề nghị vượt tỷ lệ này: cấp có thẩm quyền xem xét khi quyết định.",
    );
    expect(parts.counts).toHaveLength(2);
  });

  it("N6 open points: an outstanding unit's 25%, a base without the excellent and rounding to the nearest are named", async () => {
    const { db, seeded, load } = await demo();
    const openPoints = { outstandingUnit: true, capBaseIncludesExcellent: false, capRounding: "nearest" };
    await db.reviewPeriod.update({ where: { id: seeded.periodId }, data: { openPoints: JSON.stringify(openPoints) } });
    const cap = appraisalMinutesParts(t, await load(), "vi", REVIEW_ZONE).counts[1];
    // Base: the three proposed «tốt»; 25% of 3 to the nearest is 1.
    expect(cap).toBe(
      "Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá 25% số đảng viên hoàn thành tốt nhiệm vụ (không tính đảng viên hoàn thành xuất sắc, theo lựa chọn của kỳ đánh giá), làm tròn đến số gần nhất theo lựa chọn của kỳ đánh giá. Theo đề nghị của chi bộ, cơ sở tính là 3 đồng chí, tối đa 1 đồng chí; chi bộ đề nghị 1 đồng chí. Cấp có thẩm quyền áp dụng tỷ lệ này khi quyết định xếp loại, tính chung trong đảng bộ.",
    );
  });

  it("N7: a ballot recorded in the period is information only, said in one line", async () => {
    const { db, seeded, load } = await demo();
    const memberId = seeded.memberIds["Phạm Đức Thắng"]!;
    const tally = { method: "secret" as const, official: 8, present: 8, valid: 8, votes: { L1: 0, L2: 0, L3: 0, L4: 8 } };
    await recordTally(
      db,
      { periodId: seeded.periodId, memberId, slot: 1, tally, enteredById: seeded.userIds["Nguyễn Thị Thu Hường"]! },
      seeded.now,
    );
    const parts = appraisalMinutesParts(t, await load(), "vi", REVIEW_ZONE);
    expect(parts.counts[2]).toBe(
      "Chi bộ có ghi lại kết quả biểu quyết; kết quả này chỉ để tham khảo, không dùng để quyết định mức xếp loại.",
    );
    // The ballot decides nothing: the member's line keeps the branch's proposal.
    expect(parts.rows.find((r) => r[1] === "Phạm Đức Thắng")![5]).toBe(L2);
    expect(parts.header.join(" ")).not.toMatch(/phiếu/i);
  });

  it("is a DOCX in the party's layout, signed by the clerk and the chair by hand, with no ballot words", async () => {
    const { papers } = await demo();
    const text = textOf(await appraisalMinutesDocx(t, papers, "vi", REVIEW_ZONE));
    expect(text.startsWith("ĐẢNG BỘ SỞ TÀI CHÍNH CHI BỘ VĂN PHÒNG SỞ * ĐẢNG CỘNG SẢN VIỆT NAM")).toBe(true);
    expect(text).toContain("BIÊN BẢN HỌP CHI BỘ Xét, đề nghị xếp loại chất lượng đảng viên năm 2026");
    expect(text).toContain("II. KẾT QUẢ THẨM ĐỊNH VÀ ĐỀ NGHỊ XẾP LOẠI");
    expect(text.endsWith("THƯ KÝ (Ký, ghi rõ họ tên) CHỦ TRÌ (Ký, ghi rõ họ tên)")).toBe(true);
    expect(text).not.toContain("KIỂM PHIẾU");
  });

  it("reads in English with every word translated", async () => {
    const { papers } = await demo();
    const en = translatorFor("en");
    const list = textOf(await appraisalListDocx(en, papers, "en", REVIEW_ZONE));
    const minutes = textOf(await appraisalMinutesDocx(en, papers, "en", REVIEW_ZONE));
    expect(list).toContain("PARTY MEMBERS' REVIEW AND RATING LIST, 2026");
    expect(minutes).toContain("MINUTES OF THE BRANCH MEETING");
    for (const text of [list, minutes]) expect(text).not.toMatch(/docs\.|appraisal\.|rating\./);
  });
});
