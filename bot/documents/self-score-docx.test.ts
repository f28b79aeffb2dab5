// RULES-2025 N2, N3: the member's self-review on form 2A/2B/2C carries every part, the score per item with its totals,
// the tasks and the proposed level.
import { describe, expect, it } from "vitest";
import { EXAMPLE_SCORE_ITEMS } from "../../domain/score-items";
import { docxText } from "../../test/support/zip";
import { translatorFor } from "../kit/i18n";
import { type SelfScoreDocInput, selfScoreDocx } from "./self-score-docx";

const items = EXAMPLE_SCORE_ITEMS["2B"];
const input: SelfScoreDocInput = {
  form: "2B",
  fullName: "Nguyễn Văn An",
  issuer: { orgName: "Chi bộ Văn phòng", upperOrgName: "Đảng ủy Sở Tài chính" },
  year: 2026,
  quarter: 0,
  parts: {
    strengths: "Giữ vững lập trường.",
    "task-results": "Hoàn thành 12 nhiệm vụ.",
    pledge: "Thực hiện cam kết.",
    shortcomings: "Còn chậm báo cáo.",
    "earlier-fixes": "Đã sửa cách lập kế hoạch.",
    explanation: null,
    remedies: "Lập lịch công việc hằng tuần.",
  },
  fixStatus: "fixed",
  items,
  // Every general item but g17 (2 points) met: 28 of 30; tasks 25 + 20 + 15 = 60 of 70.
  scores: {
    ...Object.fromEntries(items.filter((i) => i.group === "general" && i.id !== "g17").map((i) => [i.id, i.points])),
    g17: 0,
    t1: 25,
    t2: 20,
    t3: 15,
  },
  tasks: { assigned: 12, onTime: 11, late: 1, notDone: 0, exceeded: 4 },
  proposed: "L2",
};

describe("the self-review of RULES-2025 as DOCX", () => {
  it("N2, N3: holds the form, every part in order, the item scores with the totals, the tasks and the proposed level", async () => {
    const words = docxText(await selfScoreDocx(translatorFor("vi"), input));
    expect(words).toContain("BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2026");
    expect(words).toContain("(Mẫu 2B)");
    const order = [
      "Giữ vững lập trường.",
      "Hoàn thành 12 nhiệm vụ.",
      "Thực hiện cam kết.",
      "Còn chậm báo cáo.",
      "Đã khắc phục.",
      "Lập lịch công việc",
    ];
    const positions = order.map((s) => words.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(words).toMatch(/Cộng tiêu chí chung\s*30\s*28/);
    expect(words).toMatch(/Cộng kết quả thực hiện nhiệm vụ\s*70\s*60/);
    expect(words).toMatch(/Tổng điểm\s*100\s*88/);
    expect(words).toContain("Được giao 12 nhiệm vụ: hoàn thành đúng tiến độ 11, chậm tiến độ 1, không hoàn thành 0; vượt mức 4.");
    expect(words).toContain("Đủ tư cách, hoàn thành tốt nhiệm vụ");
    expect(words).toContain("(chưa viết)"); // the explanation was not needed
  });

  it("N10: a quarter's self-assessment says which quarter", async () => {
    const words = docxText(await selfScoreDocx(translatorFor("en"), { ...input, quarter: 3 }));
    expect(words).toContain("SELF-ASSESSMENT, QUARTER 3 OF 2026");
  });
});
