// The rating list as a workbook, laid out as the DOCX (./list-paper.ts).
import type { ReviewTimeZone } from "../../domain/calendar";
import type { BranchPapers } from "../../store/documents-data";
import type { Translate } from "../kit/i18n";
import { listPaperXlsx } from "./list-paper";
import { ratingListPaper } from "./rating-list-rows";

export async function ratingListXlsx(t: Translate, papers: BranchPapers, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  return listPaperXlsx(t, papers, ratingListPaper(t, papers, lang, zone));
}
