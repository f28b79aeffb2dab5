// A branch's papers under 366 (RULES-2025 N7, N12): the rating list with the scores (DOCX, XLSX; ./list-paper.ts)
// and the minutes of the branch meeting that appraised and proposed (DOCX), in the party's layout.
import { Document, Packer } from "docx";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { AppraisalPapers } from "../../store/appraisal-papers";
import type { Translate } from "../kit/i18n";
import { appraisalListPaper, appraisalMinutesParts, minutesSigners } from "./appraisal-papers-words";
import { a4Section, DOCUMENT_STYLES, table, text, usableWidth } from "./docx-parts";
import { letterhead, signatureBlocks, title } from "./letterhead";
import { listPaperDocx, listPaperXlsx } from "./list-paper";

const PORTRAIT = usableWidth("portrait");
/** STT, name, form, the two scores, the level proposed, the meeting's opinion. */
const MINUTES_SHARES = [6, 27, 6, 9, 10, 19, 23];
const MINUTES_CENTRED = [0, 2, 3, 4];

export async function appraisalListDocx(t: Translate, papers: AppraisalPapers, lang: string, zone: ReviewTimeZone) {
  return listPaperDocx(t, papers, appraisalListPaper(t, papers, lang, zone));
}

export async function appraisalListXlsx(t: Translate, papers: AppraisalPapers, lang: string, zone: ReviewTimeZone) {
  return listPaperXlsx(t, papers, appraisalListPaper(t, papers, lang, zone));
}

const body = (value: string) => text(value, { align: "justify", indent: true, after: 60 });
/** A line to fill in by hand: left-aligned, so its dots are not stretched. */
const blank = (value: string) => text(value, { indent: true, after: 60 });
const heading = (value: string) => text(value, { bold: true, keepNext: true, before: 120, after: 60 });

export async function appraisalMinutesDocx(t: Translate, papers: AppraisalPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  const parts = appraisalMinutesParts(t, papers, lang, zone);
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("portrait", [
        letterhead(t, papers, PORTRAIT),
        ...title(parts.title, parts.subtitle),
        body(parts.opening[0]!),
        ...parts.opening.slice(1).map(blank),
        heading(t("docs.appraisal.section.members")),
        ...parts.summary.map(body),
        heading(t("docs.appraisal.section.table")),
        table(parts.header, parts.rows, PORTRAIT, MINUTES_SHARES, MINUTES_CENTRED),
        heading(t("docs.appraisal.section.counts")),
        ...parts.counts.map(body),
        body(parts.closing),
        ...signatureBlocks(t, minutesSigners(t), PORTRAIT),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
