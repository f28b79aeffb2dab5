import { describe, expect, it } from "vitest";
import { qd366_2025 } from "../domain/rulebooks";
import { EXAMPLE_SCORE_ITEMS, type ScoreItem } from "../domain/score-items";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { createOrganization } from "./orgs";
import { saveScoreItemLists, scoreItemsInForce, scoreItemVersions } from "./score-item-lists";
import { scoreItemsFor } from "./score-items";

const NOW = new Date("2026-12-02T02:00:00Z");
const RULES = qd366_2025.score!;
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

/** A list that adds up: `general` points in one item (30), the tasks in two (70). */
const split = (label: string, tasks = [40, 30]): ScoreItem[] => [
  { id: "g1", group: "general", name: `${label}: tiêu chí chung`, points: 30, graded: false },
  ...tasks.map((points, i) => ({ id: `t${i + 1}`, group: "tasks" as const, name: `${label}: nhiệm vụ ${i + 1}`, points, graded: true })),
];

async function tree() {
  const bloc = await createOrganization(db, { name: "Đảng ủy Khối", kind: "bloc" }, null, NOW);
  const base = await createOrganization(db, { name: "Đảng ủy Sở", kind: "base-committee", parentId: bloc.id }, null, NOW);
  const branch = await seedBranch(db, { name: "Chi bộ A", parentId: base.id, members: [{ fullName: "Nguyễn Văn An", kind: "official" }] });
  return { bloc, base, branch };
}

const save = (orgId: string, lists: Array<{ form: "2A" | "2B" | "2C" | "*"; items: ScoreItem[] }>, quarter = 0) =>
  saveScoreItemLists(db, { orgId, year: 2026, quarter, lists, source: "typed" }, RULES, null, NOW);

describe("a committee's score items (N3)", () => {
  it("N3: without any list the members score on the rulebook's example", async () => {
    const { branch } = await tree();
    const resolved = await scoreItemsFor(db, branch.orgId, 2026, 0, "2C");
    expect(resolved).toEqual({ items: EXAMPLE_SCORE_ITEMS["2C"], from: { kind: "example" } });
  });

  it("N3: the nearest organization above with a list wins; the bloc's applies where the base committee has none", async () => {
    const { bloc, base, branch } = await tree();
    await save(bloc.id, [{ form: "*", items: split("Khối") }]);
    expect((await scoreItemsFor(db, branch.orgId, 2026, 0, "2B")).from).toMatchObject({ kind: "list", orgId: bloc.id, version: 1 });
    await save(base.id, [{ form: "2B", items: split("Sở") }]);
    const twoB = await scoreItemsFor(db, branch.orgId, 2026, 0, "2B");
    expect(twoB.from).toEqual({ kind: "list", orgId: base.id, orgName: "Đảng ủy Sở", version: 1, source: "typed" });
    expect(twoB.items[0]!.name).toBe("Sở: tiêu chí chung");
    // The base committee set only 2B: the other forms still come from the bloc.
    expect((await scoreItemsFor(db, branch.orgId, 2026, 0, "2C")).items[0]!.name).toBe("Khối: tiêu chí chung");
    // Another year has none of these: the example. A quarter without its own takes the year's (below).
    expect((await scoreItemsFor(db, branch.orgId, 2027, 0, "2B")).from).toEqual({ kind: "example" });
    expect((await scoreItemsFor(db, branch.orgId, 2027, 1, "2B")).from).toEqual({ kind: "example" });
  });

  it("N3, N10: a quarter scores on the nearest list for that quarter, else the same chain's list for the year, else the example", async () => {
    const { bloc, base, branch } = await tree();
    expect((await scoreItemsFor(db, branch.orgId, 2026, 3, "2B")).from).toEqual({ kind: "example" });
    await save(bloc.id, [{ form: "*", items: split("Khối năm") }]);
    const ofYear = await scoreItemsFor(db, branch.orgId, 2026, 3, "2B");
    expect(ofYear.from).toEqual({ kind: "list", orgId: bloc.id, orgName: "Đảng ủy Khối", version: 1, source: "typed", ofYear: true });
    expect(ofYear.items[0]!.name).toBe("Khối năm: tiêu chí chung");
    // A quarter's own list anywhere in the chain beats every year list, even one nearer the branch.
    await save(base.id, [{ form: "*", items: split("Sở năm") }]);
    await save(bloc.id, [{ form: "2B", items: split("Khối quý 3") }], 3);
    const own = await scoreItemsFor(db, branch.orgId, 2026, 3, "2B");
    expect(own.from).toEqual({ kind: "list", orgId: bloc.id, orgName: "Đảng ủy Khối", version: 1, source: "typed" });
    expect(own.items[0]!.name).toBe("Khối quý 3: tiêu chí chung");
    // Another form, another quarter: the nearest year list (the base committee's); the year itself ignores quarters.
    expect((await scoreItemsFor(db, branch.orgId, 2026, 3, "2C")).items[0]!.name).toBe("Sở năm: tiêu chí chung");
    expect((await scoreItemsFor(db, branch.orgId, 2026, 4, "2B")).items[0]!.name).toBe("Sở năm: tiêu chí chung");
    expect((await scoreItemsFor(db, branch.orgId, 2026, 0, "2B")).from).not.toHaveProperty("ofYear");
  });

  it("N3: each confirmation is the next version of the organization's year; the newest of a form or of every form counts", async () => {
    const { base, branch } = await tree();
    expect(await save(base.id, [{ form: "2B", items: split("v1") }])).toEqual({ version: 1 });
    expect(await save(base.id, [{ form: "*", items: split("v2") }])).toEqual({ version: 2 });
    expect((await scoreItemsFor(db, branch.orgId, 2026, 0, "2B")).items[0]!.name).toBe("v2: tiêu chí chung");
    // One version with a list for every form and one for 2C: 2C's own wins, the others take "*".
    expect(
      await save(base.id, [
        { form: "*", items: split("v3") },
        { form: "2C", items: split("v3 2C", [70]) },
      ]),
    ).toEqual({ version: 3 });
    const inForce = await scoreItemsInForce(db, branch.orgId, 2026, 0);
    expect(inForce.map((f) => [f.form, f.items[0]!.name, f.from.kind === "list" && f.from.version])).toEqual([
      ["2A", "v3: tiêu chí chung", 3],
      ["2B", "v3: tiêu chí chung", 3],
      ["2C", "v3 2C: tiêu chí chung", 3],
    ]);
    expect((await scoreItemVersions(db, base.id, 2026, 0)).map((v) => [v.version, v.forms])).toEqual([
      [3, ["*", "2C"]],
      [2, ["*"]],
      [1, ["2B"]],
    ]);
    // A quarter has its own numbering.
    expect(await save(base.id, [{ form: "2A", items: split("q2") }], 2)).toEqual({ version: 1 });
  });

  it("N3: a list that does not add up to 30 and 70 is refused and nothing is written; the save is audited without texts", async () => {
    const { base } = await tree();
    await expect(save(base.id, [{ form: "2B", items: split("sai", [40, 20]) }])).rejects.toThrow();
    expect(await db.scoreItemList.count()).toBe(0);
    await save(base.id, [{ form: "2B", items: split("Sở") }]);
    const events = await db.auditEvent.findMany({ where: { action: "score-items.saved" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toEqual({ year: 2026, quarter: 0, version: 1, source: "typed", forms: ["2B"], items: ["3"] });
    expect(events[0]!.data).not.toContain("Sở");
  });
});
