// The bloc's report (issue 12, "Done when") over 50 base committees of 1,000 branches and 50,000 members: the figures
// counted in SQL (store/report-data.ts), then the XLSX and the DOCX. Goal: both files in under 5 s.
import { cpus, loadavg } from "node:os";
import { committeeReportDocx } from "../bot/documents/committee-report-docx";
import type { ReportPaper } from "../bot/documents/committee-report-rows";
import { committeeReportXlsx } from "../bot/documents/committee-report-xlsx";
import { translatorFor } from "../bot/kit/i18n";
import { loadCommitteeReport } from "../store/report-data";
import { REVIEW_ZONE } from "../test/support/time-zone";
import { withSeededDb } from "./status.bench";

const COMMITTEES = 50;
const RUNS = 3;
const GOAL_MS = 5_000;

export async function run(): Promise<void> {
  await withSeededDb(COMMITTEES, async (db, blocId) => {
    const t = translatorFor("vi");
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const report = await loadCommitteeReport(db, blocId, 2026);
      const loaded = performance.now();
      const paper: ReportPaper = {
        report,
        rewards: [],
        heading: { number: "12-BC/ĐUK", place: "Hà Nội", date: "2027-01-18T02:00:00.000Z" },
        signer: { name: "Nguyễn Văn A", title: "secretary" },
      };
      const xlsx = await committeeReportXlsx(t, paper, REVIEW_ZONE);
      const xlsxDone = performance.now();
      const docx = await committeeReportDocx(t, paper, REVIEW_ZONE);
      const end = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      totals.push(end - start);
      console.log(
        `  run ${i + 1}: ${(end - start).toFixed(0)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms) — figures ${(loaded - start).toFixed(0)} ms (${report.units.length} units, ${report.exemplaryMembers.length} excellent members), XLSX ${(xlsxDone - loaded).toFixed(0)} ms (${(xlsx.length / 1024).toFixed(0)} KiB), DOCX ${(end - xlsxDone).toFixed(0)} ms (${(docx.length / 1024).toFixed(0)} KiB)`,
      );
    }
    const worst = Math.max(...totals);
    console.log(`  goal (XLSX + DOCX < ${GOAL_MS} ms, every run): ${worst < GOAL_MS ? "met" : "NOT met"} (worst ${worst.toFixed(0)} ms)`);
    console.log(`  load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  });
}
