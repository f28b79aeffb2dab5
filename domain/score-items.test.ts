import { describe, expect, it } from "vitest";
import { REVIEW_FORMS } from "./levels";
import { qd366_2025 } from "./rulebooks/index";
import { checkItemScore, EXAMPLE_SCORE_ITEMS, formOf, scoreTotals, validateScoreItems, type ScoreItem } from "./score-items";
import { scoreRules } from "./score-rating";

const rules = scoreRules(qd366_2025);
const item = (id: string, group: ScoreItem["group"], points: number, graded = false): ScoreItem => ({
  id,
  group,
  name: `Item ${id}`,
  points,
  graded,
});
const TWO_ITEMS: ScoreItem[] = [item("g", "general", 30), item("t", "tasks", 70, true)];

describe("N3: 100 points, general 30 + tasks 70, split into items by the committee above", () => {
  it("N3: the rulebook's maxima are 30 and 70", () => {
    expect([rules.generalMax, rules.taskMax]).toEqual([30, 70]);
  });

  it.each(REVIEW_FORMS)("N3: the shipped example for form %s is a valid list (30 + 70)", (form) => {
    expect(validateScoreItems(EXAMPLE_SCORE_ITEMS[form], rules)).toEqual([]);
  });

  it("N3: the province example splits the general 30 of 2A/2B as 9 × 2 + 4 × 1 + 4 × 2, all or nothing", () => {
    const general = EXAMPLE_SCORE_ITEMS["2B"].filter((i) => i.group === "general");
    expect(general.map((i) => i.points)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(general.every((i) => !i.graded)).toBe(true);
    expect(EXAMPLE_SCORE_ITEMS["2A"]).toEqual(EXAMPLE_SCORE_ITEMS["2B"]);
  });

  it("N3: each group must sum to its maximum, have items, unique ids, positive whole points and names", () => {
    expect(validateScoreItems(TWO_ITEMS, rules)).toEqual([]);
    expect(validateScoreItems([item("g", "general", 29), item("t", "tasks", 70)], rules)).toEqual([
      { code: "items.group-total", group: "general", total: 29, expected: 30 },
    ]);
    expect(validateScoreItems([item("g", "general", 30)], rules)).toEqual([{ code: "items.empty-group", group: "tasks" }]);
    expect(validateScoreItems([...TWO_ITEMS, item("g", "tasks", 0)], rules)).toEqual([
      { code: "items.duplicate-id", itemId: "g" },
      { code: "items.bad-points", itemId: "g" },
    ]);
    expect(validateScoreItems([item("g", "general", 30), { ...item("t", "tasks", 70), name: "  " }], rules)).toEqual([
      { code: "items.bad-name", itemId: "t" },
    ]);
    expect(validateScoreItems([item("g", "general", 29.5), item("h", "general", 0.5), item("t", "tasks", 70)], rules)).toEqual([
      { code: "items.bad-points", itemId: "g" },
      { code: "items.bad-points", itemId: "h" },
    ]);
  });

  it("N3: an all-or-nothing item takes 0 or its points; a graded one any whole number up to them", () => {
    const all = item("a", "general", 2);
    const graded = item("b", "tasks", 30, true);
    expect([0, 1, 2, 3, -1, 1.5].map((p) => checkItemScore(all, p))).toEqual([
      "ok",
      "all-or-nothing",
      "ok",
      "out-of-range",
      "out-of-range",
      "not-whole",
    ]);
    expect([0, 17, 30, 31].map((p) => checkItemScore(graded, p))).toEqual(["ok", "ok", "ok", "out-of-range"]);
    expect(checkItemScore(graded, Number.NaN)).toBe("not-whole");
  });

  it("N3: the totals add the valid scores per group; unscored and invalid items are missing, in order", () => {
    const items = EXAMPLE_SCORE_ITEMS["2C"];
    const full = Object.fromEntries(items.map((i) => [i.id, i.points]));
    expect(scoreTotals(items, full)).toEqual({ general: 30, tasks: 70, total: 100, missing: [] });
    const withoutT3 = Object.fromEntries(Object.entries(full).filter(([id]) => id !== "t3"));
    expect(scoreTotals(items, { ...withoutT3, g1: 3, t1: 20 })).toEqual({
      general: 24,
      tasks: 35,
      total: 59,
      missing: ["g1", "t3"],
    });
    expect(scoreTotals(items, {}).missing).toEqual(items.map((i) => i.id));
    // Own keys only: a score named like a prototype property is no score.
    expect(scoreTotals([item("constructor", "general", 30)], {}).missing).toEqual(["constructor"]);
  });
});

describe("N2: the form from the member's situation in the roster", () => {
  it("N2: the roster's form wins; else 2A for a leader, 2B for anyone else", () => {
    expect(formOf({ form: "2C", isLeader: true })).toBe("2C");
    expect(formOf({ form: "2B", isLeader: true })).toBe("2B");
    expect(formOf({ form: null, isLeader: true })).toBe("2A");
    expect(formOf({ form: null, isLeader: false })).toBe("2B");
    expect(formOf({ form: "3A", isLeader: false })).toBe("2B");
  });

  it("N2: the rulebook offers the three forms", () => {
    expect(rules.forms).toEqual(["2A", "2B", "2C"]);
  });
});
