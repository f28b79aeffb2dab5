// The lines of the rating list (danh sách xếp loại, C.III.7), shared by its XLSX and DOCX forms.
import type { ReviewTimeZone } from "../../domain/calendar";
import type { BranchPapers, PaperRow } from "../../store/documents-data";
import { describeOutcome, describeReasons } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import type { Signer } from "./letterhead";
import type { ListPaper } from "./list-paper";

export const LIST_COLUMNS = ["index", "name", "group", "kind", "result", "state", "note"] as const;
/** Shares of the width in percent: the reasons take the room they need, a name stays on one line. */
export const LIST_SHARES = [5, 18, 6, 11, 19, 9, 32];
/** Characters wide in the workbook; the same proportions as the DOCX columns. */
const LIST_WIDTHS = [6, 24, 8, 14, 26, 12, 50];
/** Short columns read better centred: the number and the party group. */
export const LIST_CENTRED = [0, 2];

function kindText(t: Translate, row: PaperRow): string {
  return row.exempt ? t("rating.kind.exempt") : t(`rating.kind.${row.kind}`);
}

/** One line of the rating list: the official level, its state, and the reasons (with the M11 note, the M9 grounds). */
function listRow(t: Translate, row: PaperRow, index: number, lang: string, zone: ReviewTimeZone): Array<string | number> {
  const o = row.outcome;
  const note = o ? [o.kind === "level" && o.note ? o.note : "", describeReasons(t, o.reasons, lang, zone)].filter(Boolean).join(" ") : "";
  return [
    index + 1,
    row.fullName,
    row.group ?? "",
    kindText(t, row),
    o ? describeOutcome(t, o) : t("rating.outcome.awaiting-tally"),
    row.state ? t(`rating.state.${row.state}`) : "",
    note,
  ];
}

export function listTable(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone) {
  return {
    header: LIST_COLUMNS.map((c) => t(`docs.col.${c}`)),
    rows: papers.rows.map((row, i) => listRow(t, row, i, lang, zone)),
  };
}

/** The list goes up signed for the branch committee by its secretary (V1), not by the minutes' clerk. */
export function listSigner(t: Translate, papers: BranchPapers): Signer {
  return { lines: [t("docs.sign.for_committee"), t("docs.sign.branch_secretary")], name: papers.secretaryName };
}

/** The list as a paper (./list-paper.ts): the same table in the DOCX and the workbook. */
export function ratingListPaper(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): ListPaper {
  return {
    title: t("docs.list_title", { year: papers.year }),
    ...listTable(t, papers, lang, zone),
    shares: LIST_SHARES,
    widths: LIST_WIDTHS,
    centred: LIST_CENTRED,
    signer: listSigner(t, papers),
    sheetName: t("docs.col.result"),
  };
}
