// C, R1–R6: the earlier years a committee already keeps in a spreadsheet (members' and organizations' ratings,
// emulation titles, rewards received, an organization's score and member shares for R3, its registration for R5),
// read from a table of cells. Every bad row is reported with its row number and what is wrong; the caller saves
// nothing while any row is bad (one decision for the whole file, as the roster import does).
import type { LevelCounts, MemberLevel, OrgLevel } from "./levels";
import type { RewardGiver } from "./rulebook";
import { cleanName, foldVietnamese } from "./text";

export const HISTORY_COLUMNS = [
  "year",
  "kind",
  "name",
  "unit",
  "level",
  "exemplary",
  "score",
  "membersL1",
  "membersL2",
  "membersL3",
  "membersL4",
  "emulationTitle",
  "registered",
  "reward",
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];
const REQUIRED: readonly HistoryColumn[] = ["year", "kind", "name", "level"];
const COUNT_COLUMNS = ["membersL1", "membersL2", "membersL3", "membersL4"] as const;

/**
 * Headers as the template writes them (locales `rewards.column.*`, vi and en) and as a committee's own sheet may
 * spell them, folded (no diacritics, lower case, without a part in brackets). The English keys work too.
 */
const HEADER_WORDS: Record<string, HistoryColumn> = {
  nam: "year",
  year: "year",
  loai: "kind",
  kind: "kind",
  "ho ten hoac ten to chuc": "name",
  "ho ten": "name",
  "ten to chuc": "name",
  "name or organization": "name",
  name: "name",
  "don vi": "unit",
  "chi bo": "unit",
  unit: "unit",
  "xep loai": "level",
  rating: "level",
  level: "level",
  "tieu bieu": "exemplary",
  exemplary: "exemplary",
  diem: "score",
  score: "score",
  "so dv xuat sac": "membersL1",
  "members excellent": "membersL1",
  "so dv tot": "membersL2",
  "members good": "membersL2",
  "so dv hoan thanh": "membersL3",
  "members completed": "membersL3",
  "so dv khong hoan thanh": "membersL4",
  "members not completed": "membersL4",
  "chien sy thi dua co so": "emulationTitle",
  "chien si thi dua co so": "emulationTitle",
  "emulation title": "emulationTitle",
  "dang ky thi dua": "registered",
  "registered for emulation": "registered",
  "khen thuong da nhan": "reward",
  "reward received": "reward",
};

const MEMBER_WORDS: Record<string, MemberLevel> = {
  l1: "L1",
  htxsnv: "L1",
  "xuat sac": "L1",
  "hoan thanh xuat sac nhiem vu": "L1",
  excellent: "L1",
  l2: "L2",
  httnv: "L2",
  tot: "L2",
  "hoan thanh tot nhiem vu": "L2",
  good: "L2",
  l3: "L3",
  htnv: "L3",
  "hoan thanh": "L3",
  "hoan thanh nhiem vu": "L3",
  completed: "L3",
  l4: "L4",
  khtnv: "L4",
  "khong hoan thanh": "L4",
  "vi pham tu cach hoac khong hoan thanh nhiem vu": "L4",
  "khong hoan thanh nhiem vu": "L4",
  "not completed": "L4",
};
const ORG_WORDS: Record<string, OrgLevel> = {
  tsvm: "tsvm",
  "trong sach vung manh": "tsvm",
  "trong sach, vung manh": "tsvm",
  "clean and strong": "tsvm",
  tot: "good",
  httnv: "good",
  "hoan thanh tot nhiem vu": "good",
  good: "good",
  "hoan thanh": "completed",
  htnv: "completed",
  "hoan thanh nhiem vu": "completed",
  completed: "completed",
  "yeu kem": "weak",
  weak: "weak",
};
const KIND_WORDS: Record<string, HistoryEntry["kind"]> = {
  "dang vien": "member",
  dv: "member",
  member: "member",
  "to chuc": "organization",
  "to chuc dang": "organization",
  "chi bo": "organization",
  "dang bo": "organization",
  organization: "organization",
};
const GIVER_WORDS: Record<string, RewardGiver> = {
  "dang uy co so": "base-committee",
  "chi bo co so": "base-committee",
  "co so": "base-committee",
  "base committee": "base-committee",
  "dang uy khoi": "bloc-committee",
  khoi: "bloc-committee",
  bloc: "bloc-committee",
  "tinh uy": "provincial-standing",
  tinh: "provincial-standing",
  province: "provincial-standing",
};
const TRUE_WORDS = new Set(["1", "x", "co", "yes", "y", "true"]);
const FALSE_WORDS = new Set(["", "0", "khong", "no", "n", "false"]);

/** One earlier year of one member or organization, as read. */
export type HistoryEntry = {
  row: number;
  year: number;
  kind: "member" | "organization";
  name: string;
  /** A member's branch (to tell two members of one name apart); empty when not given. */
  unit: string;
  memberLevel: MemberLevel | null;
  /** Null for an organization's row of the current year that only records its registration (R5). */
  orgLevel: OrgLevel | null;
  exemplary: boolean;
  score: number | null;
  memberLevels: LevelCounts | null;
  emulationTitle: boolean;
  registered: boolean;
  rewardGiver: RewardGiver | null;
};

export const HISTORY_ERRORS = [
  "missing-column",
  "bad-year",
  "future-year",
  "bad-kind",
  "no-name",
  "no-level",
  "bad-level",
  "bad-score",
  "bad-count",
  "incomplete-counts",
  "bad-yes-no",
  "bad-reward",
  "duplicate",
  "empty",
  "too-many",
] as const;
export type HistoryError = { row: number; error: (typeof HISTORY_ERRORS)[number]; detail?: string };
export type HistoryImport = { entries: HistoryEntry[]; errors: HistoryError[] };

/** More rows than any committee's years of members hold: a file beyond it is refused whole. */
export const MAX_HISTORY_ROWS = 20_000;
/** How far back a row may go (R4's five years, and a margin). */
export const HISTORY_YEARS_BACK = 10;

/** Words in brackets are explanations ("Loại (đảng viên / tổ chức)"); a header is matched without them. */
function headerColumn(raw: string): HistoryColumn | undefined {
  const folded = foldVietnamese(raw.replace(/\(.*?\)/g, ""));
  return HEADER_WORDS[folded] ?? HEADER_WORDS[folded.replace(/_/g, " ")];
}

/** "Đủ tư cách, hoàn thành tốt nhiệm vụ" reads as "hoàn thành tốt nhiệm vụ"; commas and dots do not count. */
function levelWord(raw: string): string {
  return foldVietnamese(raw)
    .replace(/^du tu cach,?\s*/, "")
    .replace(/[.;]/g, "")
    .trim();
}

function yesNo(raw: string): boolean | null {
  const word = foldVietnamese(raw);
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
}

function wholeNumber(raw: string): number | null {
  const text = raw.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/**
 * Reads the table (the header row first). `currentYear` is the year being decided: no row may be after it, and only
 * an organization's row of that year may leave its level empty (its registration at the start of the year, R5).
 */
export function parseHistoryTable(table: readonly { row: number; cells: readonly string[] }[], currentYear: number): HistoryImport {
  const [header, ...rows] = table;
  if (!header) return { entries: [], errors: [{ row: 1, error: "empty" }] };
  if (rows.length > MAX_HISTORY_ROWS) return { entries: [], errors: [{ row: header.row, error: "too-many" }] };
  const index = new Map<HistoryColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = headerColumn(cell);
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) return { entries: [], errors: missing.map((c) => ({ row: header.row, error: "missing-column", detail: c })) };
  const entries: HistoryEntry[] = [];
  const errors: HistoryError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (c: HistoryColumn) => {
      const i = index.get(c);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const read = parseRow(row, cell, currentYear);
    if ("error" in read) {
      errors.push(read);
      continue;
    }
    const key = [read.year, read.kind, foldVietnamese(read.name), foldVietnamese(read.unit)].join("|");
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, error: "duplicate", detail: String(first) });
      continue;
    }
    seen.set(key, row);
    entries.push(read);
  }
  if (entries.length === 0 && errors.length === 0) errors.push({ row: header.row, error: "empty" });
  return { entries, errors };
}

function parseRow(row: number, cell: (c: HistoryColumn) => string, currentYear: number): HistoryEntry | HistoryError {
  const year = wholeNumber(cell("year"));
  if (year === null || year < currentYear - HISTORY_YEARS_BACK) return { row, error: "bad-year", detail: cell("year").trim() };
  if (year > currentYear) return { row, error: "future-year", detail: String(year) };
  const kind = KIND_WORDS[foldVietnamese(cell("kind"))];
  if (!kind) return { row, error: "bad-kind", detail: cell("kind").trim() };
  const name = cleanName(cell("name"));
  if (!name) return { row, error: "no-name" };
  const levelText = cell("level").trim();
  const memberLevel = kind === "member" ? (MEMBER_WORDS[levelWord(levelText)] ?? null) : null;
  const orgLevel = kind === "organization" ? (ORG_WORDS[levelWord(levelText)] ?? null) : null;
  if (!levelText && !(kind === "organization" && year === currentYear)) return { row, error: "no-level" };
  if (levelText && !memberLevel && !orgLevel) return { row, error: "bad-level", detail: levelText };
  const flags: Partial<Record<"exemplary" | "emulationTitle" | "registered", boolean>> = {};
  for (const column of ["exemplary", "emulationTitle", "registered"] as const) {
    const value = yesNo(cell(column));
    if (value === null) return { row, error: "bad-yes-no", detail: column };
    flags[column] = value;
  }
  const scoreText = cell("score").trim();
  const score = scoreText ? wholeNumber(scoreText) : null;
  if (scoreText && (score === null || score > 100)) return { row, error: "bad-score", detail: scoreText };
  const counts = COUNT_COLUMNS.map((c) => cell(c).trim());
  const given = counts.filter((c) => c !== "").length;
  if (given > 0 && given < counts.length) return { row, error: "incomplete-counts" };
  const numbers = counts.map((c) => (c === "" ? 0 : wholeNumber(c)));
  const bad = numbers.indexOf(null);
  if (bad >= 0) return { row, error: "bad-count", detail: counts[bad] };
  const [L1, L2, L3, L4] = numbers as number[];
  const rewardText = cell("reward").trim();
  const rewardGiver = rewardText ? (GIVER_WORDS[foldVietnamese(rewardText)] ?? null) : null;
  if (rewardText && !rewardGiver) return { row, error: "bad-reward", detail: rewardText };
  return {
    row,
    year,
    kind,
    name,
    unit: cleanName(cell("unit")),
    memberLevel,
    orgLevel,
    exemplary: flags.exemplary ?? false,
    score,
    memberLevels: given > 0 ? { L1: L1!, L2: L2!, L3: L3!, L4: L4! } : null,
    emulationTitle: flags.emulationTitle ?? false,
    registered: flags.registered ?? false,
    rewardGiver,
  };
}

/** The template's example rows: a member and an organization (cells in HISTORY_COLUMNS order, Vietnamese words). */
export function historyExampleRows(year: number): string[][] {
  return [
    [
      String(year - 1),
      "đảng viên",
      "Nguyễn Văn An",
      "Chi bộ Văn phòng",
      "Hoàn thành xuất sắc nhiệm vụ",
      "",
      "",
      "",
      "",
      "",
      "",
      "có",
      "",
      "",
    ],
    [String(year - 1), "tổ chức", "Chi bộ Văn phòng", "", "Trong sạch, vững mạnh", "có", "96", "3", "17", "1", "0", "", "có", ""],
  ];
}
