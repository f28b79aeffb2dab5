// Tables of thousands of rows (a bloc's report: a line per branch, a line per excellent member). The docx library
// takes about 100 µs of CPU a cell, so 40,000 cells took seconds: here it writes the header, and the rows are XML
// text, the same markup as docx-parts' `table` rows, put into the packed document in their table's place.
import { Packer, type Document, type Paragraph, type Table } from "docx";
import { withoutForbiddenCharacters } from "../../domain/text";
import { CELL_MARGIN, columnsOf, FONT, TABLE_SIZE, table, text } from "./docx-parts";
import { readZipEntry } from "./zip-entry";

type Cell = string | number;
/** The rows of a table to add when packing, found by the marker paragraph right after the table. */
export type BulkRows = { marker: string; rows: Cell[][]; widths: number[]; left: readonly number[] };

/** `left`: the columns of text, aligned left; the others (counts, shares) centred. */
export function bulkTable(
  marker: string,
  sheet: { header: string[]; rows: Cell[][]; shares: number[]; left: readonly number[] },
  width: number,
): { parts: Array<Table | Paragraph>; bulk: BulkRows } {
  const centred = sheet.header.map((_, i) => i).filter((i) => !sheet.left.includes(i));
  return {
    parts: [table(sheet.header, [], width, sheet.shares, centred), text(marker)],
    bulk: { marker, rows: sheet.rows, widths: columnsOf(width, sheet.shares), left: sheet.left },
  };
}

const escaped = (value: Cell) =>
  withoutForbiddenCharacters(String(value)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const RUN_PROPERTIES = `<w:rPr><w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/><w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/></w:rPr>`;
const MARGINS = `<w:tcMar><w:left w:type="dxa" w:w="${CELL_MARGIN}"/><w:right w:type="dxa" w:w="${CELL_MARGIN}"/></w:tcMar>`;

function rowXml(cells: Cell[], bulk: BulkRows): string {
  const cell = (value: Cell, i: number) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${bulk.widths[i]}"/>${MARGINS}<w:vAlign w:val="top"/></w:tcPr><w:p><w:pPr><w:jc w:val="${
      bulk.left.includes(i) ? "left" : "center"
    }"/></w:pPr><w:r>${RUN_PROPERTIES}<w:t xml:space="preserve">${escaped(value)}</w:t></w:r></w:p></w:tc>`;
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map(cell).join("")}</w:tr>`;
}

/** Packs the document with each bulk table's rows in place of its marker paragraph. */
export async function packWithBulkRows(doc: Document, bulks: readonly BulkRows[]): Promise<Buffer> {
  const packed = await Packer.toBuffer(doc);
  if (bulks.length === 0) return packed;
  let xml = readZipEntry(packed, "word/document.xml");
  for (const bulk of bulks) {
    const at = xml.indexOf(`>${bulk.marker}</w:t>`);
    const paragraph = xml.lastIndexOf("<w:p>", at);
    const tableEnd = paragraph - "</w:tbl>".length;
    if (at < 0 || xml.slice(tableEnd, paragraph) !== "</w:tbl>") throw new Error(`the rows' place ${bulk.marker} is not after a table`);
    const after = xml.indexOf("</w:p>", at) + "</w:p>".length;
    xml = `${xml.slice(0, tableEnd)}${bulk.rows.map((row) => rowXml(row, bulk)).join("")}</w:tbl>${xml.slice(after)}`;
  }
  return Packer.toBuffer(doc, false, [{ path: "word/document.xml", data: xml }]);
}
