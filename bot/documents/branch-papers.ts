// The rating list (danh sách xếp loại, C.III.7) as DOCX, and the ballot minutes (biên bản kiểm phiếu), in the
// party's layout (DESIGN.md, "Words"). The XLSX form of the list is in rating-list-xlsx.ts.
import { Document, Packer } from "docx";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { BranchPapers } from "../../store/documents-data";
import { describeOutcome } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import { a4Section, DOCUMENT_STYLES, table, text, usableWidth } from "./docx-parts";
import { letterhead, signatureBlocks, title } from "./letterhead";
import { LIST_CENTRED, LIST_SHARES, listSigner, listTable } from "./rating-list-rows";

export { ratingListXlsx } from "./rating-list-xlsx";

const LANDSCAPE = usableWidth("landscape");

export async function ratingListDocx(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  const { header, rows } = listTable(t, papers, lang, zone);
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("landscape", [
        letterhead(t, papers, LANDSCAPE),
        ...title(t("docs.list_title", { year: papers.year })),
        table(header, rows, LANDSCAPE, LIST_SHARES, LIST_CENTRED),
        ...signatureBlocks(t, [listSigner(t, papers)], LANDSCAPE),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}

const MINUTES_COLUMNS = ["index", "name", "method", "official", "present", "issued", "valid", "l1", "l2", "l3", "l4", "result"] as const;
const MINUTES_SHARES = [5, 15, 9, 7, 6, 6, 6, 8, 7, 8, 9, 14];

/** M13: the counts of each member's vote; a secret ballot issues one ballot per member present. */
export async function ballotMinutesDocx(t: Translate, papers: BranchPapers): Promise<Buffer> {
  const rows = papers.rows.map((row, i) => {
    const c = row.tally;
    const counts = c
      ? [t(`tally.method.${c.method}`), c.official, c.present, c.present, c.valid, c.votes.L1, c.votes.L2, c.votes.L3, c.votes.L4]
      : ["", "", "", "", "", "", "", "", ""];
    return [i + 1, row.fullName, ...counts, row.outcome ? describeOutcome(t, row.outcome) : t("rating.outcome.awaiting-tally")];
  });
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("landscape", [
        letterhead(t, papers, LANDSCAPE),
        ...title(t("docs.minutes_title"), t("docs.minutes_subtitle", { year: papers.year })),
        text(t("docs.minutes_summary", { total: papers.rows.length, official: papers.official, evaluated: papers.evaluated }), {
          align: "justify",
          indent: true,
        }),
        text(t("docs.minutes_rule"), { italic: true, align: "justify", indent: true, after: 120 }),
        table(
          MINUTES_COLUMNS.map((c) => t(`docs.col.${c}`)),
          rows,
          LANDSCAPE,
          MINUTES_SHARES,
        ),
        ...signatureBlocks(
          t,
          [t("docs.sign.counters"), t("docs.sign.secretary"), t("docs.sign.chair")].map((line) => ({ lines: [line], name: null })),
          LANDSCAPE,
        ),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
