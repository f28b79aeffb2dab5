// The counting sheet's template (biên bản kiểm phiếu) for /tally_all: one row per member to count, prefilled with
// the name and the official members (M7); the secretary fills in the counts and sends the file back. The bot reads
// any row with a name and the seven counts in order (domain/tally-sheet.ts), so titles and headers are free text.
import ExcelJS from "exceljs";
import { withoutForbiddenCharacters } from "../../domain/text";
import type { Translate } from "../kit/i18n";
import { FONT } from "./docx-parts";

const WIDTHS = [6, 30, 12, 10, 10, 10, 10, 12, 14, 40];
const COLUMNS = ["index", "name", "official", "present", "valid", "L1", "L2", "L3", "L4", "note"] as const;
const HEADER_ROW = 4;

export type TallySheetTemplate = { orgName: string; year: number; official: number; names: readonly string[] };

export async function tallySheetXlsx(t: Translate, template: TallySheetTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("tally_all.sheet.tab").slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const text = (value: string) => withoutForbiddenCharacters(value);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = text(t("tally_all.sheet.title", { org: template.orgName, year: template.year }));
  sheet.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = text(t("tally_all.sheet.how"));
  sheet.getCell(2, 1).font = { name: FONT, size: 11, italic: true };
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = 45;
  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = t(`tally_all.sheet.col.${column}`);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = 45;
  template.names.forEach((name, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = text(name);
    row.getCell(3).value = template.official;
    row.font = { name: FONT, size: 12 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
