// `npm run docs:render [-- <folder>]`: every document the bot sends, generated from a seeded demo branch (and a small
// bloc tree for the committees' reports) into a
// folder (default /tmp/docs-render), then, when LibreOffice and poppler are installed, rendered to PDF and PNG so
// a person can look at the pages. Not a test: LibreOffice is not a dependency of the project.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultTimeZone } from "../bot/config";
import { appraisalListDocx, appraisalListXlsx, appraisalMinutesDocx } from "../bot/documents/appraisal-papers";
import { ballotMinutesDocx, ratingListDocx, ratingListXlsx } from "../bot/documents/branch-papers";
import { committeeReportDocx } from "../bot/documents/committee-report-docx";
import type { ReportPaper } from "../bot/documents/committee-report-rows";
import { committeeReportXlsx } from "../bot/documents/committee-report-xlsx";
import { selfReviewDocx } from "../bot/documents/self-review-docx";
import { translatorFor } from "../bot/kit/i18n";
import type { Db } from "../store/client";
import { loadBranchPapers, loadIssuer } from "../store/documents-data";
import { loadCommitteeReport, type RewardLine } from "../store/report-data";
import { getReview, reviewerContext } from "../store/reviews";
import { freshDb } from "../test/support/db";
import { seedBlocTree } from "../test/support/seed-committee";
import { loadAppraisalPapers } from "../store/appraisal-papers";
import { seedDemoBranch } from "./render-documents/demo-branch";
import { seedDemoBranch2025 } from "./render-documents/demo-branch-2025";
import { REVIEW_OFFSET } from "../test/support/time-zone";

const folder = path.resolve(process.argv[2] ?? "/tmp/docs-render");
const zone = defaultTimeZone();

async function generate(): Promise<string[]> {
  const { db, cleanup } = await freshDb();
  try {
    const demo = await seedDemoBranch(db);
    const papers = await loadBranchPapers(db, demo.periodId, demo.now, REVIEW_OFFSET);
    const reviewer = (await reviewerContext(db, demo.authorId))!;
    const review = (await getReview(db, demo.periodId, demo.authorId))!;
    const files: Array<[string, Buffer]> = [];
    for (const lang of ["vi", "en"]) {
      const t = translatorFor(lang);
      files.push(
        [`${lang}-1-danh-sach-xep-loai-xlsx.xlsx`, await ratingListXlsx(t, papers, lang, zone)],
        [`${lang}-2-danh-sach-xep-loai.docx`, await ratingListDocx(t, papers, lang, zone)],
        [`${lang}-3-bien-ban-kiem-phieu.docx`, await ballotMinutesDocx(t, papers)],
        [
          `${lang}-4-ban-tu-kiem-diem.docx`,
          await selfReviewDocx(t, { review, fullName: reviewer.fullName, issuer: await loadIssuer(db, reviewer.orgId), year: papers.year }),
        ],
      );
    }
    files.push(...(await committeeReports(db)));
    files.push(...(await appraisalPapers(db)));
    mkdirSync(folder, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(path.join(folder, name), bytes);
    return files.map(([name]) => name);
  } finally {
    await cleanup();
  }
}

/** A base committee's and the bloc's reports (issue 12 point 5) over a small tree, with a reward proposal. */
async function committeeReports(db: Db): Promise<Array<[string, Buffer]>> {
  const tree = await seedBlocTree(db);
  const rewards: RewardLine[] = [
    { reward: "base.exemplary-branch", recipient: "Chi bộ Kế toán", unit: "Đảng ủy Sở Tài chính", moneyDong: 894_000 },
  ];
  const files: Array<[string, Buffer]> = [];
  for (const [name, orgId] of [
    ["dang-uy-co-so", tree.base.orgId],
    ["dang-uy-khoi", tree.bloc.orgId],
  ] as const) {
    const paper: ReportPaper = {
      report: await loadCommitteeReport(db, orgId, 2026),
      rewards: name === "dang-uy-co-so" ? rewards : [],
      heading: { number: "12-BC/ĐU", place: "Hà Nội", date: "2027-01-10T03:00:00.000Z" },
      signer: { name: "Trần Văn Bình", title: "secretary" },
    };
    for (const lang of ["vi", "en"]) {
      const t = translatorFor(lang);
      files.push(
        [`${lang}-5-bao-cao-${name}.xlsx`, await committeeReportXlsx(t, paper, zone)],
        [`${lang}-6-bao-cao-${name}.docx`, await committeeReportDocx(t, paper, zone)],
      );
    }
  }
  return files;
}

/** RULES-2025 N7, N12: a 366 branch's list with the scores and the minutes of the meeting that proposed. */
async function appraisalPapers(db: Db): Promise<Array<[string, Buffer]>> {
  const demo = await seedDemoBranch2025(db);
  const papers = await loadAppraisalPapers(db, demo.periodId, demo.now, REVIEW_OFFSET);
  const files: Array<[string, Buffer]> = [];
  for (const lang of ["vi", "en"]) {
    const t = translatorFor(lang);
    files.push(
      [`${lang}-7-danh-sach-xep-loai-366-xlsx.xlsx`, await appraisalListXlsx(t, papers, lang, zone)],
      [`${lang}-8-danh-sach-xep-loai-366.docx`, await appraisalListDocx(t, papers, lang, zone)],
      [`${lang}-9-bien-ban-hop-chi-bo-366.docx`, await appraisalMinutesDocx(t, papers, lang, zone)],
    );
  }
  return files;
}

function installed(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** soffice → PDF, pdftoppm → one PNG a page at 70 dpi (enough to judge layout, small to look at). */
function render(names: string[]): void {
  if (!installed("soffice") || !installed("pdftoppm")) {
    console.log("LibreOffice or poppler is missing: install libreoffice-writer libreoffice-calc poppler-utils to render.");
    return;
  }
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", folder, ...names.map((n) => path.join(folder, n))], {
    stdio: "ignore",
  });
  for (const name of names) {
    const base = path.join(folder, name.replace(/\.(docx|xlsx)$/, ""));
    execFileSync("pdftoppm", ["-png", "-r", "70", `${base}.pdf`, base]);
  }
}

const names = await generate();
render(names);
console.log(`Documents in ${folder}:`);
for (const file of readdirSync(folder).sort()) console.log(`  ${file}`);
