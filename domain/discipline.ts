// M9: decisions of discipline, and whether one puts a member under discipline during the review year. Days are local
// calendar days of the review time zone ("YYYY-MM-DD"): a decision is dated by its day, not by an instant.
import type { DaySpan } from "./calendar";
import { DISCIPLINE_LEVELS, DISCIPLINE_SOURCES, type DisciplineLevel, type DisciplineSource } from "./levels";
import type { Rulebook } from "./rulebook";

export type DisciplineInput = {
  level: DisciplineLevel;
  source: DisciplineSource;
  /** The day of the decision, "YYYY-MM-DD". */
  decidedOn: string;
  /** The last day it is in force, when known; null: in force until further notice. */
  endsOn?: string | null;
  /** The decision's number as typed (e.g. "15-QĐ/ĐU"), when recorded. */
  decisionNumber?: string | null;
};

/** M9: is this a form of discipline its source decides (e.g. "hạ bậc lương" is the state's only)? */
export function isDisciplineForm(source: DisciplineSource, level: DisciplineLevel, rulebook: Rulebook): boolean {
  const { sources, forms } = rulebook.member.discipline;
  return sources.includes(source) && forms[source].includes(level);
}

/** The forms a source decides, lightest first (what the secretary may pick for that source). */
export function disciplineForms(source: DisciplineSource, rulebook: Rulebook): DisciplineLevel[] {
  return DISCIPLINE_LEVELS.filter((level) => isDisciplineForm(source, level, rulebook));
}

/** The sources the rulebook knows, in the guideline's order (party, state, mass organizations). */
export function disciplineSources(rulebook: Rulebook): DisciplineSource[] {
  return DISCIPLINE_SOURCES.filter((s) => rulebook.member.discipline.sources.includes(s));
}

/** M9 Decision: in force at some day of the span — decided by its last day, and not ended before its first. */
export function inForceDuring(d: Pick<DisciplineInput, "decidedOn" | "endsOn">, span: DaySpan): boolean {
  return d.decidedOn <= span.last && (d.endsOn == null || d.endsOn >= span.first);
}

/**
 * M9: the heaviest decision of the minimum level or heavier, of a form its source has, in force at any time during
 * the review year; null if none. The year's first and last local days come in (calendar.ts `reviewYearDays`).
 */
export function disciplineInYear(disciplines: readonly DisciplineInput[], reviewYear: DaySpan, rulebook: Rulebook): DisciplineInput | null {
  const minimum = DISCIPLINE_LEVELS.indexOf(rulebook.member.discipline.minimumLevel);
  let heaviest: DisciplineInput | null = null;
  for (const d of disciplines) {
    const severity = DISCIPLINE_LEVELS.indexOf(d.level);
    if (severity < minimum || !isDisciplineForm(d.source, d.level, rulebook) || !inForceDuring(d, reviewYear)) continue;
    if (!heaviest || severity > DISCIPLINE_LEVELS.indexOf(heaviest.level)) heaviest = d;
  }
  return heaviest;
}

export const DISCIPLINE_ERROR_CODES = ["discipline.form", "discipline.decided-future", "discipline.ends-before-decided"] as const;
export type DisciplineErrorCode = (typeof DISCIPLINE_ERROR_CODES)[number];

/** What makes a decision unfit to record: a form its source lacks, a decision dated after today, an end before it. */
export function disciplineRecordErrors(d: DisciplineInput, rulebook: Rulebook, today: string): DisciplineErrorCode[] {
  const errors: DisciplineErrorCode[] = [];
  if (!isDisciplineForm(d.source, d.level, rulebook)) errors.push("discipline.form");
  if (d.decidedOn > today) errors.push("discipline.decided-future");
  if (d.endsOn != null && d.endsOn < d.decidedOn) errors.push("discipline.ends-before-decided");
  return errors;
}
