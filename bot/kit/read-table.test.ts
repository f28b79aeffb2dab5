import { describe, expect, it } from "vitest";
import { HISTORY_COLUMNS, historyExampleRows, parseHistoryTable } from "../../domain/reward-import";
import { historyTemplateXlsx } from "../documents/reward-lists-xlsx";
import { translatorFor } from "./i18n";
import { readTable } from "./read-table";

describe("an uploaded table (R4: the earlier years' import)", () => {
  it("R4: the template workbook reads back, headers and example rows, into rows without errors", async () => {
    const vi = translatorFor("vi");
    const headers = HISTORY_COLUMNS.map((c) => vi(`rewards.column.${c}`));
    const file = await historyTemplateXlsx(headers, historyExampleRows(2026), "Các năm trước");
    const table = await readTable(new Uint8Array(file), "mau.xlsx");
    if (typeof table === "string") throw new Error(table);
    expect(table.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(table[0]!.cells).toEqual(headers);
    const parsed = parseHistoryTable(table, 2026);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => [e.row, e.year, e.name, e.memberLevel ?? e.orgLevel])).toEqual([
      [2, 2025, "Nguyễn Văn An", "L1"],
      [3, 2025, "Chi bộ Văn phòng", "tsvm"],
    ]);
  });

  it("R4: a CSV keeps its line numbers; a damaged workbook and another file type are refused", async () => {
    const csv = await readTable(new TextEncoder().encode("Năm;Loại\n\n2025;đảng viên\n"), "a.csv");
    expect(csv).toEqual([
      { row: 1, cells: ["Năm", "Loại"] },
      { row: 3, cells: ["2025", "đảng viên"] },
    ]);
    expect(await readTable(new TextEncoder().encode("not a zip"), "a.xlsx")).toBe("unreadable");
    expect(await readTable(new Uint8Array([1, 2]), "a.pdf")).toBe("not-table");
  });
});
