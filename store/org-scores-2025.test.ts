// NO1, NO2 in the store: a branch of a 366 period self-rates by score (a proposed version, the answers in the JSON
// columns with the rulebook's id); the level above recognizes "xuất sắc" within the cap among its organizations, is
// refused over it with the figures, and decides another level with a reason (a new recognized version).
import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedCommitteeTree, seedOrgScore, seedRecognizedResults } from "../test/support/seed-tree";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { decideOrgScoreOtherwise, recognizeOrgScore, toggleExemplary } from "./org-recognition";
import { saveOrgScore, scoringTarget, type OrgScoreAnswers2025 } from "./org-scores";

const NOW = new Date("2026-12-28T03:00:00Z");
const RB = "qd366-2025";
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const answers = (general: number, tasks: number, leaderDisciplined = false): OrgScoreAnswers2025 => ({
  points: { general, tasks },
  facts: { subordinateDisciplined: false, leaderDisciplined },
});

/** A base committee of the 366 rulebook with `n` branches of one member each. */
async function tree(n: number) {
  const names = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy"].slice(0, n);
  return seedCommitteeTree(db, {
    people: [],
    rulebookId: RB,
    branches: names.map((name) => ({ name: `Chi bộ ${name}`, members: [{ fullName: `Đảng viên ${name}`, kind: "official" as const }] })),
  });
}

describe("NO1: a branch rated by score", () => {
  it("NO1: /score's target names the 366 rulebook; a save is a proposed version with the answers and the level", async () => {
    const t = await tree(1);
    const branch = t.branches[0]!;
    await seedRecognizedResults(db, branch, { "Đảng viên Một": "L1" });
    const target = (await scoringTarget(db, branch.orgId))!;
    expect(target.rulebookId).toBe(RB);
    const saved = await saveOrgScore(db, { target, answers: answers(28, 65, true), actorId: "u1" }, NOW);
    expect(saved).toMatchObject({
      ok: true,
      score: {
        version: 1,
        rulebookId: RB,
        level: "good",
        total: 93,
        state: "proposed",
        reasons: [
          { code: "org.score-band", params: { total: 93, level: "good" } },
          { code: "org.score-condition-failed", params: { condition: "no-leader-disciplined" } },
        ],
        derived: { memberLevels: { L1: 1, L2: 0, L3: 0, L4: 0 } },
      },
    });
    const [row] = await db.orgScore.findMany({ where: { orgId: branch.orgId } });
    expect(JSON.parse(row!.scores)).toEqual({ general: 28, tasks: 65 });
    expect(JSON.parse(row!.conditions)).toEqual({ rulebookId: RB, subordinateDisciplined: false, leaderDisciplined: true });
    expect(row!.hcmActions).toBeNull();
  });

  it("NO1: a base committee's subordinate organizations' levels are information: they do not change its level", async () => {
    const t = await tree(2);
    await seedOrgScore(db, { orgId: t.branches[0]!.orgId, level: "weak", rulebookId: RB });
    const target = (await scoringTarget(db, t.committeeId))!;
    expect(target).toMatchObject({ kind: "base-committee", rulebookId: RB });
    const saved = await saveOrgScore(db, { target, answers: answers(30, 62), actorId: "u1" }, NOW);
    expect(saved).toMatchObject({
      ok: true,
      score: { level: "tsvm", total: 92, derived: { branchLevels: { tsvm: 0, good: 0, completed: 0, weak: 1 }, unratedBranches: 1 } },
    });
  });
});

describe("NO1, NO2: the level above decides within the cap", () => {
  /** Four branches recognized «tốt», the others proposing «xuất sắc». */
  async function proposals(n: number) {
    const t = await tree(n);
    for (const b of t.branches.slice(0, 4)) await seedOrgScore(db, { orgId: b.orgId, level: "good", total: 80, rulebookId: RB });
    const ids: string[] = [];
    for (const b of t.branches.slice(4)) {
      const target = (await scoringTarget(db, b.orgId))!;
      const saved = await saveOrgScore(db, { target, answers: answers(30, 65), actorId: "u1" }, NOW);
      if (saved.ok) ids.push(saved.score.id);
    }
    return { t, ids };
  }

  it("NO1: the first «xuất sắc» fits floor(20% × 5) = 1; the second is refused with the figures and the open points", async () => {
    const { ids } = await proposals(6);
    expect(await recognizeOrgScore(db, { scoreId: ids[0]!, actorId: "u9" }, NOW)).toMatchObject({
      ok: true,
      score: { level: "tsvm", state: "recognized", version: 2 },
    });
    const first = (await db.orgScore.findFirstOrThrow({ where: { state: "recognized", level: "tsvm" } })).id;
    expect(await toggleExemplary(db, { scoreId: first, actorId: "u9" }, NOW)).toEqual({ ok: false, error: "org.exemplary-not-scored" });
    expect(await recognizeOrgScore(db, { scoreId: ids[1]!, actorId: "u9" }, NOW)).toEqual({
      ok: false,
      error: "org.cap-full",
      figures: { base: 5, cap: 1, excellent: 1 },
      rule: {
        share: { num: 20, den: 100, strict: false },
        base: "reached-l2-or-better",
        rounding: "floor",
        openPoints: { baseIncludesExcellent: true, rounding: "floor" },
      },
    });
  });

  it("NO1: only organizations rated under the same rules are comparable: 2011 ratings are not in the figure", async () => {
    // Five recognized «tốt» would make room for one «xuất sắc» (floor(20% × 5) = 1), were they comparable.
    const t = await tree(6);
    for (const b of t.branches.slice(0, 5)) await seedOrgScore(db, { orgId: b.orgId, level: "good", total: 80, rulebookId: "hd07-2011" });
    const target = (await scoringTarget(db, t.branches[5]!.orgId))!;
    const saved = await saveOrgScore(db, { target, answers: answers(30, 65), actorId: "u1" }, NOW);
    if (!saved.ok) throw new Error("not saved");
    expect(await recognizeOrgScore(db, { scoreId: saved.score.id, actorId: "u9" }, NOW)).toMatchObject({
      ok: false,
      error: "org.cap-full",
      figures: { base: 0, cap: 0, excellent: 0 },
    });
  });

  it("NO1 open points: the periods' rounding is read; periods reading them differently give no figure", async () => {
    const { t, ids } = await proposals(6);
    const periods = await db.reviewPeriod.findMany({ where: { orgId: { in: t.branches.map((b) => b.orgId) } } });
    await db.reviewPeriod.update({ where: { id: periods[0]!.id }, data: { openPoints: JSON.stringify({ capRounding: "nearest" }) } });
    expect(await recognizeOrgScore(db, { scoreId: ids[0]!, actorId: "u9" }, NOW)).toEqual({ ok: false, error: "org.cap-mixed" });
    await db.reviewPeriod.updateMany({ data: { openPoints: JSON.stringify({ capRounding: "nearest" }) } });
    // 4 «tốt» + 1 = 5 → 1; then 4 + 2 = 6 → round(1.2) = 1: refused as well.
    expect(await recognizeOrgScore(db, { scoreId: ids[0]!, actorId: "u9" }, NOW)).toMatchObject({ ok: true });
    expect(await recognizeOrgScore(db, { scoreId: ids[1]!, actorId: "u9" }, NOW)).toMatchObject({ error: "org.cap-full" });
  });

  it("NO2: decided at another level with a reason: a new recognized version whose reasons start with decision.differs", async () => {
    const { ids } = await proposals(6);
    await recognizeOrgScore(db, { scoreId: ids[0]!, actorId: "u9" }, NOW);
    const input = { scoreId: ids[1]!, actorId: "u9", level: "good" as const, note: " Vượt tỷ lệ 20%. " };
    expect(await decideOrgScoreOtherwise(db, { ...input, note: " " }, NOW)).toEqual({ ok: false, error: "result.why-required" });
    expect(await decideOrgScoreOtherwise(db, { ...input, level: "tsvm" }, NOW)).toEqual({ ok: false, error: "decision.same-level" });
    const decided = await decideOrgScoreOtherwise(db, input, NOW);
    expect(decided).toMatchObject({
      ok: true,
      score: {
        version: 2,
        state: "recognized",
        level: "good",
        total: 95,
        reasons: [{ code: "decision.differs", params: { proposed: "tsvm", note: "Vượt tỷ lệ 20%." } }],
      },
    });
    expect(await decideOrgScoreOtherwise(db, input, NOW)).toEqual({ ok: false, error: "stale" });
    const audit = JSON.stringify(await listAudit(db, "OrgScore", decided.ok ? decided.score.id : ""));
    expect(audit).toContain("org-score.decided-otherwise");
    expect(audit).not.toContain("Vượt tỷ lệ");
  });

  it("NO2: deciding «xuất sắc» for a proposal of «tốt» is held to the cap too; a 2011 rating is not decided otherwise", async () => {
    const t = await tree(5);
    for (const b of t.branches.slice(0, 3)) await seedOrgScore(db, { orgId: b.orgId, level: "good", rulebookId: RB });
    const good = await seedOrgScore(db, { orgId: t.branches[3]!.orgId, level: "good", state: "proposed", rulebookId: RB });
    const toTsvm = { scoreId: good, actorId: "u9", level: "tsvm" as const, note: "Thành tích nổi bật" };
    expect(await decideOrgScoreOtherwise(db, toTsvm, NOW)).toMatchObject({
      ok: false,
      error: "org.cap-full",
      figures: { base: 3, cap: 0 },
    });
    const old = await seedOrgScore(db, { orgId: t.branches[4]!.orgId, level: "good", state: "proposed" });
    expect(await decideOrgScoreOtherwise(db, { ...toTsvm, scoreId: old }, NOW)).toEqual({ ok: false, error: "decision.not-appraisal" });
  });
});
