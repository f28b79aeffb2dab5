// RULES-2025: under a rulebook that rates by score the words differ where a key has a `_score` variant (i18next
// context, as the committee's cap words already use): the levels' names of 366-QĐ/TW («Hoàn thành xuất sắc nhiệm
// vụ», without 2011's «Đủ tư cách»), and the cap texts that quote them. Every other key reads as it does.
import { getRulebook } from "../../domain/rulebooks";
import type { Translate } from "./i18n";

type Options = Record<string, unknown>;

/** `t` itself under a ballot rulebook (2011); else a translator that asks for the `score` context first. */
export function wordsOf(t: Translate, rulebookId: string): Translate {
  return getRulebook(rulebookId).score === null ? t : scoreWords(t);
}

/** For a flow that exists only under a rulebook that rates by score (N7's decision otherwise). */
export function scoreWords(t: Translate): Translate {
  const translate = t as unknown as (key: unknown, options?: Options) => string;
  // A context the caller gives (e.g. "numbered") stays theirs.
  const scored = (key: unknown, options?: Options) => translate(key, { context: "score", ...options });
  return Object.assign(scored, t) as unknown as Translate;
}
