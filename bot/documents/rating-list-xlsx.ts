// The rating list as a workbook, laid out as the DOCX: letterhead in rows 1–2, title in row 3, the table's header
// in row 5 (repeated on every printed page), members from row 6, the signature under them. A4 landscape, one page wide.
import ExcelJS from "exceljs";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { BranchPapers } from "../../store/documents-data";
import type { Translate } from "../kit/i18n";
import { cellWriter, LINE_HEIGHT, linesIn } from "./xlsx-parts";
import { issuerLines } from "./letterhead";
import { LIST_CENTRED, LIST_COLUMNS, listSigner, listTable } from "./rating-list-rows";

/** Characters wide; the same proportions as the DOCX columns. */
const WIDTHS = [6, 24, 8, 14, 26, 12, 50];
const LAST = LIST_COLUMNS.length;

export async function ratingListXlsx(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("docs.col.result").slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      printTitlesRow: "5:5",
    },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const put = cellWriter(sheet);
  const { upper, org } = issuerLines(papers);
  put(1, 1, 3, upper ?? org, { bold: !upper });
  put(1, 4, LAST, t("docs.party"), { bold: true, underline: true });
  put(2, 1, 3, upper ? org : "*", { bold: Boolean(upper) });
  put(2, 4, LAST, t("docs.place_date"), { italic: true });
  put(3, 1, LAST, t("docs.list_title", { year: papers.year }), { bold: true, size: 14 });
  sheet.getRow(3).height = 30;
  const { header, rows } = listTable(t, papers, lang, zone);
  for (const [i, h] of header.entries()) put(5, i + 1, i + 1, h, { bold: true, box: true });
  sheet.getRow(5).height = LINE_HEIGHT * Math.max(...header.map((h, i) => linesIn(h, WIDTHS[i]!)));
  for (const [r, cells] of rows.entries()) {
    sheet.getRow(6 + r).height = LINE_HEIGHT * Math.max(...cells.map((value, i) => linesIn(value, WIDTHS[i]!)));
    for (const [i, value] of cells.entries()) {
      put(6 + r, i + 1, i + 1, value, { align: typeof value === "number" || LIST_CENTRED.includes(i) ? "center" : "left", box: true });
    }
  }
  const signer = listSigner(t, papers);
  const at = 6 + rows.length + 1;
  for (const [i, line] of signer.lines.entries()) put(at + i, 5, LAST, line, { bold: true });
  put(at + signer.lines.length + 3, 5, LAST, signer.name ?? t("docs.sign.hint"), { bold: Boolean(signer.name), italic: !signer.name });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
