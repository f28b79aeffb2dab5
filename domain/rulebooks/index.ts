import { DomainError } from "../reasons";
import type { Rulebook } from "../rulebook";
import { hd07_2011 } from "./hd07-2011";
import { qd366_2025 } from "./qd366-2025";

export { hd07_2011, qd366_2025 };

export const RULEBOOKS: Readonly<Record<string, Rulebook>> = { [hd07_2011.id]: hd07_2011, [qd366_2025.id]: qd366_2025 };

/**
 * The rulebook a period gets when nothing else says (test seeds, the rewards and reports of a year without a period):
 * the 2011 one, which everything before issue 15 was built on. /setup offers `rulebookIdForYear` instead.
 */
export const DEFAULT_RULEBOOK_ID: string = hd07_2011.id;

/** The year the 366 rules apply from (RULES-2025): /setup offers them first from this year on. */
export const QD366_FROM_YEAR = 2025;

/** The rulebook /setup offers first for a review year. */
export function rulebookIdForYear(year: number): string {
  return year >= QD366_FROM_YEAR ? qd366_2025.id : hd07_2011.id;
}

export function getRulebook(id: string): Rulebook {
  const rulebook = Object.hasOwn(RULEBOOKS, id) ? RULEBOOKS[id] : undefined;
  if (!rulebook) throw new DomainError("rulebook.unknown", { id });
  return rulebook;
}
