// M8, N6: how many seats a cap of `share × base` gives. The rounding is a rulebook value (an open point of
// RULES-2025 N6): "floor" (2011, and the 366 default) or "nearest" (half rounds up). Integers only.
import type { Fraction } from "./fraction";
import type { CapRounding, Rulebook } from "./rulebook";

/** share × base rounded: floor(num·base / den), or nearest = floor((2·num·base + den) / (2·den)). */
export function capCount(base: number, share: Fraction, rounding: CapRounding): number {
  const twice = rounding === "nearest" ? 2 * share.num * base + share.den : 2 * share.num * base;
  const den = 2 * share.den;
  return (twice - (twice % den)) / den;
}

/** The members' L1 cap of a base by the rulebook (absent rounding: floor, as 2011 reads M8). */
export function l1CapCount(base: number, rulebook: Rulebook): number {
  const { share, rounding } = rulebook.member.l1Cap;
  return capCount(base, share, rounding ?? "floor");
}
