import { describe, expect, it } from "vitest";
import { qd366_2025 } from "../../domain/rulebooks";
import { EXAMPLE_SCORE_ITEMS, validateScoreItems, type ScoreItem } from "../../domain/score-items";
import { translatorFor } from "./i18n";
import { itemErrorLines, itemLines, rowErrorLine, sourceWords } from "./score-items-words";

const t = translatorFor("vi");
const RULES = qd366_2025.score!;

describe("the words of a split of the points (N3)", () => {
  it("N3: a list that does not add up says which group, its sum and the rulebook's; an item without points is named by its place", () => {
    const items: ScoreItem[] = [
      ...EXAMPLE_SCORE_ITEMS["2C"].filter((i) => i.group === "general"),
      { id: "t1", group: "tasks", name: "Nhiệm vụ chi bộ giao", points: 0, graded: true },
    ];
    expect(itemErrorLines(t, items, validateScoreItems(items, RULES))).toEqual([
      "Mục 1 của nhóm kết quả thực hiện nhiệm vụ («Nhiệm vụ chi bộ giao»): số điểm phải là số nguyên lớn hơn 0.",
      "Nhóm kết quả thực hiện nhiệm vụ cộng được 0 điểm, phải đúng 70 điểm.",
    ]);
    expect(itemLines(t, items, RULES).at(-2)).toBe("Kết quả thực hiện nhiệm vụ: 1 mục, 0/70 điểm ⚠");
  });

  it("a row is named by its number and what is wrong; a code this version does not know still names its row", () => {
    expect(rowErrorLine(t, { row: 4, code: "bad-points", detail: "hai" })).toBe("Dòng 4: điểm «hai» phải là số nguyên lớn hơn 0.");
    expect(rowErrorLine(t, { row: 1, code: "missing-column", detail: "points" })).toBe("Dòng 1: thiếu cột «Điểm».");
    expect(rowErrorLine(t, { row: 7, code: "something-new" })).toBe("Dòng 7: chưa đọc được dòng này.");
    expect(rowErrorLine(t, { row: null, code: "group-total", form: "2B", group: "tasks", total: 60, expected: 70 })).toBe(
      "Mẫu 2B: nhóm kết quả thực hiện nhiệm vụ cộng được 60 điểm, phải đúng 70 điểm.",
    );
  });

  it("N3: where a list comes from, seen from the committee that reads it", () => {
    const list = { kind: "list", orgId: "a", orgName: "Đảng ủy Khối", version: 2, source: "imported" } as const;
    expect(sourceWords(t, list, "a")).toBe("phiên bản 2 của Đảng ủy Khối (nhập từ tệp Excel)");
    expect(sourceWords(t, list, "b")).toBe("của cấp ủy cấp trên Đảng ủy Khối, phiên bản 2 (nhập từ tệp Excel)");
    expect(sourceWords(t, { kind: "example" }, "a")).toMatch(/^theo ví dụ kèm quy định/);
  });
});
