import { describe, expect, it } from "vitest";
import { EXAMPLE_SCORE_ITEMS } from "./score-items";
import { MAX_SCORE_ITEM_ROWS, parseScoreItemTable, scoreItemRows, scoreItemsFromText } from "./score-items-import";
import { qd366_2025 } from "./rulebooks/index";
import { scoreRules } from "./score-rating";

const table = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));
const VI_HEADER = ["Nhóm", "Nội dung", "Điểm", "Chấm theo mức"];
/** A complete split: general 20 + 10, tasks 70. */
const ROWS = [
  ["chung", "Chính trị, tư tưởng", "20", ""],
  ["Chung", "Tự phê bình", "10", "không"],
  ["nhiệm vụ", "Kết quả thực hiện nhiệm vụ", "70", "có"],
];
const EXPECTED = [
  { id: "g1", group: "general", name: "Chính trị, tư tưởng", points: 20, graded: false },
  { id: "g2", group: "general", name: "Tự phê bình", points: 10, graded: false },
  { id: "t1", group: "tasks", name: "Kết quả thực hiện nhiệm vụ", points: 70, graded: true },
];

describe("N3: a committee's score items from a table", () => {
  it("N3: Vietnamese headers, no form column: one list for every form, ids g1… t1… in row order", () => {
    expect(parseScoreItemTable(table(VI_HEADER, ...ROWS))).toEqual({ ok: true, lists: { "*": EXPECTED } });
  });

  it("N3: English headers in another order, words in English, without diacritics or in capitals", () => {
    const rows = table(
      ["Points", "Graded", "Item", "Group (general / tasks)"],
      ["20", "no", "Chính trị, tư tưởng", "GENERAL"],
      ["10", "", "Tự phê bình", "general"],
      ["70", "yes", "Kết quả thực hiện nhiệm vụ", "tasks"],
    );
    expect(parseScoreItemTable(rows)).toEqual({ ok: true, lists: { "*": EXPECTED } });
    const folded = table(["nhom", "noi dung", "diem", "cham theo muc"], ["chung", "A", "30", "x"], ["nhiem vu", "B", "70", "co"]);
    expect(parseScoreItemTable(folded)).toMatchObject({
      ok: true,
      lists: { "*": [{ group: "general", graded: true }, { group: "tasks" }] },
    });
  });

  it("N2, N3: a form column splits the lists; «2A, 2B» puts a row in both; blank or * is every form", () => {
    const rows = table(
      [...VI_HEADER, "Mẫu"],
      ["chung", "Chung cho 2A và 2B", "30", "", "2A, 2B"],
      ["nhiệm vụ", "Nhiệm vụ 2A", "70", "có", "mẫu 2A"],
      ["nhiệm vụ", "Nhiệm vụ 2B", "70", "có", "2b"],
      ["chung", "Chung", "30", "", "*"],
      ["nhiệm vụ", "Nhiệm vụ", "70", "có", ""],
    );
    const parsed = parseScoreItemTable(rows);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.keys(parsed.lists).sort()).toEqual(["*", "2A", "2B"]);
    expect(parsed.lists["2A"]!.map((i) => i.name)).toEqual(["Chung cho 2A và 2B", "Nhiệm vụ 2A"]);
    expect(parsed.lists["2B"]!.map((i) => i.name)).toEqual(["Chung cho 2A và 2B", "Nhiệm vụ 2B"]);
    expect(parsed.lists["*"]!.map((i) => i.id)).toEqual(["g1", "t1"]);
  });

  it("N3: each list must make 30 + 70 (the rulebook's), said per form and group", () => {
    const rows = table(
      [...VI_HEADER, "Form"],
      ["chung", "A", "30", "", "2C"],
      ["nhiệm vụ", "B", "60", "có", "2C"],
      ["chung", "C", "30", "", "2A"],
    );
    expect(parseScoreItemTable(rows)).toEqual({
      ok: false,
      errors: [
        { row: null, error: "empty-group", form: "2A", group: "tasks" },
        { row: null, error: "group-total", form: "2C", group: "tasks", total: 60, expected: 70 },
      ],
    });
    const other = { ...scoreRules(qd366_2025), generalMax: 40, taskMax: 60 };
    expect(parseScoreItemTable(table(VI_HEADER, ["chung", "A", "40", ""], ["nhiệm vụ", "B", "60", "có"]), other).ok).toBe(true);
  });

  it("N3: every wrong row is reported with its number, and nothing is returned to save", () => {
    const rows = table(
      [...VI_HEADER, "Mẫu"],
      ["khác", "A", "2", "", ""],
      ["chung", "  ", "2", "", ""],
      ["chung", "B", "2,5", "", ""],
      ["chung", "C", "0", "", ""],
      ["chung", "D", "2", "có thể", ""],
      ["chung", "E", "2", "", "2D"],
      ["chung", "x".repeat(301), "2", "", ""],
      ["chung", "F", "30", "", ""],
      ["chung", "f", "30", "", "*"],
      ["nhiệm vụ", "F", "70", "có", ""],
    );
    expect(parseScoreItemTable(rows)).toEqual({
      ok: false,
      errors: [
        { row: 2, error: "bad-group", detail: "khác" },
        { row: 3, error: "no-name" },
        { row: 4, error: "bad-points", detail: "2,5" },
        { row: 5, error: "bad-points", detail: "0" },
        { row: 6, error: "bad-graded", detail: "có thể" },
        { row: 7, error: "bad-form", detail: "2D" },
        { row: 8, error: "name-too-long", detail: "300" },
        { row: 10, error: "duplicate", detail: "9" },
      ],
    });
  });

  it("a missing column, an empty table, a table too long", () => {
    expect(parseScoreItemTable(table(["Nhóm", "Nội dung", "Mẫu"]))).toEqual({
      ok: false,
      errors: [
        { row: 1, error: "missing-column", detail: "points" },
        { row: 1, error: "missing-column", detail: "graded" },
      ],
    });
    expect(parseScoreItemTable([])).toEqual({ ok: false, errors: [{ row: 1, error: "empty" }] });
    expect(parseScoreItemTable(table(VI_HEADER, ["", " ", "", ""]))).toEqual({ ok: false, errors: [{ row: 1, error: "empty" }] });
    const long = table(VI_HEADER, ...Array.from({ length: MAX_SCORE_ITEM_ROWS + 1 }, (_, i) => ["chung", `I${i}`, "1", ""]));
    expect(parseScoreItemTable(long)).toEqual({ ok: false, errors: [{ row: 1, error: "too-many", detail: String(MAX_SCORE_ITEM_ROWS) }] });
  });

  it("blank rows are skipped and keep the numbers the person sees", () => {
    const rows = [
      { row: 1, cells: VI_HEADER },
      { row: 2, cells: ROWS[0]! },
      { row: 3, cells: ["", "", "", ""] },
      { row: 7, cells: ["chung", "Tự phê bình", "1O", ""] },
    ];
    expect(parseScoreItemTable(rows)).toEqual({ ok: false, errors: [{ row: 7, error: "bad-points", detail: "1O" }] });
  });

  it("N3: the example lists written as rows read back as the same lists", () => {
    const rows = [...scoreItemRows(EXAMPLE_SCORE_ITEMS["2A"], "2A"), ...scoreItemRows(EXAMPLE_SCORE_ITEMS["2C"], "2C")];
    const parsed = parseScoreItemTable(table(["Group", "Item", "Points", "Graded", "Form"], ...rows));
    expect(parsed).toEqual({ ok: true, lists: { "2A": EXAMPLE_SCORE_ITEMS["2A"], "2C": EXAMPLE_SCORE_ITEMS["2C"] } });
  });
});

describe("N3: score items from pasted lines", () => {
  it("N3: «nhóm | nội dung | điểm | mức», the fourth field optional, tabs as well", () => {
    const text = "chung | Chính trị, tư tưởng | 20\nchung\tTự phê bình\t10\tkhông\n\nnhiệm vụ | Kết quả thực hiện nhiệm vụ | 70 | có\n";
    expect(scoreItemsFromText(text)).toEqual({ ok: true, lists: { "*": EXPECTED } });
  });

  it("N3: a fifth field is the form; a first line of headers is read as headers", () => {
    const text = "Nhóm | Nội dung | Điểm | Chấm theo mức | Mẫu\nchung | A | 30 | | 2C\nnhiệm vụ | B | 70 | có | 2C";
    expect(scoreItemsFromText(text)).toMatchObject({ ok: true, lists: { "2C": [{ id: "g1" }, { id: "t1" }] } });
    expect(scoreItemsFromText("chung | A | 30 | | 2C\nnhiệm vụ | B | 70 | có | 2C")).toMatchObject({ ok: true, lists: { "2C": [{}, {}] } });
  });

  it("wrong lines are reported by line number; an empty text is empty", () => {
    expect(scoreItemsFromText("\nchung | A | 30\nnhiệm vụ - B - 70")).toEqual({
      ok: false,
      errors: [{ row: 3, error: "bad-group", detail: "nhiệm vụ - B - 70" }],
    });
    expect(scoreItemsFromText(" \n\n")).toEqual({ ok: false, errors: [{ row: 1, error: "empty" }] });
    expect(scoreItemsFromText("")).toEqual({ ok: false, errors: [{ row: 1, error: "empty" }] });
  });
});
