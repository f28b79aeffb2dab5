// A landscape list in the party's layout, as DOCX and as XLSX: letterhead, title, one table whose header repeats on
// every page, the signature. The 2011 rating list and the 366 appraisal list are both made of it.
import { Document, Packer } from "docx";
import ExcelJS from "exceljs";
import type { Issuer } from "../../store/documents-data";
import type { Translate } from "../kit/i18n";
import { a4Section, DOCUMENT_STYLES, table, usableWidth } from "./docx-parts";
import { issuerLines, letterhead, type Signer, signatureBlocks, title } from "./letterhead";
import { cellWriter, LINE_HEIGHT, linesIn } from "./xlsx-parts";

const LANDSCAPE = usableWidth("landscape");

export type ListPaper = {
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
  /** DOCX: shares of the width in percent. */
  shares: number[];
  /** XLSX: columns' widths in characters, in the same proportions. */
  widths: number[];
  /** Short columns read better centred. */
  centred: number[];
  signer: Signer;
  /** XLSX: the sheet's name (31 characters at most). */
  sheetName: string;
};

export async function listPaperDocx(t: Translate, issuer: Issuer, paper: ListPaper): Promise<Buffer> {
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("landscape", [
        letterhead(t, issuer, LANDSCAPE),
        ...title(paper.title),
        table(paper.header, paper.rows, LANDSCAPE, paper.shares, paper.centred),
        ...signatureBlocks(t, [paper.signer], LANDSCAPE),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Laid out as the DOCX: letterhead in rows 1–2, title in row 3, the table's header in row 5 (repeated on every
 * printed page), lines from row 6, the signature under them. A4 landscape, one page wide.
 */
export async function listPaperXlsx(t: Translate, issuer: Issuer, paper: ListPaper): Promise<Buffer> {
  const { widths } = paper;
  const last = widths.length;
  // The signature takes the right part of the width, as in the DOCX.
  const signFrom = Math.max(1, last - 2);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(paper.sheetName.slice(0, 31), {
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
  sheet.columns = widths.map((width) => ({ width }));
  const put = cellWriter(sheet);
  const { upper, org } = issuerLines(issuer);
  put(1, 1, 3, upper ?? org, { bold: !upper });
  put(1, 4, last, t("docs.party"), { bold: true, underline: true });
  put(2, 1, 3, upper ? org : "*", { bold: Boolean(upper) });
  put(2, 4, last, t("docs.place_date"), { italic: true });
  put(3, 1, last, paper.title, { bold: true, size: 14 });
  sheet.getRow(3).height = 30;
  for (const [i, h] of paper.header.entries()) put(5, i + 1, i + 1, h, { bold: true, box: true });
  sheet.getRow(5).height = LINE_HEIGHT * Math.max(...paper.header.map((h, i) => linesIn(h, widths[i]!)));
  for (const [r, cells] of paper.rows.entries()) {
    sheet.getRow(6 + r).height = LINE_HEIGHT * Math.max(...cells.map((value, i) => linesIn(value, widths[i]!)));
    for (const [i, value] of cells.entries()) {
      const centred = typeof value === "number" || paper.centred.includes(i);
      put(6 + r, i + 1, i + 1, value, { align: centred ? "center" : "left", box: true });
    }
  }
  const { signer } = paper;
  const at = 6 + paper.rows.length + 1;
  for (const [i, line] of signer.lines.entries()) put(at + i, signFrom, last, line, { bold: true });
  put(at + signer.lines.length + 3, signFrom, last, signer.name ?? t("docs.sign.hint"), {
    bold: Boolean(signer.name),
    italic: !signer.name,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
