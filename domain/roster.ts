// Roster import. Two formats, both diacritics-insensitive for keywords:
//
// 1. One member per line, as a secretary types it in a chat:
//      Họ tên; loại[; cờ, cờ, ...]
//    loại: "chính thức" | "dự bị" | "tạm thời" (or "sinh hoạt tạm thời")
//    cờ:   "miễn" (miễn công tác và sinh hoạt đảng)   → exempt, not evaluated (M2)
//          "nghỉ hưu"                                  → retired, membership not moved (M10)
//          "đi xa N" / "đi làm xa N tháng"             → working away N months, reported and allowed (M1, M10)
//          "tổ X"                                      → party group X (M6)
//          "cấp ủy" / "lãnh đạo"                       → committee member or leader (M5)
//          RULES-2025: "mẫu 2A", "kết nạp 15/08/2026", "đình chỉ", "ốm dài ngày", ... (see roster-facts.ts)
//    e.g.  Nguyễn Văn An; chính thức; tổ 2, cấp ủy
//    A row pasted from a spreadsheet has tabs instead of ";" and is read the same way.
//
// 2. CSV with the header name,kind,exempt,retired_not_moved,working_away_since,group,leader (any order, "," or ";"),
//    or the same columns in Vietnamese: họ tên, loại, miễn, nghỉ hưu, đi xa từ, tổ, cấp ủy (see roster-csv.ts).
//    Tab-separated files (a spreadsheet saved as "Unicode text") are read like CSV.
//    kind takes the same words; yes/no columns take 1/0, x, có/không, yes/no, true/false or empty;
//    working_away_since is YYYY-MM or YYYY-MM-DD, turned into whole months up to `asOf`.
import { localDateKey } from "./calendar";
import type { MemberKind } from "./levels";
import type { MemberStatusInput } from "./member-rating";
import { applyFactFlag, type RosterFacts } from "./roster-facts";
import { cleanName, foldVietnamese } from "./text";

export type RosterEntry = {
  name: string;
  group: string | null;
  status: MemberStatusInput;
  /** From the CSV column, kept so months away can be recomputed later. */
  workingAwaySince: string | null;
  /** RULES-2025 facts, only when any is given (roster-facts.ts). */
  facts?: RosterFacts;
};

export const ROSTER_ERROR_CODES = [
  "roster.missing-name",
  "roster.name-too-long",
  "roster.group-too-long",
  "roster.missing-kind",
  "roster.unknown-kind",
  "roster.unknown-flag",
  "roster.too-many-fields",
  "roster.invalid-months",
  "roster.invalid-boolean",
  "roster.invalid-date",
  "roster.csv-missing-column",
  "roster.too-many-members",
  "roster.invalid-form",
  "roster.invalid-admitted",
  "roster.invalid-special-case",
] as const;
export type RosterErrorCode = (typeof ROSTER_ERROR_CODES)[number];
export type RosterError = { error: RosterErrorCode; detail?: string };
export type RosterLineResult = { ok: true; value: RosterEntry } | ({ ok: false } & RosterError);
export type RosterImport = { entries: RosterEntry[]; errors: (RosterError & { line: number })[] };

export const MAX_NAME_LENGTH = 120;
/**
 * A branch's roster holds at most this many members (the largest real ones hold a few hundred): a file from anyone
 * cannot fill the database, nor make every later sweep and list slow.
 */
export const MAX_ROSTER_MEMBERS = 5000;
/** A roster file is refused above this size, read from the message before any download (5,000 rows fit in it). */
export const MAX_ROSTER_FILE_BYTES = 256 * 1024;

/** Whether `incoming` new members fit beside the `existing` ones of the branch. */
export function rosterHasRoom(existing: number, incoming: number): boolean {
  return existing + incoming <= MAX_ROSTER_MEMBERS;
}
/** A party group's name heads a line of /status: "Tổ 2", "Tổ Văn phòng Sở", not a paragraph. */
export const MAX_GROUP_LENGTH = 60;

const KINDS: Record<string, MemberKind> = {
  "chinh thuc": "official",
  "du bi": "probationary",
  "tam thoi": "temporary",
  "sinh hoat tam thoi": "temporary",
  official: "official",
  probationary: "probationary",
  temporary: "temporary",
};
const EXEMPT = new Set(["mien", "mien sinh hoat", "mien cong tac va sinh hoat dang", "exempt"]);
const RETIRED = new Set(["nghi huu", "huu", "retired"]);
const LEADER = new Set(["cap uy", "cap uy vien", "lanh dao", "leader"]);
const AWAY = /^(?:di (?:lam )?xa|away) (\d+)(?: thang| months?)?$/;
const GROUP_WORD = /^(?:to|group)(?:\s+|$)/i;

/** "Tổ 2", "to 2" and "2" name the same group; one line of at most MAX_GROUP_LENGTH characters. */
export function groupLabel(raw: string): string | null | RosterError {
  const cleaned = cleanName(raw);
  const label = GROUP_WORD.test(foldVietnamese(cleaned)) ? cleaned.replace(/^\S+\s*/, "") : cleaned;
  if (label === "") return null;
  return label.length > MAX_GROUP_LENGTH ? { error: "roster.group-too-long" } : label;
}

export function emptyRosterEntry(name: string, kind: MemberKind): RosterEntry {
  const status = { kind, exempt: false, retiredNotMoved: false, workingAwayMonths: 0, isLeader: false };
  return { name, group: null, status, workingAwaySince: null };
}

export function rosterName(raw: string | undefined): string | RosterError {
  const name = cleanName(raw ?? "");
  if (!name) return { error: "roster.missing-name" };
  if (name.length > MAX_NAME_LENGTH) return { error: "roster.name-too-long" };
  return name;
}

export function rosterKind(raw: string | undefined): MemberKind | RosterError {
  const folded = foldVietnamese(raw ?? "");
  if (!folded) return { error: "roster.missing-kind" };
  return KINDS[folded] ?? { error: "roster.unknown-kind", detail: raw!.trim() };
}

/** Apply one flag of the line format; returns an error or null. */
function applyFlag(entry: RosterEntry, raw: string): RosterError | null {
  const flag = foldVietnamese(raw);
  const away = AWAY.exec(flag);
  const fact = applyFactFlag(entry.facts ?? {}, raw);
  if (fact && "error" in fact) return fact;
  if (fact) entry.facts = fact;
  else if (EXEMPT.has(flag)) entry.status.exempt = true;
  else if (RETIRED.has(flag)) entry.status.retiredNotMoved = true;
  else if (LEADER.has(flag)) entry.status.isLeader = true;
  else if (away) {
    const months = Number(away[1]);
    if (!Number.isSafeInteger(months) || months > 600) return { error: "roster.invalid-months", detail: raw.trim() };
    entry.status.workingAwayMonths = months;
    entry.status.awayReportedAllowed = true;
  } else if (GROUP_WORD.test(flag) && groupLabel(raw)) {
    const group = groupLabel(raw);
    if (typeof group === "object") return group;
    entry.group = group;
  } else return { error: "roster.unknown-flag", detail: raw.trim() };
  return null;
}

/** The fields of a typed line ("; " between them) or of a row pasted from a spreadsheet (tabs, empty cells at the end). */
function lineFields(line: string): string[] {
  if (line.includes(";") || !line.includes("\t")) return line.split(";");
  const cells = line.split("\t");
  while (cells.length > 1 && cells.at(-1)!.trim() === "") cells.pop();
  return cells;
}

export function parseRosterLine(line: string): RosterLineResult {
  const fields = lineFields(line);
  if (fields.length > 3) return { ok: false, error: "roster.too-many-fields" };
  const name = rosterName(fields[0]);
  if (typeof name !== "string") return { ok: false, ...name };
  const kind = rosterKind(fields[1]);
  if (typeof kind !== "string") return { ok: false, ...kind };
  const entry = emptyRosterEntry(name, kind);
  for (const flag of (fields[2] ?? "").split(",").filter((f) => f.trim() !== "")) {
    const error = applyFlag(entry, flag);
    if (error) return { ok: false, ...error };
  }
  return { ok: true, value: entry };
}

/** Several lines as pasted in one message; blank lines and lines starting with # are skipped. */
export function parseRosterLines(text: string): RosterImport {
  const result: RosterImport = { entries: [], errors: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "" || raw.trim().startsWith("#")) return;
    const parsed = parseRosterLine(raw);
    if (parsed.ok) result.entries.push(parsed.value);
    else result.errors.push({ line: i + 1, error: parsed.error, ...(parsed.detail ? { detail: parsed.detail } : {}) });
  });
  return result;
}

/** [year, month, day] of a YYYY-MM or YYYY-MM-DD date (day 1 when absent), or null. */
export function parseMonthDate(text: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? "1")];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? [y, mo, d] : null;
}

/** Whole months from a YYYY-MM[-DD] date to the local day of `asOf` (at the review zone's offset); null if malformed. */
export function fullMonthsBetween(since: string, asOf: string, offsetMinutes: number): number | null {
  const start = parseMonthDate(since);
  if (!start) return null;
  const [y1, m1, d1] = start;
  const [y2, m2, d2] = localDateKey(asOf, offsetMinutes).split("-").map(Number) as [number, number, number];
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
}
