// N3: a committee's split of the 30 + 70 points read from a table (an XLSX's rows) or from pasted lines
// "nhóm | nội dung | điểm | chấm theo mức". A row holding only a form ("Mẫu 2B", "2B") starts that form's list; items
// before any such row are for every form ("*"). A first row that names the columns is skipped. Items get ids g1…,
// t1… per group in the list's order. Rows are numbered from 1 as given (blank rows count, so numbers match the sheet).
// Minimal version; the domain-2025 helper's parser replaces this file at merge (same signatures).
import { REVIEW_FORMS, type ReviewForm } from "./levels";
import type { ScoreGroup, ScoreItem } from "./score-items";
import { cleanName, foldVietnamese } from "./text";

type ScoreItemListForm = ReviewForm | "*";
type ParsedScoreItemLists =
  | { ok: true; lists: Array<{ form: ScoreItemListForm; items: ScoreItem[] }> }
  | { ok: false; errors: Array<{ row: number; code: string }> };

const GROUP_WORDS: Record<ScoreGroup, readonly string[]> = {
  general: ["chung", "tieu chi chung", "general"],
  tasks: ["nhiem vu", "ket qua thuc hien nhiem vu", "tasks"],
};
const YES = ["co", "x", "yes", "theo muc", "1"];
const NO = ["", "khong", "no", "0"];

function groupOf(cell: string): ScoreGroup | null {
  const folded = foldVietnamese(cell);
  for (const [group, words] of Object.entries(GROUP_WORDS) as [ScoreGroup, readonly string[]][]) if (words.includes(folded)) return group;
  return null;
}

function formHeading(cells: readonly string[]): ReviewForm | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length !== 1) return null;
  const match = /^(?:mau\s*)?(2[abc])$/.exec(foldVietnamese(filled[0]!));
  return match ? (REVIEW_FORMS.find((f) => f.toLowerCase() === match[1]) ?? null) : null;
}

const isColumnNames = (cells: readonly string[]) => foldVietnamese(cells[0] ?? "") === "nhom" && !/\d/.test(cells[2] ?? "");

export function parseScoreItemRows(rows: string[][]): ParsedScoreItemLists {
  const errors: Array<{ row: number; code: string }> = [];
  const lists: Array<{ form: ScoreItemListForm; items: ScoreItem[] }> = [];
  let current: { form: ScoreItemListForm; items: ScoreItem[] } | null = null;
  for (const [index, raw] of rows.entries()) {
    const row = index + 1;
    const cells = raw.map((c) => c.trim());
    if (cells.every((c) => c === "")) continue;
    if (index === 0 && isColumnNames(cells)) continue;
    const heading = formHeading(cells);
    if (heading) {
      if (lists.some((l) => l.form === heading)) errors.push({ row, code: "form-repeated" });
      current = { form: heading, items: [] };
      lists.push(current);
      continue;
    }
    while (cells.length > 4 && cells[cells.length - 1] === "") cells.pop();
    if (cells.length < 3 || cells.length > 4) {
      errors.push({ row, code: "columns" });
      continue;
    }
    const group = groupOf(cells[0]!);
    const name = cleanName(cells[1]!);
    const points = /^\d{1,3}$/.test(cells[2]!) ? Number(cells[2]) : Number.NaN;
    const graded = foldVietnamese(cells[3] ?? "");
    if (!group) errors.push({ row, code: "group" });
    if (name === "") errors.push({ row, code: "name" });
    if (!(points > 0)) errors.push({ row, code: "points" });
    if (!YES.includes(graded) && !NO.includes(graded)) errors.push({ row, code: "graded" });
    if (!group || name === "" || !(points > 0)) continue;
    if (!current) {
      current = { form: "*", items: [] };
      lists.push(current);
    }
    const number = current.items.filter((i) => i.group === group).length + 1;
    current.items.push({ id: `${group === "general" ? "g" : "t"}${number}`, group, name, points, graded: YES.includes(graded) });
  }
  if (errors.length === 0 && (lists.length === 0 || lists.some((l) => l.items.length === 0))) errors.push({ row: 0, code: "empty" });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lists };
}

export function scoreItemsFromText(text: string): ParsedScoreItemLists {
  return parseScoreItemRows(text.split(/\r?\n/).map((line) => line.split("|")));
}
