import { DomainError } from "../reasons";
import type { Rulebook } from "../rulebook";
import { hd07_2011 } from "./hd07-2011";

export { hd07_2011 };

// The 2025 rules (RULES-2025.md, Quy định 366-QĐ/TW) will be one more entry here, and a choice in /setup.
export const RULEBOOKS: Readonly<Record<string, Rulebook>> = { [hd07_2011.id]: hd07_2011 };

/** The one place that says which rulebook a new review period gets; everything after reads the period's rulebookId. */
export const DEFAULT_RULEBOOK_ID: string = hd07_2011.id;

export function getRulebook(id: string): Rulebook {
  const rulebook = Object.hasOwn(RULEBOOKS, id) ? RULEBOOKS[id] : undefined;
  if (!rulebook) throw new DomainError("rulebook.unknown", { id });
  return rulebook;
}
