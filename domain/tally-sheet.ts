// M13 for a whole branch at once: the counting sheet (biên bản kiểm phiếu) as pasted lines or a spreadsheet's rows,
// one member per row, the counts in a fixed order. Each row is matched to the roster by name (diacritic, case and
// spacing slips tolerated, a small typo too) and checked with the same bounds as one member's tally (validateTally).
import { MEMBER_LEVELS } from "./levels";
import { validateTally, type TallyError, type TallyInput } from "./tally";
import { cleanName, foldVietnamese } from "./text";

/** The counts of a row, in this order: official members, present, valid ballots, ballots for L1…L4. */
export const SHEET_COUNTS = ["official", "present", "valid", ...MEMBER_LEVELS] as const;

/** A row as read: its number on the sheet (1-based line of the paste, or row of the spreadsheet) and its cells. */
export type SheetRow = { line: number; cells: string[] };

export const SHEET_ERROR_CODES = [
  "sheet.no-counts", // a name without numbers
  "sheet.wrong-count", // not exactly the 7 numbers
  "sheet.not-a-number", // a cell where a count goes that is not a whole number
  "sheet.unknown-name", // no roster member by that name
  "sheet.duplicate", // a member named on two rows
  "sheet.absent", // M3: marked absent from the meeting
  "sheet.not-evaluated", // M2: exempt, not evaluated
] as const;
export type SheetErrorCode = (typeof SHEET_ERROR_CODES)[number];

/** What is wrong with one row: a sheet code, or one of validateTally's bounds. */
export type SheetError = {
  line: number;
  name: string;
  error: { code: SheetErrorCode; params?: Record<string, string | number> } | TallyError;
};

export type SheetRoster = { id: string; fullName: string; absent: boolean; evaluated: boolean };

/**
 * A row that is good to store: its member, the counts as a tally, the M11 note (text after the counts), and the name
 * as written when it differs from the roster's beyond case and spacing (shown in the preview, to be caught).
 */
export type CountedRow = { line: number; memberId: string; fullName: string; tally: TallyInput; note?: string; written?: string };
/** A row whose name fits several roster members equally: the secretary picks one. */
export type AmbiguousRow = { line: number; name: string; candidates: string[] };

export type SheetReading = { counted: CountedRow[]; errors: SheetError[]; ambiguous: AmbiguousRow[] };

const COUNT = /^\d{1,6}$/;
const isCount = (cell: string) => COUNT.test(cell);

/**
 * Pasted text as rows: cells split by tabs (a spreadsheet's copy), semicolons or commas, whichever the line has
 * first; a line with none of them is a name followed by its numbers separated by spaces.
 */
export function pastedRows(text: string): SheetRow[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => ({ line: i + 1, cells: splitCells(raw) }));
}

function splitCells(raw: string): string[] {
  const separator = ["\t", ";", ","].find((s) => raw.includes(s));
  if (separator) return raw.split(separator).map((c) => c.trim());
  const words = raw.trim().split(/\s+/).filter(Boolean);
  let first = words.length;
  while (first > 0 && isCount(words[first - 1]!)) first--;
  // A name may end in a number ("Nguyễn Văn Đức 01"): only the last seven numbers are counts.
  first = Math.max(first, words.length - SHEET_COUNTS.length);
  const leading = words.slice(0, first);
  // A leading row number (STT) stays its own cell, as it would be in a spreadsheet.
  const stt = leading.length > 1 && isCount(leading[0]!) ? [leading.shift()!] : [];
  return [...stt, leading.join(" "), ...words.slice(first)];
}

type ParsedRow =
  | { line: number; name: string; counts: number[]; note?: string }
  | { line: number; name: string; error: SheetError["error"] };

/**
 * One row: [row number], name, the seven counts, [note]. `blanksAreZero` (a spreadsheet's empty cell, where a sheet
 * leaves no ballots blank) reads an empty count as 0; a row whose counts after the official number are all empty is
 * not counted (null), as is a title or header row without any number.
 */
function parseRow(row: SheetRow, blanksAreZero: boolean): ParsedRow | null {
  const cells = [...row.cells];
  while (cells.length > 0 && cells.at(-1) === "") cells.pop();
  if (cells.length > 1 && isCount(cells[0]!) && !isCount(cells[1]!)) cells.shift();
  if (cells.length === 0) return null;
  const name = cleanName(cells[0]!);
  const rest = cells.slice(1);
  if (!rest.some((c) => /\d/.test(c))) return name && !blanksAreZero ? { line: row.line, name, error: { code: "sheet.no-counts" } } : null;
  const counts = rest.slice(0, SHEET_COUNTS.length);
  if (blanksAreZero) {
    if (counts.slice(1).every((c) => c === "")) return null;
    while (counts.length < SHEET_COUNTS.length) counts.push("");
  }
  const extra = rest.slice(SHEET_COUNTS.length);
  const numbersGiven = counts.length + (extra.every(isCount) ? extra.length : 0);
  if (counts.length < SHEET_COUNTS.length || (extra.length > 0 && extra.every(isCount)))
    return { line: row.line, name, error: { code: "sheet.wrong-count", params: { found: numbersGiven, wanted: SHEET_COUNTS.length } } };
  const bad = counts.find((c) => !isCount(c) && !(blanksAreZero && c === ""));
  if (bad !== undefined) return { line: row.line, name, error: { code: "sheet.not-a-number", params: { value: bad.slice(0, 20) } } };
  const note = extra.join(" ").trim();
  return { line: row.line, name, counts: counts.map((c) => (c === "" ? 0 : Number(c))), ...(note ? { note: note.slice(0, 1000) } : {}) };
}

/** The name as compared: composed, lower case, single spaces. */
const exactKey = (name: string) => cleanName(name).toLowerCase();
/** Without diacritics and without any space: "Nguyen VanAn" is "Nguyễn Văn An". */
const looseKey = (name: string) => foldVietnamese(name).replace(/\s/g, "");

/** Levenshtein distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** A typo tolerated in a name: one letter, in a name long enough that one letter does not make another name. */
const typoLimit = (key: string) => (key.length >= 8 ? 1 : 0);

/** Builds the name lookup once for a roster (a branch of hundreds is matched row after row). */
export function rosterNameIndex(roster: readonly SheetRoster[]) {
  const exact = new Map<string, SheetRoster[]>();
  const loose = new Map<string, SheetRoster[]>();
  const add = (map: Map<string, SheetRoster[]>, key: string, m: SheetRoster) => map.set(key, [...(map.get(key) ?? []), m]);
  for (const m of roster) {
    add(exact, exactKey(m.fullName), m);
    add(loose, looseKey(m.fullName), m);
  }
  const looseKeys = [...loose.keys()];
  /** The roster members a written name means: the first tier that finds any (exact, loose, a small typo). */
  return (name: string): SheetRoster[] => {
    const byExact = exact.get(exactKey(name));
    if (byExact) return byExact;
    const key = looseKey(name);
    const byLoose = loose.get(key);
    if (byLoose) return byLoose;
    const limit = typoLimit(key);
    let best = limit + 1;
    let found: SheetRoster[] = [];
    for (const candidate of looseKeys) {
      const distance = editDistance(key, candidate, Math.min(limit, best));
      if (distance < best) [best, found] = [distance, [...loose.get(candidate)!]];
      else if (distance === best && distance <= limit) found.push(...loose.get(candidate)!);
    }
    return best <= limit ? found : [];
  };
}

export type SheetOptions = {
  method: TallyInput["method"];
  /** The most eligible voters the roster allows (M13, validateTally's bound). */
  voters?: number;
  /** A spreadsheet: empty count cells are 0, rows not filled in are skipped. */
  blanksAreZero?: boolean;
  /** The secretary's picks for rows that named several members: row number to member id. */
  picks?: Readonly<Record<number, string>>;
};

/** Reads the sheet against the roster: the rows good to store, every row's errors, the names to ask about. */
export function readTallySheet(rows: readonly SheetRow[], roster: readonly SheetRoster[], options: SheetOptions): SheetReading {
  const lookup = rosterNameIndex(roster);
  const reading: SheetReading = { counted: [], errors: [], ambiguous: [] };
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const parsed = parseRow(row, options.blanksAreZero ?? false);
    if (!parsed) continue;
    const fail = (error: SheetError["error"]) => reading.errors.push({ line: row.line, name: parsed.name, error });
    if ("error" in parsed) {
      // A header row ("Họ và tên; Số ĐVCT; …") has no digit at all: it is skipped when it comes first.
      if (parsed.error.code !== "sheet.no-counts" || reading.counted.length + reading.errors.length + reading.ambiguous.length > 0)
        fail(parsed.error);
      continue;
    }
    const member = whoIs(parsed, lookup, options.picks, roster);
    if (member === "unknown") {
      fail({ code: "sheet.unknown-name" });
      continue;
    }
    if (Array.isArray(member)) {
      reading.ambiguous.push({ line: row.line, name: parsed.name, candidates: member.map((m) => m.id) });
      continue;
    }
    const earlier = firstLineOf.get(member.id);
    if (earlier !== undefined) {
      fail({ code: "sheet.duplicate", params: { first: earlier, member: member.fullName } });
      continue;
    }
    firstLineOf.set(member.id, row.line);
    if (!member.evaluated) fail({ code: "sheet.not-evaluated", params: { member: member.fullName } });
    else if (member.absent) fail({ code: "sheet.absent", params: { member: member.fullName } });
    else countRow(reading, parsed, member, options);
  }
  return reading;
}

function whoIs(
  parsed: { line: number; name: string },
  lookup: (name: string) => SheetRoster[],
  picks: SheetOptions["picks"],
  roster: readonly SheetRoster[],
): SheetRoster | SheetRoster[] | "unknown" {
  const found = lookup(parsed.name);
  const picked = picks?.[parsed.line];
  if (picked !== undefined && found.some((m) => m.id === picked)) return roster.find((m) => m.id === picked)!;
  if (found.length === 0) return "unknown";
  return found.length === 1 ? found[0]! : found;
}

function countRow(
  reading: SheetReading,
  parsed: { line: number; name: string; counts: number[]; note?: string },
  member: SheetRoster,
  options: SheetOptions,
) {
  const [official, present, valid, L1, L2, L3, L4] = parsed.counts as [number, number, number, number, number, number, number];
  const tally: TallyInput = { method: options.method, official, present, valid, votes: { L1, L2, L3, L4 } };
  const errors = validateTally(tally, { voters: options.voters });
  for (const error of errors) reading.errors.push({ line: parsed.line, name: parsed.name, error });
  if (errors.length > 0) return;
  const written = exactKey(parsed.name) === exactKey(member.fullName) ? {} : { written: parsed.name };
  const note = parsed.note ? { note: parsed.note } : {};
  reading.counted.push({ line: parsed.line, memberId: member.id, fullName: member.fullName, tally, ...note, ...written });
}
