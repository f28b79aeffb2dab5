// The rating list (danh sách xếp loại, C.III.7) as XLSX and DOCX, and the ballot minutes (biên bản kiểm phiếu).
import { Document, Packer, PageOrientation, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { withoutForbiddenCharacters } from "../../domain/text";
import type { BranchPapers, PaperRow } from "../../store/documents-data";
import type { ReviewTimeZone } from "../../domain/calendar";
import { describeOutcome, describeReasons } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import { FONT, signatures, table, text } from "./docx-parts";
import { ballotsIssued, minutesWords } from "./minutes-words";

const LIST_COLUMNS = ["index", "name", "group", "kind", "result", "state", "note"] as const;

function kindText(t: Translate, row: PaperRow): string {
  return row.exempt ? t("rating.kind.exempt") : t(`rating.kind.${row.kind}`);
}

/** One line of the rating list: the official level, its state, and the reasons (with the M11 note, the M9 grounds). */
function listRow(t: Translate, row: PaperRow, index: number, lang: string, zone: ReviewTimeZone): string[] {
  const o = row.outcome;
  const note = o ? [o.kind === "level" && o.note ? o.note : "", describeReasons(t, o.reasons, lang, zone)].filter(Boolean).join(" ") : "";
  return [
    String(index + 1),
    row.fullName,
    row.group ?? "",
    kindText(t, row),
    o ? describeOutcome(t, o) : t("rating.outcome.awaiting-tally"),
    row.state ? t(`rating.state.${row.state}`) : "",
    note,
  ];
}

export async function ratingListXlsx(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("docs.col.result").slice(0, 31));
  // What XML 1.0 forbids (U+FFFE, U+FFFF, controls) would make the whole workbook unreadable.
  const addRow = (cells: string[]) => sheet.addRow(cells.map(withoutForbiddenCharacters));
  addRow([t("docs.party")]);
  addRow([t("docs.org", { org: papers.orgName })]);
  addRow([t("docs.list_title", { year: papers.year })]).font = { bold: true, name: FONT };
  addRow([]);
  addRow(LIST_COLUMNS.map((c) => t(`docs.col.${c}`))).font = { bold: true, name: FONT };
  for (const [i, row] of papers.rows.entries()) addRow(listRow(t, row, i, lang, zone));
  for (const [i, column] of sheet.columns.entries()) column.width = [6, 30, 10, 18, 45, 14, 60][i];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function ratingListDocx(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          text(t("docs.party"), { bold: true, center: true }),
          text(t("docs.org", { org: papers.orgName })),
          text(t("docs.list_title", { year: papers.year }), { bold: true, center: true }),
          new Paragraph(""),
          table(
            LIST_COLUMNS.map((c) => t(`docs.col.${c}`)),
            papers.rows.map((row, i) => listRow(t, row, i, lang, zone)),
          ),
          new Paragraph(""),
          signatures([t("docs.sign.secretary")], t("docs.sign.hint")),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const MINUTES_COLUMNS = ["index", "name", "method", "official", "present", "issued", "valid", "l1", "l2", "l3", "l4", "result"] as const;

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
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          text(t("docs.party"), { bold: true, center: true }),
          text(t("docs.org", { org: papers.orgName })),
          text(t(words.titleKey), { bold: true, center: true }),
          text(t("docs.minutes_subtitle", { year: papers.year }), { center: true }),
          new Paragraph(""),
          text(t("docs.minutes_summary", { total: papers.rows.length, official: papers.official, evaluated: papers.evaluated })),
          text(t("docs.minutes_rule"), { italic: true }),
          new Paragraph(""),
          table(
            columns.map((c) => t(`docs.col.${c}`)),
            rows,
          ),
          new Paragraph(""),
          signatures(
            [...(words.ballots ? [t("docs.sign.counters")] : []), t("docs.sign.clerk"), t("docs.sign.chair")],
            t("docs.sign.hint"),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
