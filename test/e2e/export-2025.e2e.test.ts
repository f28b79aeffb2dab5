// RULES-2025 N7, N12 in the chat: /export of a branch whose period runs under 366 sends the rating list with the
// scores (XLSX, DOCX) and the minutes of the branch meeting that appraised and proposed, not the ballot minutes;
// a 366 branch with nothing appraised yet is told to use /appraise. The 2011 export is tally.e2e.test.ts's.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_2025_DECISION_NOTE, seedDemoBranch2025 } from "../../scripts/render-documents/demo-branch-2025";
import { recordTally } from "../../store/tallies";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { docxText } from "../support/zip";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const SECRETARY = 502;
const L1 = "Hoàn thành xuất sắc nhiệm vụ";
const L2 = "Hoàn thành tốt nhiệm vụ";
const L3 = "Hoàn thành nhiệm vụ";
const flat = (docx: Uint8Array) => docxText(Buffer.from(docx)).replace(/\s+/g, " ");

describe("/export under 366 (N7, N12)", () => {
  it("sends the list with the scores, levels and the decision, and the branch meeting's minutes", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const seeded = await seedDemoBranch2025(h.db);
    // A ballot recorded as information: named in one line of the minutes, deciding nothing.
    const tally = { method: "hands" as const, official: 8, present: 8, valid: 8, votes: { L1: 8, L2: 0, L3: 0, L4: 0 } };
    const memberId = seeded.memberIds["Phạm Đức Thắng"]!;
    await recordTally(
      h.db,
      { periodId: seeded.periodId, memberId, slot: 1, tally, enteredById: seeded.userIds["Nguyễn Thị Thu Hường"]! },
      h.clock.now(),
    );

    const secretary = h.user(SECRETARY);
    await secretary.send("/export");
    const xlsx = await secretary.waitForMessage((m) => m.document?.fileName.endsWith(".xlsx") ?? false);
    const list = await secretary.waitForMessage((m) => m.document?.fileName === "danh-sach-xep-loai-2026.docx");
    const minutes = await secretary.waitForMessage((m) => m.document?.fileName.startsWith("bien-ban") ?? false);
    expect(xlsx.document!.fileName).toBe("danh-sach-xep-loai-2026.xlsx");
    expect(minutes.document!.fileName).toBe("bien-ban-hop-chi-bo-xet-xep-loai-2026.docx");
    expect(xlsx.document!.caption).toBe("Danh sách xếp loại đảng viên năm 2026 — Chi bộ Văn phòng Sở");
    expect(minutes.document!.caption).toBe("Biên bản họp chi bộ xét, đề nghị xếp loại chất lượng đảng viên năm 2026 — Chi bộ Văn phòng Sở");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.document!.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A3").value).toBe("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026");
    const rowOf = (name: string) => sheet.getRows(6, 20)!.find((r) => r.getCell(2).value === name)!;
    const cells = (name: string) => [3, 4, 5, 6, 7, 8, 9].map((c) => rowOf(name).getCell(c).value);
    expect(cells("Trần Quốc Việt")).toEqual(["2A", 92, L1, 88, L2, L2, L2]);
    expect(cells("Lê Thị Ánh Tuyết")).toEqual([
      "2B",
      82,
      L2,
      82,
      L2,
      L2,
      `${L3} (khác với đề nghị của chi bộ). Lý do: ${DEMO_2025_DECISION_NOTE}`,
    ]);

    const listText = flat(list.document!.bytes);
    expect(listText).toContain("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026");
    expect(listText).toContain(`Lê Thị Ánh Tuyết 2B 82 ${L2} 82 ${L2} ${L2} ${L3} (khác với đề nghị của chi bộ). Lý do:`);
    expect(listText).toContain("Nguyễn Thị Thu Hường 2A 95 Hoàn thành xuất sắc nhiệm vụ 95");

    const minutesText = flat(minutes.document!.bytes);
    expect(minutesText).toContain("BIÊN BẢN HỌP CHI BỘ Xét, đề nghị xếp loại chất lượng đảng viên năm 2026");
    expect(minutesText).toContain("Tổng số đảng viên của chi bộ: 9; thuộc diện đánh giá, xếp loại: 7; không đánh giá, xếp loại: 2.");
    expect(minutesText).toContain(`Phạm Đức Thắng 2B 76 76 ${L2} Không có ý kiến khác`);
    expect(minutesText).toContain("hoàn thành xuất sắc nhiệm vụ 1 đồng chí; hoàn thành tốt nhiệm vụ 3 đồng chí");
    expect(minutesText).toContain("không vượt quá 20% số đảng viên hoàn thành tốt nhiệm vụ trở lên");
    expect(minutesText).toContain("kết quả này chỉ để tham khảo, không dùng để quyết định mức xếp loại");
    expect(minutesText).not.toContain("KIỂM PHIẾU");
    expect(minutesText).toContain("THƯ KÝ (Ký, ghi rõ họ tên) CHỦ TRÌ (Ký, ghi rõ họ tên)");

    // /status reads the same branch: the appraisals counted, not the ballot recorded as information; the levels.
    await secretary.send("/status");
    const status = await secretary.waitForMessage(/Tình hình kiểm điểm — Chi bộ Văn phòng Sở/);
    expect(status.text).toContain("Đã thẩm định: 7\nĐã xếp loại: xuất sắc 1, tốt 2, hoàn thành 3, không hoàn thành 1");
    expect(status.text).toContain("kết nạp chưa đủ 6 tháng): 2");
  }, 120_000);

  it("a 366 branch with nothing appraised is told to use /appraise, not /tally", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    await seedBranch(h.db, {
      members: [{ fullName: "Trần Thị Bí Thư", kind: "official", telegramId: SECRETARY, roles: ["secretary"] }],
      rulebookId: "qd366-2025",
    });
    const secretary = h.user(SECRETARY);
    await secretary.send("/export");
    expect((await secretary.waitForMessage()).text).toBe(
      "Chưa có kết quả thẩm định để xuất. Đồng chí dùng /appraise để thẩm định, đề nghị xếp loại.",
    );
  }, 60_000);
});
