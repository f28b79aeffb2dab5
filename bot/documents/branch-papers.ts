// The rating list (danh sách xếp loại, C.III.7) as DOCX, and the ballot minutes (biên bản kiểm phiếu), in the
// party's layout (DESIGN.md, "Words"). The XLSX form of the list is in rating-list-xlsx.ts.
import { Document, Packer } from "docx";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { BranchPapers } from "../../store/documents-data";
import { describeOutcome } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import { a4Section, DOCUMENT_STYLES, table, text, usableWidth } from "./docx-parts";
import { letterhead, signatureBlocks, title } from "./letterhead";
import { ballotsIssued, minutesWords } from "./minutes-words";
import { listPaperDocx } from "./list-paper";
import { ratingListPaper } from "./rating-list-rows";

export { ratingListXlsx } from "./rating-list-xlsx";

const LANDSCAPE = usableWidth("landscape");

export async function ratingListDocx(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  return listPaperDocx(t, papers, ratingListPaper(t, papers, lang, zone));
}

const MINUTES_COLUMNS = ["index", "name", "method", "official", "present", "issued", "valid", "l1", "l2", "l3", "l4", "result"] as const;
const MINUTES_SHARES = [5, 15, 9, 7, 6, 6, 6, 8, 7, 8, 9, 14];

/** M13: the counts of each member's vote; a secret ballot issues one ballot per member present (V36). */
export async function ballotMinutesDocx(t: Translate, papers: BranchPapers): Promise<Buffer> {
  const words = minutesWords(papers, papers.year);
  const columns = MINUTES_COLUMNS.filter((c) => words.ballots || c !== "issued");
  const rows = papers.rows.map((row, i) => {
    const c = row.tally;
    const counts = c
      ? { method: t(`tally.method.${c.method}`), official: c.official, present: c.present, issued: ballotsIssued(c), valid: c.valid }
      : {};
    const votes = c ? { l1: c.votes.L1, l2: c.votes.L2, l3: c.votes.L3, l4: c.votes.L4 } : {};
    const result = row.outcome ? describeOutcome(t, row.outcome) : t("rating.outcome.awaiting-tally");
    const cells: Partial<Record<(typeof MINUTES_COLUMNS)[number], string | number>> = {
      index: i + 1,
      name: row.fullName,
      ...counts,
      ...votes,
      result,
    };
    return columns.map((column) => cells[column] ?? "");
  });
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("landscape", [
        letterhead(t, papers, LANDSCAPE),
        ...title(t(words.titleKey), t("docs.minutes_subtitle", { year: papers.year })),
        text(t("docs.minutes_summary", { total: papers.rows.length, official: papers.official, evaluated: papers.evaluated }), {
          align: "justify",
          indent: true,
        }),
        text(t("docs.minutes_rule"), { italic: true, align: "justify", indent: true, after: 120 }),
        table(
          columns.map((c) => t(`docs.col.${c}`)),
          rows,
          LANDSCAPE,
          columns.map((c) => MINUTES_SHARES[MINUTES_COLUMNS.indexOf(c)]),
        ),
        ...signatureBlocks(
          t,
          [...(words.ballots ? [t("docs.sign.counters")] : []), t("docs.sign.clerk"), t("docs.sign.chair")].map((line) => ({
            lines: [line],
            name: null,
          })),
          LANDSCAPE,
        ),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
