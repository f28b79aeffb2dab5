// The CSV form of the roster (both formats are described in roster.ts).
import { parseCsv } from "./csv";
import {
  emptyRosterEntry,
  fullMonthsBetween,
  groupLabel,
  parseMonthDate,
  rosterKind,
  rosterName,
  type RosterEntry,
  type RosterError,
  type RosterImport,
} from "./roster";
import { foldVietnamese } from "./text";

export const ROSTER_CSV_COLUMNS = ["name", "kind", "exempt", "retired_not_moved", "working_away_since", "group", "leader"] as const;
type Column = (typeof ROSTER_CSV_COLUMNS)[number];
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

function parseRow(cell: (c: Column) => string, asOf: string | undefined): RosterEntry | RosterError {
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
    entry.status.workingAwayMonths = asOf ? fullMonthsBetween(since, asOf)! : 0;
  }
  return entry;
}

/** Parse a roster CSV. Months away are counted up to `asOf` (an ISO instant); without it they stay 0. */
export function parseRosterCsv(text: string, options: { asOf?: string } = {}): RosterImport {
  const [header, ...rows] = parseCsv(text);
  const columns = new Map<string, number>();
  header?.fields.forEach((h, i) => columns.set(foldVietnamese(h).replace(/[ -]/g, "_"), i));
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0)
    return { entries: [], errors: missing.map((c) => ({ line: 1, error: "roster.csv-missing-column", detail: c })) };

  const result: RosterImport = { entries: [], errors: [] };
  for (const row of rows) {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? "" : (row.fields[i] ?? "");
    };
    const parsed = parseRow(cell, options.asOf);
    if ("error" in parsed) result.errors.push({ line: row.line, ...parsed });
    else result.entries.push(parsed);
  }
  return result;
}
