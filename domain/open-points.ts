// RULES-2025 "Open points": what a period's committee may read differently from the rulebook's default (N6's base,
// rounding and the share of an outstanding unit). Stored with the period as JSON (ReviewPeriod.openPoints); the
// period's effective rulebook is `withOpenPoints(rulebook, openPoints)`, so the cap code reads only rulebook values.
// The effective rulebook keeps its id: the id names the text, the open points are the period's reading of it.
import { z } from "zod";
import { CAP_ROUNDINGS, type CapRounding, type OpenPoints, type Rulebook } from "./rulebook";

/** The open points in the order the bot shows them, each with the values it may take. */
export const OPEN_POINTS = [
  { key: "capBaseIncludesExcellent", values: [true, false] },
  { key: "capRounding", values: CAP_ROUNDINGS },
  { key: "outstandingUnit", values: [false, true] },
] as const satisfies readonly { key: keyof OpenPoints; values: readonly unknown[] }[];
export type OpenPointKey = (typeof OPEN_POINTS)[number]["key"];

/** The stored JSON, strictly: an unknown key or a wrong value is an error, not ignored. */
export const openPointsSchema = z
  .object({
    capBaseIncludesExcellent: z.boolean().optional(),
    capRounding: z.enum(CAP_ROUNDINGS).optional(),
    outstandingUnit: z.boolean().optional(),
  })
  .strict();

/** A period's stored text (null or empty: none); null when it is not valid open points. */
export function parseOpenPoints(text: string | null): OpenPoints | null {
  if (text === null || text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = openPointsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The rulebook's reading of every open point; a rulebook of ballots (2011) has none. */
export function openPointDefaults(rulebook: Rulebook): Required<OpenPoints> | null {
  if (!rulebook.score) return null;
  return {
    capBaseIncludesExcellent: rulebook.score.cap.baseIncludesExcellent,
    capRounding: rulebook.score.cap.rounding,
    outstandingUnit: false,
  };
}

/** Every open point as the period reads it: the value in force, the rulebook's default, and what it may become. */
export type OpenPointView = {
  [K in OpenPointKey]: {
    key: K;
    value: Required<OpenPoints>[K];
    defaultValue: Required<OpenPoints>[K];
    values: readonly Required<OpenPoints>[K][];
  };
}[OpenPointKey];

export function openPointViews(rulebook: Rulebook, openPoints: OpenPoints): OpenPointView[] {
  const defaults = openPointDefaults(rulebook);
  if (!defaults) return [];
  const view = <K extends OpenPointKey>(key: K, values: readonly Required<OpenPoints>[K][]) =>
    ({ key, value: openPoints[key] ?? defaults[key], defaultValue: defaults[key], values }) as OpenPointView;
  return OPEN_POINTS.map((p) => view(p.key, p.values as readonly Required<OpenPoints>[typeof p.key][]));
}

/**
 * The period's effective rulebook: N6's share (25% for an outstanding unit), base (without the excellent ones: the
 * M8 "l2-only" base) and rounding, in `score.cap` and in `member.l1Cap` where the cap code reads them. A rulebook of
 * ballots has no open points and is returned as it is.
 */
export function withOpenPoints(rulebook: Rulebook, openPoints: OpenPoints): Rulebook {
  const defaults = openPointDefaults(rulebook);
  if (!rulebook.score || !defaults) return rulebook;
  const reading = { ...defaults, ...definedOnly(openPoints) };
  const cap = rulebook.score.cap;
  const rounding: CapRounding = reading.capRounding;
  return {
    ...rulebook,
    score: { ...rulebook.score, cap: { ...cap, baseIncludesExcellent: reading.capBaseIncludesExcellent, rounding } },
    member: {
      ...rulebook.member,
      l1Cap: {
        ...rulebook.member.l1Cap,
        share: reading.outstandingUnit ? cap.outstandingUnitShare : cap.share,
        base: reading.capBaseIncludesExcellent ? "reached-l2-or-better" : "l2-only",
        rounding,
      },
    },
  };
}

const definedOnly = (points: OpenPoints): OpenPoints =>
  Object.fromEntries(Object.entries(points).filter(([, v]) => v !== undefined)) as OpenPoints;

/** One open point changed (button data is user input: an unknown key or a wrong value gives null). */
export function changeOpenPoint(openPoints: OpenPoints, key: string, value: unknown): OpenPoints | null {
  const parsed = openPointsSchema.safeParse({ ...openPoints, [key]: value });
  return parsed.success ? parsed.data : null;
}
