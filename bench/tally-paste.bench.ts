// /tally_all for a branch of 500: the pasted counting sheet parsed, its names matched to the roster (a tenth written
// without diacritics, a few with a typo), every row checked, the branch rated with the L1 cap (M8) as it would
// stand, and the preview's text built. Goal: under 1 s per run. On a real SQLite file with the migrations applied.
import { cpus, loadavg } from "node:os";
import { translatorFor } from "../bot/kit/i18n";
import { REVIEW_ZONE } from "../test/support/time-zone";
import { sheetPreview } from "../conversations/tally-all-text";
import type { TallyAllArgs } from "../conversations/tally-all";
import { foldVietnamese, pastedRows, readTallySheet } from "../domain";
import { countingRoster, previewBranchCount } from "../store/branch-count";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";

const MEMBERS = 500;
const RUNS = 10;
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Em", "Giang", "Hà", "Khánh", "Lan", "Mạnh"];

/** 500 distinct names: family × middle × given, then a number for the rest. */
const nameOf = (i: number) =>
  `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 10]} ${GIVEN[Math.floor(i / 100) % 10]} ${Math.floor(i / 1000) || ""}`.trim();

export async function run(): Promise<void> {
  const database = await freshDb();
  const { db } = database;
  const names = Array.from({ length: MEMBERS }, (_, i) => `${nameOf(i)} ${String(i).padStart(3, "0")}`);
  const ids = await seedBranch(db, {
    members: names.map((fullName) => ({ fullName, kind: "official" })),
    now: new Date("2026-12-01T02:00:00Z"),
  });
  const paste = names
    .map((name, i) => {
      const written = i % 10 === 3 ? foldVietnamese(name) : i % 50 === 7 ? `${name}x` : name;
      const votes = i % 20 === 0 ? [400, 80, 0, 0] : [10, 400, 60, 0];
      return [written, MEMBERS, 490, 490, ...votes].join("\t");
    })
    .join("\n");
  const t = translatorFor("vi");
  const at = { now: new Date("2026-12-25T02:00:00.000Z"), offsetMinutes: REVIEW_ZONE.offsetMinutes };
  const args: TallyAllArgs = {
    lang: "vi",
    orgId: ids.orgId,
    orgName: "Chi bộ Văn phòng",
    periodId: ids.periodId,
    year: 2026,
    rulebookId: "hd07-2011",
    official: MEMBERS,
    voters: MEMBERS,
    doubleEntry: false,
    exampleNames: names.slice(0, 2),
    timeZone: REVIEW_ZONE,
  };
  const times: number[] = [];
  let previewLength = 0;
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    const roster = await countingRoster(db, ids.periodId, at);
    const reading = readTallySheet(pastedRows(paste), roster, { method: "secret", voters: MEMBERS });
    if (reading.counted.length !== MEMBERS || reading.errors.length > 0)
      throw new Error(`paste misread: ${reading.counted.length} rows, ${reading.errors.length} errors`);
    const lines = reading.counted.map((row) => ({ memberId: row.memberId, tally: row.tally }));
    const preview = await previewBranchCount(db, { periodId: ids.periodId, entrantId: "bench", lines }, at);
    previewLength = sheetPreview(t, args, reading.counted, preview).length;
    times.push(performance.now() - started);
  }
  await database.cleanup();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`tally-paste: ${MEMBERS} rows parsed, matched, checked and previewed (${previewLength} characters of preview)`);
  console.log(
    `  per run: median ${median.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (goal < 1000 ms)`,
  );
  console.log(`  machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);
}
