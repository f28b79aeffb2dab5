// M4: a self-rating typed instead of pressed ("xuất sắc", "tốt", "2", "Hoàn thành tốt nhiệm vụ"; English too), so
// nobody is refused for typing what a button says, and a channel without buttons can answer the same.
import type { MemberLevel } from "./levels";
import { foldVietnamese } from "./text";

/** Longer than this, typed text is a sentence, not the name of a level. */
const MAX_TYPED = 60;

/** The level a short typed answer names: its number (1 = excellent … 4) or its words; null for anything else. */
export function typedLevel(text: string): MemberLevel | null {
  const folded = foldVietnamese(text)
    .replace(/[.,;:!«»"“”()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (folded.length === 0 || folded.length > MAX_TYPED) return null;
  const number = /^(?:muc |level )?([1-4])$/.exec(folded)?.[1];
  if (number) return `L${number}` as MemberLevel;
  // The most specific words first: "không hoàn thành" holds "hoàn thành", "hoàn thành tốt" holds both.
  if (/\b(khong hoan thanh|vi pham|violated|not completed)\b/.test(folded)) return "L4";
  if (/\b(xuat sac|excellent)\b/.test(folded)) return "L1";
  if (/\b(tot|good)\b/.test(folded)) return "L2";
  if (/\b(hoan thanh|completed)\b/.test(folded)) return "L3";
  return null;
}
