// RULES-2025 open points as a committee sees and changes them (/openpoints): each point's possible values, the
// rulebook's default and the value in force for a period (its committee's value where set, else the default).
import type { CapRounding, OpenPoints } from "./rulebook";

export const OPEN_POINT_KEYS = ["capBaseIncludesExcellent", "capRounding", "outstandingUnit"] as const;
export type OpenPointKey = (typeof OPEN_POINT_KEYS)[number];
export type OpenPointValue = boolean | CapRounding;

/** The values each point may take, in the order the buttons show them. */
export const OPEN_POINT_VALUES: { readonly [K in OpenPointKey]: readonly Required<OpenPoints>[K][] } = {
  capBaseIncludesExcellent: [true, false],
  capRounding: ["floor", "nearest"],
  outstandingUnit: [false, true],
};

// The rulebook's defaults are read in one place, open-points.ts.
export { openPointDefaults } from "./open-points";

/** The values in force: the period's own where set, the rulebook's otherwise. */
export function openPointsInForce(defaults: Required<OpenPoints>, stored: OpenPoints): Required<OpenPoints> {
  return { ...defaults, ...Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined)) };
}

/** Whether `value` is one the point may take (button data is user input). */
export function isOpenPointValue(key: OpenPointKey, value: unknown): value is OpenPointValue {
  return (OPEN_POINT_VALUES[key] as readonly unknown[]).includes(value);
}
