// V36: a show of hands issues no ballots. Its minutes are "BIÊN BẢN BIỂU QUYẾT", with no ballots issued and no
// ballot counters to sign; a secret ballot keeps "BIÊN BẢN KIỂM PHIẾU". A meeting that used both keeps the latter.
import type { BranchPapers, PaperRow } from "../../store/documents-data";

export type MinutesWords = {
  titleKey: "docs.minutes_title" | "docs.minutes_title_hands";
  /** Under `export.caption.` */
  captionKey: "minutes" | "minutes_hands";
  fileName: string;
  /** The "ballots issued" column and the ballot counters' signature. */
  ballots: boolean;
};

export function minutesWords(papers: BranchPapers, year: number): MinutesWords {
  const ballots = papers.rows.some((row) => row.tally?.method === "secret");
  return ballots
    ? { titleKey: "docs.minutes_title", captionKey: "minutes", fileName: `bien-ban-kiem-phieu-${year}`, ballots }
    : { titleKey: "docs.minutes_title_hands", captionKey: "minutes_hands", fileName: `bien-ban-bieu-quyet-${year}`, ballots };
}

/** One ballot per member present, in a secret ballot only. */
export const ballotsIssued = (tally: NonNullable<PaperRow["tally"]>) => (tally.method === "secret" ? tally.present : "");
