// A committee's report as a workbook: a sheet per section (the committee sums and sorts them further), the first
// with the letterhead, number, place and date and the title, the last with the signature. A4 landscape.
import ExcelJS from "exceljs";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { Translate } from "../kit/i18n";
import { cellWriter, LINE_HEIGHT, linesIn } from "./xlsx-parts";
import { issuerLines } from "./letterhead";
import { numberLine, placeDate, reportSections, reportSigner, reportTitle, type Cell, type ReportPaper } from "./committee-report-rows";

/** Characters of the whole width; a column gets its share of it (at least 5). */
const SHEET_WIDTH = 160;

export async function committeeReportXlsx(t: Translate, paper: ReportPaper, zone: ReviewTimeZone): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sections = reportSections(t, paper);
  for (const [index, section] of sections.entries()) {
    const { header, rows, shares, left } = section.sheet;
    const last = header.length;
    const sheet = workbook.addWorksheet(t(`docs.report.sheet.${index}`), {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const widths = shares.map((share) => Math.max(5, Math.round((SHEET_WIDTH * share) / 100)));
    sheet.columns = widths.map((width) => ({ width }));
    const fitHeight = (row: number, cells: Cell[]) => {
      sheet.getRow(row).height = LINE_HEIGHT * Math.max(...cells.map((value, i) => linesIn(value, widths[i]!)));
    };
    const put = cellWriter(sheet);
    let at = 1;
    if (index === 0) {
      const { upper, org } = issuerLines(paper.report);
      const split = Math.max(2, Math.floor(last / 2));
      const left = [...(upper ? [upper] : []), org, "*", numberLine(t, paper)];
      const right = [t("docs.party"), placeDate(t, paper, zone)];
      for (const [i, line] of left.entries()) put(at + i, 1, split, line, { bold: line === org });
      put(at, split + 1, last, right[0]!, { bold: true, underline: true });
      put(at + 1, split + 1, last, right[1]!, { italic: true });
      at += left.length + 1;
      const heading = reportTitle(t, paper);
      put(at++, 1, last, heading.title, { bold: true, size: 14 });
      put(at++, 1, last, heading.subtitle, { bold: true });
      at++;
    }
    put(at++, 1, last, section.heading, { bold: true, align: "left" });
    if (section.lead) {
      put(at, 1, last, section.lead, { align: "left" });
      sheet.getRow(at++).height =
        LINE_HEIGHT *
        linesIn(
          section.lead,
          widths.reduce((a, b) => a + b, 0),
        );
    }
    if (rows.length === 0) put(at++, 1, last, section.empty, { italic: true, align: "left" });
    else {
      for (const [i, h] of header.entries()) put(at, i + 1, i + 1, h, { bold: true, box: true });
      fitHeight(at, header);
      at++;
      for (const cells of rows) {
        fitHeight(at, cells);
        for (const [i, value] of cells.entries()) {
          put(at, i + 1, i + 1, value, { align: left.includes(i) ? "left" : "center", box: true });
        }
        at++;
      }
    }
    if (index === sections.length - 1) {
      const signer = reportSigner(t, paper);
      const from = Math.max(1, last - 2);
      at++;
      for (const line of signer.lines) put(at++, from, last, line, { bold: true });
      put(at + 3, from, last, signer.name ?? t("docs.sign.hint"), { bold: Boolean(signer.name), italic: !signer.name });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
