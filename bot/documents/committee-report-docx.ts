// A committee's report to the level above as DOCX, in the party's layout: the issuer under the organization above,
// "ĐẢNG CỘNG SẢN VIỆT NAM", the number, place and date, the title, the sections, "T/M ĐẢNG ỦY" with the signer.
import { Document } from "docx";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { Translate } from "../kit/i18n";
import { bulkTable, packWithBulkRows, type BulkRows } from "./bulk-table";
import { a4Section, DOCUMENT_STYLES, text, usableWidth } from "./docx-parts";
import { letterhead, signatureBlocks, title } from "./letterhead";
import { numberLine, placeDate, reportSections, reportSigner, reportTitle, type ReportPaper } from "./committee-report-rows";

const LANDSCAPE = usableWidth("landscape");

export async function committeeReportDocx(t: Translate, paper: ReportPaper, zone: ReviewTimeZone): Promise<Buffer> {
  const { report } = paper;
  const heading = reportTitle(t, paper);
  const bulks: BulkRows[] = [];
  const body = reportSections(t, paper).flatMap((section, i) => {
    const heading = [
      text(section.heading, { bold: true, before: 240, after: 120, keepNext: true }),
      ...(section.lead ? [text(section.lead, { align: "justify", indent: true, after: 120 })] : []),
    ];
    if (section.sheet.rows.length === 0) return [...heading, text(section.empty, { italic: true, indent: true })];
    const { parts, bulk } = bulkTable(`@@rows-${i}@@`, section.sheet, LANDSCAPE);
    bulks.push(bulk);
    return [...heading, ...parts];
  });
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("landscape", [
        letterhead(t, report, LANDSCAPE, { number: numberLine(t, paper), placeDate: placeDate(t, paper, zone) }),
        ...title(heading.title, heading.subtitle),
        text(t("docs.report.intro", { org: report.orgName, year: report.year }), { align: "justify", indent: true, after: 120 }),
        ...body,
        ...signatureBlocks(t, [reportSigner(t, paper)], LANDSCAPE),
      ]),
    ],
  });
  return packWithBulkRows(doc, bulks);
}
