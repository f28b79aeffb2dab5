// The CSV form of the roster (both formats are described in roster.ts).
import type { ZonedInstant } from "./calendar";
import { csvRecords } from "./csv";
import {
  emptyRosterEntry,
  fullMonthsBetween,
  groupLabel,
  MAX_ROSTER_MEMBERS,
  parseMonthDate,
  rosterKind,
  rosterName,
  type RosterEntry,
  type RosterError,
  type RosterImport,
} from "./roster";
import { rosterDay, rosterForm, rosterSpecialCase, type RosterFacts } from "./roster-facts";
import { foldVietnamese } from "./text";

export const ROSTER_CSV_COLUMNS = [
  "name",
  "kind",
  "exempt",
  "retired_not_moved",
  "working_away_since",
  "group",
  "leader",
  // RULES-2025 (roster-facts.ts), all optional
  "form",
  "admitted_on",
  "suspended",
  "special_case",
] as const;
type Column = (typeof ROSTER_CSV_COLUMNS)[number];
/**
 * Vietnamese headers a secretary's spreadsheet may carry, folded (no diacritics, lower case, "_" for spaces):
 * "Họ tên", "LOẠI", "đi xa từ" all work, and so do the English names above.
 */
const VIETNAMESE_COLUMNS: Record<string, Column> = {
  ho_ten: "name",
  ho_va_ten: "name",
  loai: "kind",
  loai_dang_vien: "kind",
  mien: "exempt",
  nghi_huu: "retired_not_moved",
  di_xa_tu: "working_away_since",
  di_lam_xa_tu: "working_away_since",
  to: "group",
  to_dang: "group",
  cap_uy: "leader",
  cap_uy_vien: "leader",
  mau: "form",
  mau_tu_kiem_diem: "form",
  ngay_ket_nap: "admitted_on",
  ket_nap: "admitted_on",
  dinh_chi: "suspended",
  dinh_chi_sinh_hoat: "suspended",
  truong_hop_dac_biet: "special_case",
};
const REQUIRED: readonly Column[] = ["name", "kind"];
const FLAG_COLUMNS = [
  ["exempt", "exempt"],
  ["retired_not_moved", "retiredNotMoved"],
  ["leader", "isLeader"],
] as const;
const TRUE_WORDS = new Set(["1", "x", "co", "yes", "y", "true"]);
const FALSE_WORDS = new Set(["", "0", "khong", "no", "n", "false"]);

function yesNo(raw: string): boolean | null {
  const word = foldVietnamese(raw);
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
}

function parseRow(cell: (c: Column) => string, asOf: ZonedInstant | undefined): RosterEntry | RosterError {
  const name = rosterName(cell("name"));
  if (typeof name !== "string") return name;
  const kind = rosterKind(cell("kind"));
  if (typeof kind !== "string") return kind;
  const entry = emptyRosterEntry(name, kind);
  for (const [column, flag] of FLAG_COLUMNS) {
    const value = yesNo(cell(column));
    if (value === null) return { error: "roster.invalid-boolean", detail: column };
    entry.status[flag] = value;
  }
  const group = groupLabel(cell("group"));
  if (group !== null && typeof group === "object") return group;
  entry.group = group;
  const since = cell("working_away_since").trim();
  if (since) {
    if (!parseMonthDate(since)) return { error: "roster.invalid-date", detail: since };
    entry.workingAwaySince = since;
    // Listing a member as away is the secretary recording an absence that was reported and allowed (M1).
    entry.status.awayReportedAllowed = true;
    entry.status.workingAwayMonths = asOf ? fullMonthsBetween(since, asOf.at, asOf.offsetMinutes)! : 0;
  }
  const facts = parseFacts(cell);
  if (facts && "error" in facts) return facts;
  if (facts) entry.facts = facts;
  return entry;
}

/** The RULES-2025 columns of a row: null when every one is empty. */
function parseFacts(cell: (c: Column) => string): RosterFacts | RosterError | null {
  const facts: RosterFacts = {};
  const form = cell("form").trim();
  if (form) {
    const parsed = rosterForm(form);
    if (typeof parsed !== "string") return parsed;
    facts.form = parsed;
  }
  const admitted = cell("admitted_on").trim();
  if (admitted) {
    const day = rosterDay(admitted);
    if (!day) return { error: "roster.invalid-admitted", detail: admitted };
    facts.admittedOn = day;
  }
  const suspended = yesNo(cell("suspended"));
  if (suspended === null) return { error: "roster.invalid-boolean", detail: "suspended" };
  if (suspended) facts.suspended = true;
  const special = rosterSpecialCase(cell("special_case"));
  if (special !== null && typeof special === "object") return special;
  if (special) facts.specialCase = special;
  return Object.keys(facts).length > 0 ? facts : null;
}

/** Rows parsed between two pauses of `rosterCsvSteps`: a few milliseconds of work. */
export const ROWS_PER_STEP = 250;

/** Parse a roster CSV. Months away are counted up to `asOf` (an instant, in the review zone); without it they stay 0. */
export function parseRosterCsv(text: string, options: { asOf?: ZonedInstant } = {}): RosterImport {
  const steps = rosterCsvSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseRosterCsv in steps: it yields after every ROWS_PER_STEP rows, so the caller can let other work run in
 * between, and stops at the first row beyond MAX_ROSTER_MEMBERS (the rest of a huge file is never read).
 */
export function* rosterCsvSteps(text: string, options: { asOf?: ZonedInstant } = {}): Generator<void, RosterImport> {
  const records = csvRecords(text);
  const header = records.next().value;
  const columns = new Map<string, number>();
  for (const [i, h] of (header?.fields ?? []).entries()) {
    const folded = foldVietnamese(h).replace(/[ -]/g, "_");
    columns.set(VIETNAMESE_COLUMNS[folded] ?? folded, i);
  }
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) return { entries: [], errors: missing.map((c) => ({ line: 1, error: "roster.csv-missing-column", detail: c })) };

  const result: RosterImport = { entries: [], errors: [] };
  let count = 0;
  for (const row of records) {
    if (++count > MAX_ROSTER_MEMBERS) {
      return { entries: [], errors: [{ line: row.line, error: "roster.too-many-members", detail: String(MAX_ROSTER_MEMBERS) }] };
    }
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? "" : (row.fields[i] ?? "");
    };
    const parsed = parseRow(cell, options.asOf);
    if ("error" in parsed) result.errors.push({ line: row.line, ...parsed });
    else result.entries.push(parsed);
    if (count % ROWS_PER_STEP === 0) yield;
  }
  return result;
}
