// What the workbooks share: writing a cell (merged across columns when asked) in the papers' font, with its style.
import type ExcelJS from "exceljs";
import { withoutForbiddenCharacters } from "../../domain/text";
import { FONT } from "./docx-parts";

export type CellStyle = {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  align?: "left" | "center";
  /** Thin lines all around (a table's cell). */
  box?: boolean;
};

const THIN = { style: "thin" } as const;
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * `put(row, from, to, value, style)`: columns `from`..`to` merged when wider than one; 12 pt, top-aligned, wrapped.
 * Cells of one look share one style object: ExcelJS recognizes an object it has seen and skips working out its
 * style again, which took most of a bloc report's workbook (8,000 rows).
 */
export function cellWriter(sheet: ExcelJS.Worksheet) {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (style: CellStyle) => {
    const key = JSON.stringify(style);
    let shared = styles.get(key);
    if (!shared) {
      shared = {
        font: { name: FONT, size: style.size ?? 12, bold: style.bold, italic: style.italic, underline: style.underline },
        alignment: { horizontal: style.align ?? "center", vertical: "top", wrapText: true },
        ...(style.box && { border: BOX }),
      };
      styles.set(key, shared);
    }
    return shared;
  };
  return (row: number, from: number, to: number, value: string | number, style: CellStyle = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    // What XML 1.0 forbids (U+FFFE, U+FFFF, controls) would make the whole workbook unreadable.
    cell.value = typeof value === "string" ? withoutForbiddenCharacters(value) : value;
    // The merged cells carry the first one's style, as ExcelJS gives them when merging.
    for (let column = from; column <= to; column++) sheet.getCell(row, column).style = styleOf(style);
    return cell;
  };
}

/**
 * Lines a text takes in a column `width` characters wide, wrapped at spaces: spreadsheets do not grow rows on open.
 * A width counts digits of the default font; about 1.2 letters of Times New Roman fit in one.
 */
export function linesIn(value: string | number, columnWidth: number): number {
  const width = columnWidth * 1.2;
  let lines = 1;
  let used = 0;
  for (const word of String(value).split(/\s+/)) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed > width && used > 0) {
      lines += 1;
      used = word.length;
    } else used = needed;
  }
  return lines;
}
export const LINE_HEIGHT = 15.75; // points, for 12 pt text
