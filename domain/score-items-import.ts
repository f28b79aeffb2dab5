// N3 (RULES-2025): a committee's split of the 30 + 70 points, read from its own table or from pasted lines.
//
// Shared with /scoreitems (the command is built elsewhere; this signature is the contract):
//   parseScoreItemTable(table, rules?) → ScoreItemsImport
//     table: rows of cells as strings, the first row the headers, `row` the number the person sees (bot/kit
//     read-table's TableRow fits). Columns, in any order, headers in Vietnamese or English, diacritics and case free:
//     "Nhóm" / "Group" (chung | general, nhiệm vụ | tasks), "Nội dung" / "Item", "Điểm" / "Points" (a whole number),
//     "Chấm theo mức" / "Graded" (có | yes | x; blank or không | no: all or nothing), and optionally
//     "Mẫu" / "Form" (2A, 2B, 2C, several as "2A, 2B", blank or * or "tất cả" for every form).
//   scoreItemsFromText(text, rules?) → ScoreItemsImport
//     pasted lines "nhóm | nội dung | điểm | mức" (a fifth field: the form), "|" or tab between fields; the fourth
//     and fifth may be left out; a first line of headers is read as headers.
//   ScoreItemsImport = { ok: true; lists } | { ok: false; errors }: nothing to save while any row is wrong.
//   lists: one complete list per form named ("*": every form without its own list), each checked against the
//     rulebook's 30 + 70 (`rules`, by default the 366 rulebook's); ids generated g1… and t1… in row order.
//   errors: { row, error, detail? } for a row (or the header row), { row: null, error: "group-total" | "empty-group",
//     form, group, total?, expected? } for a list; the codes are SCORE_ITEMS_IMPORT_ERRORS.
import { REVIEW_FORMS, type ReviewForm } from "./levels";
import { qd366_2025 } from "./rulebooks/qd366-2025";
import type { ScoreRules } from "./rulebook";
import { validateScoreItems, type ScoreGroup, type ScoreItem } from "./score-items";
import { cleanName, foldVietnamese } from "./text";

export type ScoreItemForm = ReviewForm | "*";
export type ScoreItemLists = Partial<Record<ScoreItemForm, ScoreItem[]>>;

export const SCORE_ITEM_COLUMNS = ["group", "name", "points", "graded", "form"] as const;
export type ScoreItemColumn = (typeof SCORE_ITEM_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ScoreItemColumn[] = ["group", "name", "points", "graded"];

export const SCORE_ITEMS_IMPORT_ERRORS = [
  "missing-column",
  "bad-group",
  "no-name",
  "name-too-long",
  "bad-points",
  "bad-graded",
  "bad-form",
  "duplicate",
  "group-total",
  "empty-group",
  "empty",
  "too-many",
] as const;
export type ScoreItemsImportErrorCode = (typeof SCORE_ITEMS_IMPORT_ERRORS)[number];
export type ScoreItemsImportError =
  | { row: number; error: Exclude<ScoreItemsImportErrorCode, "group-total" | "empty-group">; detail?: string }
  | { row: null; error: "group-total" | "empty-group"; form: ScoreItemForm; group: ScoreGroup; total?: number; expected?: number };
export type ScoreItemsImport = { ok: true; lists: ScoreItemLists } | { ok: false; errors: ScoreItemsImportError[] };

/** More rows than any split has (the province example has 20 per form). */
export const MAX_SCORE_ITEM_ROWS = 300;
export const MAX_SCORE_ITEM_NAME = 300;

/** Header words, folded; a part in brackets is an explanation and is dropped before matching. */
const HEADERS: Record<string, ScoreItemColumn> = {
  nhom: "group",
  "nhom tieu chi": "group",
  group: "group",
  "noi dung": "name",
  "tieu chi": "name",
  "noi dung tieu chi": "name",
  item: "name",
  name: "name",
  diem: "points",
  "so diem": "points",
  "diem toi da": "points",
  points: "points",
  "cham theo muc": "graded",
  muc: "graded",
  graded: "graded",
  mau: "form",
  "bieu mau": "form",
  "mau phieu": "form",
  form: "form",
};
const GROUPS: Record<string, ScoreGroup> = {
  chung: "general",
  "tieu chi chung": "general",
  general: "general",
  "nhiem vu": "tasks",
  "ket qua thuc hien nhiem vu": "tasks",
  tasks: "tasks",
  task: "tasks",
};
const GRADED: Record<string, boolean> = {
  "": false,
  khong: false,
  no: false,
  n: false,
  "0": false,
  co: true,
  yes: true,
  y: true,
  x: true,
  "1": true,
};
const EVERY_FORM = new Set(["", "*", "tat ca", "all"]);

type Cells = readonly string[];
type Row = { row: number; cells: Cells };
type ReadItem = { row: number; group: ScoreGroup; name: string; points: number; graded: boolean; forms: ScoreItemForm[] };
type RowError = Extract<ScoreItemsImportError, { row: number }>;

const columnOf = (header: string): ScoreItemColumn | undefined => HEADERS[foldVietnamese(header.replace(/\(.*?\)/g, ""))];

/** The forms a cell names ("2A, 2B", "mẫu 2C", "*"); null when it names something else. */
function formsOf(raw: string): ScoreItemForm[] | null {
  const folded = foldVietnamese(raw);
  if (EVERY_FORM.has(folded)) return ["*"];
  const forms = folded.split(/[,;/\s]+/).filter((w) => w !== "" && w !== "mau");
  const known = forms.map((w) => REVIEW_FORMS.find((f) => f.toLowerCase() === w));
  return known.every((f) => f !== undefined) && known.length > 0 ? [...new Set(known as ReviewForm[])] : null;
}

function readRow(row: number, cell: (c: ScoreItemColumn) => string): ReadItem | RowError {
  const group = GROUPS[foldVietnamese(cell("group"))];
  if (!group) return { row, error: "bad-group", detail: cell("group").trim() };
  const name = cleanName(cell("name"));
  if (!name) return { row, error: "no-name" };
  if (name.length > MAX_SCORE_ITEM_NAME) return { row, error: "name-too-long", detail: String(MAX_SCORE_ITEM_NAME) };
  const pointsText = cell("points").trim();
  if (!/^\d{1,3}$/.test(pointsText) || Number(pointsText) === 0) return { row, error: "bad-points", detail: pointsText };
  const graded = GRADED[foldVietnamese(cell("graded"))];
  if (graded === undefined) return { row, error: "bad-graded", detail: cell("graded").trim() };
  const forms = formsOf(cell("form"));
  if (!forms) return { row, error: "bad-form", detail: cell("form").trim() };
  return { row, group, name, points: Number(pointsText), graded, forms };
}

/** Each form's items in row order, ids numbered per group (g1…, t1…) as the shipped example's. */
function listsOf(read: readonly ReadItem[]): ScoreItemLists {
  const lists: ScoreItemLists = {};
  for (const form of ["*", ...REVIEW_FORMS] as const) {
    const rows = read.filter((r) => r.forms.includes(form));
    if (rows.length === 0) continue;
    const counters = { general: 0, tasks: 0 };
    lists[form] = rows.map(({ group, name, points, graded }) => {
      counters[group] += 1;
      return { id: `${group === "general" ? "g" : "t"}${counters[group]}`, group, name, points, graded };
    });
  }
  return lists;
}

/** The same name twice in one group of one form is a row typed twice. */
function duplicates(read: readonly ReadItem[]): RowError[] {
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of read) {
    const keys = r.forms.map((form) => `${form}|${r.group}|${foldVietnamese(r.name)}`);
    const first = keys.map((k) => seen.get(k)).find((row) => row !== undefined);
    if (first !== undefined) errors.push({ row: r.row, error: "duplicate", detail: String(first) });
    for (const k of keys) if (!seen.has(k)) seen.set(k, r.row);
  }
  return errors;
}

const DEFAULT_RULES = qd366_2025.score as ScoreRules;

export function parseScoreItemTable(table: readonly Row[], rules: ScoreRules = DEFAULT_RULES): ScoreItemsImport {
  const [header, ...rows] = table;
  if (!header) return { ok: false, errors: [{ row: 1, error: "empty" }] };
  const index = new Map<ScoreItemColumn, number>();
  header.cells.forEach((text, i) => {
    const column = columnOf(text);
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) return { ok: false, errors: missing.map((c) => ({ row: header.row, error: "missing-column", detail: c })) };
  return readRows(rows, (cells, column) => cells[index.get(column) ?? -1] ?? "", header.row, rules);
}

function readRows(rows: readonly Row[], cellOf: (cells: Cells, c: ScoreItemColumn) => string, headerRow: number, rules: ScoreRules) {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (filled.length > MAX_SCORE_ITEM_ROWS) return fail([{ row: headerRow, error: "too-many", detail: String(MAX_SCORE_ITEM_ROWS) }]);
  if (filled.length === 0) return fail([{ row: headerRow, error: "empty" }]);
  const read: ReadItem[] = [];
  const errors: ScoreItemsImportError[] = [];
  for (const { row, cells } of filled) {
    const item = readRow(row, (c) => cellOf(cells, c));
    if ("error" in item) errors.push(item);
    else read.push(item);
  }
  errors.push(...duplicates(read));
  if (errors.length > 0) return fail(errors);
  const lists = listsOf(read);
  for (const [form, items] of Object.entries(lists) as [ScoreItemForm, ScoreItem[]][])
    for (const e of validateScoreItems(items, rules))
      if (e.code === "items.group-total" || e.code === "items.empty-group")
        errors.push({ row: null, error: e.code === "items.group-total" ? "group-total" : "empty-group", form, ...listDetail(e) });
  return errors.length > 0 ? fail(errors) : { ok: true as const, lists };
}

const fail = (errors: ScoreItemsImportError[]): ScoreItemsImport => ({ ok: false, errors });
const listDetail = (e: { group?: ScoreGroup; total?: number; expected?: number }) => ({
  group: e.group ?? "general",
  ...(e.total === undefined ? {} : { total: e.total, expected: e.expected }),
});

/** Pasted lines, "nhóm | nội dung | điểm | mức | mẫu" (the last two optional); a line of headers first is allowed. */
export function scoreItemsFromText(text: string, rules: ScoreRules = DEFAULT_RULES): ScoreItemsImport {
  const rows: Row[] = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, i) => ({ row: i + 1, cells: line.split(/[|\t]/) }));
  const first = rows.find((r) => r.cells.some((c) => c.trim() !== ""));
  if (first?.cells.some((c) => columnOf(c) !== undefined)) return parseScoreItemTable(rows.slice(rows.indexOf(first)), rules);
  return readRows(rows, (cells, column) => cells[SCORE_ITEM_COLUMNS.indexOf(column)] ?? "", first?.row ?? 1, rules);
}

/** A list as rows of cells in SCORE_ITEM_COLUMNS order (Vietnamese words), for a template or to edit and import again. */
export function scoreItemRows(items: readonly ScoreItem[], form: ScoreItemForm = "*"): string[][] {
  return items.map((i) => [i.group === "general" ? "chung" : "nhiệm vụ", i.name, String(i.points), i.graded ? "có" : "", form]);
}
