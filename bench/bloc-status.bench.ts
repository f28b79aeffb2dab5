// /status for the bloc over 50 base committees of 1,000 branches and 50,000 members (issue 12, "Done when"): one line
// per base committee with the totals of its tree and its report (T1). Goal: under 200 ms on every run after the first.
// The same seed as status.bench.ts, the branches shared among the committees, on a real SQLite file.
import { cpus, loadavg } from "node:os";
import { committeeStatus, committeeStatusText } from "../bot/features/status-committee";
import { translatorFor } from "../bot/kit/i18n";
import { planReportReminders } from "../store/report-reminders";
import { REVIEW_ZONE } from "../test/support/time-zone";
import { percentile, withSeededDb } from "./status.bench";

const COMMITTEES = 50;
const RUNS = 15;
const GOAL_MS = 200;
const NOW = "2027-01-16T02:00:00.000Z";

export async function run(): Promise<void> {
  await withSeededDb(COMMITTEES, async (db, blocId) => {
    const t = translatorFor("vi");
    const committee = { orgId: blocId, orgName: "Đảng ủy Khối", orgKind: "bloc" as const };
    const timings: number[] = [];
    // CPU time as well: on a shared machine the wall clock also counts other processes' turns.
    const cpuTimings: number[] = [];
    let summary = "";
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      // What /status does for the bloc: the counts of every unit's tree and its report, then the first page's text.
      const status = await committeeStatus(db, committee, NOW, REVIEW_ZONE);
      const { text } = committeeStatusText(t, "vi", REVIEW_ZONE, committee, status, 0);
      timings.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimings.push((cpu.user + cpu.system) / 1000);
      summary = text.split("\n").slice(1, 3).join(" | ");
    }
    console.log(`  ${summary}`);
    console.log(`  per run (ms): ${timings.map((ms) => ms.toFixed(1)).join(", ")}`);
    const later = [...timings.slice(1)].sort((a, b) => a - b);
    console.log(
      `  first ${timings[0]!.toFixed(1)} ms; after it p50 ${percentile(later, 50).toFixed(1)} ms, max ${later.at(-1)!.toFixed(1)} ms`,
    );
    const cpuLater = [...cpuTimings.slice(1)].sort((a, b) => a - b);
    console.log(
      `  cpu per run (ms): ${cpuTimings.map((ms) => ms.toFixed(1)).join(", ")}; after the first max ${cpuLater.at(-1)!.toFixed(1)} ms`,
    );
    console.log(`  goal (< ${GOAL_MS} ms on every run after the first): ${later.at(-1)! < GOAL_MS ? "met" : "NOT met"}`);
    // The sweep plans the report reminders of every open period and committee (T1) each time: its cost at this size.
    const planStart = performance.now();
    const planned = await planReportReminders(db, new Date(NOW), REVIEW_ZONE.offsetMinutes);
    const again = await planReportReminders(db, new Date(NOW), REVIEW_ZONE.offsetMinutes);
    console.log(
      `  report reminders planned: ${planned}, then ${again}; both sweeps' planning in ${(performance.now() - planStart).toFixed(0)} ms`,
    );
    console.log(`  load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  });
}
