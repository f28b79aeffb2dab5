// RULES-2025 facts of a roster entry (both formats of roster.ts): the self-review form (N2: 2A, 2B, 2C), the admission
// date (N1: admitted less than 6 months before the review is not evaluated), a suspension from activities (N1) and a
// special case (N8: long sickness, maternity leave, attached temporarily to another branch).
//   line flags:  "mẫu 2A" (or "2A"), "kết nạp 15/08/2026" (or 2026-08-15), "đình chỉ", "ốm dài ngày", "thai sản",
//                "sinh hoạt tạm thời nơi khác"
//   CSV columns: form / mẫu, admitted_on / ngày kết nạp, suspended / đình chỉ, special_case / trường hợp đặc biệt
import type { ReviewForm, SpecialCase } from "./levels";
import { foldVietnamese } from "./text";

/** Only the facts given are set: an entry without any has no `facts`. */
export type RosterFacts = { form?: ReviewForm; admittedOn?: string; suspended?: boolean; specialCase?: SpecialCase };
export type RosterFactError = { error: "roster.invalid-form" | "roster.invalid-admitted" | "roster.invalid-special-case"; detail?: string };

const FORMS: Record<string, ReviewForm> = { "2a": "2A", "2b": "2B", "2c": "2C" };
const FORM_FLAG = /^(?:mau|form)\s+(\S+)$|^(2[a-z])$/;
const SUSPENDED = new Set(["dinh chi", "dinh chi sinh hoat", "suspended"]);
const SPECIAL: Record<string, SpecialCase> = {
  "om dai ngay": "sick",
  om: "sick",
  sick: "sick",
  "thai san": "maternity",
  "nghi thai san": "maternity",
  maternity: "maternity",
  "sinh hoat tam thoi noi khac": "attached-elsewhere",
  "attached elsewhere": "attached-elsewhere",
  "attached-elsewhere": "attached-elsewhere",
};
const ADMITTED_FLAG = /^(?:ket nap|admitted)\s+(.+)$/;

/** A day as dd/mm/yyyy (or - .) or YYYY-MM-DD, as "YYYY-MM-DD"; null when it is not a day of the calendar. */
export function rosterDay(text: string): string | null {
  const trimmed = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : ymd ? [ymd[1], ymd[2], ymd[3]].map(Number) : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function rosterForm(raw: string): ReviewForm | RosterFactError {
  return FORMS[foldVietnamese(raw)] ?? { error: "roster.invalid-form", detail: raw.trim() };
}

/** A special case's words (empty: none). */
export function rosterSpecialCase(raw: string): SpecialCase | null | RosterFactError {
  const folded = foldVietnamese(raw);
  if (folded === "") return null;
  return SPECIAL[folded] ?? { error: "roster.invalid-special-case", detail: raw.trim() };
}

/**
 * One flag of the line format, if it is a RULES-2025 fact: the facts with it applied, an error, or null when the
 * flag is not one of these (the caller tries the others).
 */
export function applyFactFlag(facts: RosterFacts, raw: string): RosterFacts | RosterFactError | null {
  const flag = foldVietnamese(raw);
  const form = FORM_FLAG.exec(flag);
  if (form) {
    const parsed = rosterForm(form[1] ?? form[2]!);
    return typeof parsed === "string" ? { ...facts, form: parsed } : { ...parsed, detail: raw.trim() };
  }
  const admitted = ADMITTED_FLAG.exec(flag);
  if (admitted) {
    const day = rosterDay(admitted[1]!);
    return day ? { ...facts, admittedOn: day } : { error: "roster.invalid-admitted", detail: raw.trim() };
  }
  if (SUSPENDED.has(flag)) return { ...facts, suspended: true };
  if (Object.hasOwn(SPECIAL, flag)) return { ...facts, specialCase: SPECIAL[flag] };
  return null;
}

export type RosterFactsSummary = {
  forms: Record<ReviewForm, number>;
  admitted: number;
  suspended: number;
  special: Record<SpecialCase, number>;
};

/** How many entries carry each fact (the roster preview shows the ones that are not zero). */
export function summarizeFacts(entries: ReadonlyArray<{ facts?: RosterFacts }>): RosterFactsSummary {
  const out: RosterFactsSummary = {
    forms: { "2A": 0, "2B": 0, "2C": 0 },
    admitted: 0,
    suspended: 0,
    special: { sick: 0, maternity: 0, "attached-elsewhere": 0 },
  };
  for (const { facts } of entries) {
    if (!facts) continue;
    if (facts.form) out.forms[facts.form] += 1;
    if (facts.admittedOn) out.admitted += 1;
    if (facts.suspended) out.suspended += 1;
    if (facts.specialCase) out.special[facts.specialCase] += 1;
  }
  return out;
}
