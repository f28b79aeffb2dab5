import { DomainError } from "../reasons";
import type { Rulebook } from "../rulebook";
import { hd07_2011 } from "./hd07-2011";

export { hd07_2011 };

export const RULEBOOKS: Readonly<Record<string, Rulebook>> = { [hd07_2011.id]: hd07_2011 };

export function getRulebook(id: string): Rulebook {
  const rulebook = Object.hasOwn(RULEBOOKS, id) ? RULEBOOKS[id] : undefined;
  if (!rulebook) throw new DomainError("rulebook.unknown", { id });
  return rulebook;
}
