// N3: a committee's split of the 30 + 70 points read from a table (an XLSX's rows) or from pasted lines
// "nhóm | nội dung | điểm | chấm theo mức | mẫu" (the last two may be left out). A first row of column names
// ("Nhóm", "Nội dung", "Điểm", "Chấm theo mức", "Mẫu", in any order) says where each column is; without one the
// columns are in that order. The form: 2A, 2B, 2C, several ("2A, 2B"), or blank / * for every form. Items get ids
// g1…, t1… per group in row order. Rows are numbered from 1 as given (blank rows count, so numbers match the sheet).
// Minimal version written for /scoreitems; the domain-2025 helper's parser replaces this file at merge.
import { REVIEW_FORMS, type ReviewForm } from "./levels";
import type { ScoreGroup, ScoreItem } from "./score-items";
import { cleanName, foldVietnamese } from "./text";

type Form = ReviewForm | "*";
type Parsed =
  | { ok: true; lists: Array<{ form: Form; items: ScoreItem[] }> }
  | { ok: false; errors: Array<{ row: number; code: string; detail?: string }> };

const COLUMNS = ["group", "name", "points", "graded", "form"] as const;
type Column = (typeof COLUMNS)[number];
const HEADERS: Record<string, Column> = {
  nhom: "group",
  group: "group",
  "noi dung": "name",
  item: "name",
  diem: "points",
  points: "points",
  "cham theo muc": "graded",
  graded: "graded",
  mau: "form",
  form: "form",
};
const GROUPS: Record<string, ScoreGroup> = { chung: "general", general: "general", "nhiem vu": "tasks", tasks: "tasks" };
const GRADED: Record<string, boolean> = { "": false, khong: false, no: false, co: true, yes: true, x: true };

function formsOf(cell: string): Form[] | null {
  const folded = foldVietnamese(cell);
  if (folded === "" || folded === "*" || folded === "tat ca") return ["*"];
  const words = folded.split(/[,;\s]+/).filter((w) => w !== "" && w !== "mau");
  const forms = words.map((w) => REVIEW_FORMS.find((f) => f.toLowerCase() === w));
  return forms.length > 0 && forms.every((f) => f !== undefined) ? [...new Set(forms as ReviewForm[])] : null;
}

export function parseScoreItemRows(rows: string[][]): Parsed {
  const first = rows.findIndex((cells) => cells.some((c) => c.trim() !== ""));
  const named = first < 0 ? [] : rows[first]!.map((c) => HEADERS[foldVietnamese(c)]);
  const hasHeader = named.some((c) => c !== undefined);
  const at = (column: Column) => (hasHeader ? named.indexOf(column) : COLUMNS.indexOf(column));
  const errors: Array<{ row: number; code: string; detail?: string }> = [];
  if (hasHeader)
    for (const column of COLUMNS.slice(0, 3)) if (at(column) < 0) errors.push({ row: first + 1, code: "missing-column", detail: column });
  if (errors.length > 0) return { ok: false, errors };
  const read: Array<{ group: ScoreGroup; name: string; points: number; graded: boolean; forms: Form[] }> = [];
  for (const [index, cells] of rows.entries()) {
    if ((hasHeader && index === first) || cells.every((c) => c.trim() === "")) continue;
    const cell = (column: Column) => (at(column) < 0 ? "" : (cells[at(column)] ?? "")).trim();
    const row = index + 1;
    const group = GROUPS[foldVietnamese(cell("group"))];
    const name = cleanName(cell("name"));
    const points = /^\d{1,3}$/.test(cell("points")) ? Number(cell("points")) : 0;
    const graded = GRADED[foldVietnamese(cell("graded"))];
    const forms = formsOf(cell("form"));
    if (!group) errors.push({ row, code: "bad-group", detail: cell("group") });
    else if (name === "") errors.push({ row, code: "no-name" });
    else if (points <= 0) errors.push({ row, code: "bad-points", detail: cell("points") });
    else if (graded === undefined) errors.push({ row, code: "bad-graded", detail: cell("graded") });
    else if (!forms) errors.push({ row, code: "bad-form", detail: cell("form") });
    else read.push({ group, name, points, graded, forms });
  }
  if (errors.length === 0 && read.length === 0) errors.push({ row: Math.max(first, 0) + 1, code: "empty" });
  if (errors.length > 0) return { ok: false, errors };
  const lists: Array<{ form: Form; items: ScoreItem[] }> = [];
  for (const form of ["*", ...REVIEW_FORMS] as const) {
    const counters = { general: 0, tasks: 0 };
    const items = read
      .filter((r) => r.forms.includes(form))
      .map(({ group, name, points, graded }) => ({
        id: `${group === "general" ? "g" : "t"}${++counters[group]}`,
        group,
        name,
        points,
        graded,
      }));
    if (items.length > 0) lists.push({ form, items });
  }
  return { ok: true, lists };
}

export function scoreItemsFromText(text: string): Parsed {
  return parseScoreItemRows(text.split(/\r?\n/).map((line) => line.split(/[|\t]/)));
}
