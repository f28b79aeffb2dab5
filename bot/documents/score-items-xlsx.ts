// /scoreitems' template: the items in force as the rows the import reads back (kit/score-items-words.ts), so a
// committee edits what applies today and sends the same file.
import ExcelJS from "exceljs";
import { withoutForbiddenCharacters } from "../../domain/text";
import { FONT } from "./docx-parts";

const WIDTHS = [14, 80, 8, 16, 8];

/** The column names in bold, then each item on its row (points as numbers). */
export async function scoreItemsTemplateXlsx(rows: readonly string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = WIDTHS.map((width) => ({ width }));
  for (const [i, cells] of rows.entries()) {
    const row = sheet.addRow(cells.map((v, column) => (column === 2 && /^\d+$/.test(v) ? Number(v) : withoutForbiddenCharacters(v))));
    row.font = { name: FONT, bold: i === 0 };
  }
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
