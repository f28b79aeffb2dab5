// The cells of an uploaded table: the first sheet of an XLSX workbook, or a CSV (or tab-separated) text in whatever
// encoding a spreadsheet saved it. Each row keeps the number the person sees in their spreadsheet.
import ExcelJS from "exceljs";
import { parseCsv } from "../../domain/csv";
import { decodeUpload } from "./decode-upload";

export type TableRow = { row: number; cells: string[] };

/** The rows, or why the file cannot be read: not a table file, an unreadable encoding, a damaged workbook. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<TableRow[] | "not-table" | "encoding" | "unreadable"> {
  if (/\.xlsx$/i.test(fileName)) return readWorkbook(bytes);
  if (!/\.(csv|txt)$/i.test(fileName)) return "not-table";
  const text = decodeUpload(bytes);
  if (text === null) return "encoding";
  return parseCsv(text).map((r) => ({ row: r.line, cells: r.fields }));
}

async function readWorkbook(bytes: Uint8Array): Promise<TableRow[] | "unreadable"> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return "unreadable";
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(row.getCell(i).text.normalize("NFC"));
    rows.push({ row: number, cells });
  });
  return rows;
}
