// /rewards for the bloc over the status bench's tree (1,000 branches, 50,000 members) put under a bloc: 1,000 L1
// members with two imported earlier years each, every branch rated. No goal is set by the issue; this shows the cost
// of building the lists (store/rewards.ts loadRewardLists) so a change that makes it grow per member shows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDb } from "../store/client";
import { applyMigrations } from "../store/migrate";
import { loadRewardLists } from "../store/rewards";
import { seed } from "./status.bench";

const RUNS = 5;

function addRewardData(file: string): void {
  const sqlite = new Database(file);
  const at = "2026-12-01T02:00:00.000Z";
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO Organization (id, name, kind, parentId, doubleEntry, registeredEmulation, createdAt) VALUES ('bloc', 'Đảng ủy Khối', 'bloc', NULL, 0, 0, ?)`,
      )
      .run(at);
    sqlite.prepare(`UPDATE Organization SET parentId = 'bloc', registeredEmulation = 1 WHERE id = 'base'`).run();
    sqlite.prepare(`UPDATE Organization SET registeredEmulation = 1 WHERE parentId = 'base'`).run();
    sqlite.prepare(`UPDATE MemberResult SET state = 'recognized'`).run();
    sqlite.prepare(`UPDATE MemberResult SET outcome = 'L1' WHERE memberId LIKE '%m0'`).run();
    const score = sqlite.prepare(
      `INSERT INTO OrgScore (id, orgId, year, version, scores, conditions, level, total, exemplary, state, createdAt) VALUES (?, ?, 2026, 1, '{}', '{}', 'tsvm', 96, ?, 'recognized', ?)`,
    );
    const history = sqlite.prepare(
      `INSERT INTO RewardHistory (id, committeeId, year, recipientKind, name, unit, memberId, memberLevel, emulationTitle, exemplary, registered, createdAt) VALUES (?, 'base', ?, 'member', ?, ?, ?, 'L1', ?, 0, 0, ?)`,
    );
    for (let b = 0; b < 1_000; b++) {
      score.run(`s${b}`, `org${b}`, b % 5 === 0 ? 1 : 0, at);
      for (const year of [2024, 2025])
        history.run(`h${b}-${year}`, year, `Đảng viên ${b}-0`, `Chi bộ ${b}`, `org${b}m0`, year === 2025 ? 1 : 0, at);
    }
  })();
  sqlite.close();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-bench-"));
  const file = path.join(dir, "bench.db");
  try {
    applyMigrations(`file:${file}`);
    seed(file);
    addRewardData(file);
    const db = await openDb(`file:${file}`);
    const timings: number[] = [];
    let candidates = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const loaded = await loadRewardLists(db, "bloc", 2026);
      timings.push(performance.now() - start);
      candidates = loaded!.lists.reduce((n, l) => n + l.candidates.length, 0);
    }
    await db.$disconnect();
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`bloc reward lists: ${candidates} candidates over 50,000 members, ${RUNS} runs`);
    console.log(
      `  first ${timings[0]!.toFixed(0)} ms, median ${sorted[Math.floor(RUNS / 2)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
