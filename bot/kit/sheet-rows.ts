// A counting sheet sent as a file: the rows of an XLSX workbook's first sheet, or of a CSV/text file, as cells.
import ExcelJS from "exceljs";
import { pastedRows, type SheetRow } from "../../domain";
import { decodeUpload } from "./decode-upload";

/** Rows of the first worksheet (row numbers as the spreadsheet shows them), or null when it cannot be read. */
export async function workbookRows(bytes: Uint8Array): Promise<SheetRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)).trim());
    rows.push({ line, cells });
  });
  return rows;
}

/** A cell's text as shown; a merged cell's text only once, in its first cell (a title spans the columns). */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

/** The rows of a sent file by its name: a workbook, or text (CSV) in any encoding decodeUpload reads. */
export async function sheetFileRows(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ rows: SheetRow[]; blanksAreZero: boolean } | "unreadable"> {
  if (/\.xlsx$/i.test(fileName)) {
    const rows = await workbookRows(bytes);
    return rows ? { rows, blanksAreZero: true } : "unreadable";
  }
  const text = decodeUpload(bytes);
  return text === null ? "unreadable" : { rows: pastedRows(text), blanksAreZero: false };
}
