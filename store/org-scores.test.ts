import { describe, expect, it } from "vitest";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedProposedResults } from "../test/support/seed";
import { seedCommitteeTree, seedOrgScore, seedRecognizedResults } from "../test/support/seed-tree";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { exemplaryStanding, recognizeOrgScore, revokeOrgScore, toggleExemplary } from "./org-recognition";
import { derivedFigures, saveOrgScore, scoringTarget, type OrgScoreAnswers } from "./org-scores";
import { createOrganization } from "./orgs";

const NOW = new Date("2026-12-28T03:00:00Z");
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

const ANSWERS: OrgScoreAnswers = {
  scores: { politicalTasks: 30, ideology: 15, partyBuilding: 15, cadres: 10, inspection: 10, massOrgs: 5, hcm: 15 },
  conditions: { unitsStrong: true, leaderDisciplined: false, meetsRegularly: true, attendance: [{ attended: 9, expected: 10 }] },
  defects: { prolongedDisunity: false, corruptionDiscipline: false },
  hcmActions: "Học chuyên đề hằng tháng",
};

const member = (fullName: string) => ({ fullName, kind: "official" as const });

async function tree() {
  return seedCommitteeTree(db, {
    people: [],
    branches: [
      { name: "Chi bộ Một", members: ["A", "B", "C"].map(member) },
      { name: "Chi bộ Hai", members: ["D", "E"].map(member) },
      { name: "Chi bộ Ba", members: ["F"].map(member) },
    ],
  });
}

describe("figures read from recognized results (O3)", () => {
  it("O3: a base committee counts its branches' recognized member results and its branches' recognized ratings", async () => {
    const t = await tree();
    const [one, two] = t.branches;
    await seedRecognizedResults(db, one!, { A: "L1", C: "L3" });
    await seedProposedResults(db, two!); // proposed, not recognized: not counted
    await seedOrgScore(db, { orgId: one!.orgId, level: "tsvm" });
    await seedOrgScore(db, { orgId: two!.orgId, level: "weak", state: "proposed" });
    const target = (await scoringTarget(db, t.committeeId))!;
    expect(target).toMatchObject({ kind: "base-committee", year: 2026, orgName: "Đảng ủy Sở" });
    expect(await derivedFigures(db, target)).toEqual({
      memberLevels: { L1: 1, L2: 1, L3: 1, L4: 0 },
      branchLevels: { tsvm: 1, good: 0, completed: 0, weak: 0 },
      unratedBranches: 2,
    });
  });

  it("O3: a branch counts only its own members and has no branch figures", async () => {
    const t = await tree();
    await seedRecognizedResults(db, t.branches[0]!);
    await seedRecognizedResults(db, t.branches[1]!, { D: "L4" });
    const target = (await scoringTarget(db, t.branches[1]!.orgId))!;
    expect(await derivedFigures(db, target)).toEqual({
      memberLevels: { L1: 0, L2: 1, L3: 0, L4: 1 },
      branchLevels: null,
      unratedBranches: 0,
    });
  });

  it("O7: the bloc is not scored", async () => {
    const bloc = await createOrganization(db, { name: "Đảng ủy Khối", kind: "bloc" }, null, NOW);
    await seedCommitteeTree(db, { parentId: bloc.id, people: [], branches: [{ name: "Chi bộ X", members: [member("G")] }] });
    expect(await scoringTarget(db, bloc.id)).toBeNull();
  });
});

describe("versions (B.I.4)", () => {
  it("O2: each save is a new proposed version with its level, reasons and figures; the audit holds no actions text", async () => {
    const t = await tree();
    const branch = t.branches[0]!;
    await seedRecognizedResults(db, branch);
    const target = (await scoringTarget(db, branch.orgId))!;
    const first = await saveOrgScore(db, { target, answers: ANSWERS, actorId: "u1" }, NOW);
    const second = await saveOrgScore(db, { target, answers: { ...ANSWERS, hcmActions: null }, actorId: "u1" }, NOW);
    expect(first).toMatchObject({ ok: true, score: { version: 1, level: "tsvm", total: 100, state: "proposed" } });
    expect(second).toMatchObject({ ok: true, score: { version: 2, level: "weak", reasons: [{ code: "org.hcm-no-actions" }] } });
    const audit = JSON.stringify(await listAudit(db, "OrgScore", first.ok ? first.score.id : ""));
    expect(audit).toContain("org-score.proposed");
    expect(audit).not.toContain("Học chuyên đề");
  });

  it("B.I.4, M14: a recognized rating is not replaced by a new score until the level above revokes it", async () => {
    const t = await tree();
    const branch = t.branches[0]!;
    const id = await seedOrgScore(db, { orgId: branch.orgId, level: "good" });
    const target = (await scoringTarget(db, branch.orgId))!;
    expect(await saveOrgScore(db, { target, answers: ANSWERS, actorId: "u1" }, NOW)).toEqual({ ok: false, error: "result.revoke-first" });
    await revokeOrgScore(db, { scoreId: id, actorId: "u9", why: "Chấm lại" }, NOW);
    expect(await saveOrgScore(db, { target, answers: ANSWERS, actorId: "u1" }, NOW)).toMatchObject({ ok: true, score: { version: 3 } });
  });

  it("B.I.4: recognized then revoked with a reason, each a new version; a press on a replaced version is stale", async () => {
    const t = await tree();
    const id = await seedOrgScore(db, { orgId: t.branches[0]!.orgId, level: "good", state: "proposed" });
    const recognized = await recognizeOrgScore(db, { scoreId: id, actorId: "u9" }, NOW);
    expect(recognized).toMatchObject({ ok: true, score: { version: 2, state: "recognized" } });
    expect(await recognizeOrgScore(db, { scoreId: id, actorId: "u9" }, NOW)).toEqual({ ok: false, error: "stale" });
    const newest = recognized.ok ? recognized.score.id : "";
    expect(await revokeOrgScore(db, { scoreId: newest, actorId: "u9", why: "  " }, NOW)).toEqual({
      ok: false,
      error: "result.why-required",
    });
    expect(await revokeOrgScore(db, { scoreId: newest, actorId: "u9", why: " Chấm sai " }, NOW)).toMatchObject({
      ok: true,
      score: { version: 3, state: "revoked", revokeReason: "Chấm sai" },
    });
    const rows = await db.orgScore.findMany({ where: { orgId: t.branches[0]!.orgId }, orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.state, r.recognizedById, r.revokedById])).toEqual([
      ["proposed", null, null],
      ["recognized", "u9", null],
      ["revoked", "u9", "u9"],
    ]);
  });

  it("O6: the quota is counted across the committee's recognized TSVM ratings; unmarking frees a place", async () => {
    const t = await tree();
    const ids: string[] = [];
    for (const b of t.branches) ids.push(await seedOrgScore(db, { orgId: b.orgId, level: "tsvm" }));
    for (const name of ["Chi bộ Bốn", "Chi bộ Năm"]) {
      const org = await createOrganization(db, { name, kind: "branch", parentId: t.committeeId }, null, NOW);
      ids.push(await seedOrgScore(db, { orgId: org.id, level: "tsvm" }));
    }
    expect(await exemplaryStanding(db, t.committeeId, 2026)).toMatchObject({ tsvm: 5, exemplary: 0, quota: 1 });
    const marked = await toggleExemplary(db, { scoreId: ids[0]!, actorId: "u9" }, NOW);
    expect(marked).toMatchObject({ ok: true, score: { exemplary: true } });
    expect(await toggleExemplary(db, { scoreId: ids[1]!, actorId: "u9" }, NOW)).toEqual({
      ok: false,
      error: "org.exemplary-over-quota",
      quota: 1,
      tsvm: 5,
      marked: 1,
    });
    const unmarked = await toggleExemplary(db, { scoreId: marked.ok ? marked.score.id : "", actorId: "u9" }, NOW);
    expect(unmarked).toMatchObject({ ok: true, score: { exemplary: false } });
    expect(await toggleExemplary(db, { scoreId: ids[1]!, actorId: "u9" }, NOW)).toMatchObject({ ok: true, score: { exemplary: true } });
  });
});
