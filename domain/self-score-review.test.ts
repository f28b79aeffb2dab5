import { describe, expect, it } from "vitest";
import { EXAMPLE_SCORE_ITEMS } from "./score-items";
import { EMPTY_SCORE_DRAFT, missingScoreSteps, readItemScore, readTaskLine, type ScoreDraft } from "./self-score-review";

const items = EXAMPLE_SCORE_ITEMS["2B"];
const allScored = Object.fromEntries(items.map((item) => [item.id, item.points]));
const text = "Nội dung";
const complete: ScoreDraft = {
  texts: {
    strengths: text,
    "task-results": text,
    pledge: text,
    shortcomings: text,
    "earlier-fixes": text,
    explanation: "",
    remedies: text,
  },
  fixStatus: "fixed",
  scores: allScored,
  tasks: { assigned: 4, onTime: 4, late: 0, notDone: 0, exceeded: 1 },
  proposal: "L2",
};

describe("N2: the steps of a self-review on form 2A/2B/2C", () => {
  it("an empty draft misses every step, in the order the member answers", () => {
    expect(missingScoreSteps(EMPTY_SCORE_DRAFT, items)).toEqual([
      "strengths",
      "task-results",
      "pledge",
      "shortcomings",
      "earlier-fixes",
      "explanation",
      "remedies",
      "fix-status",
      "scores",
      "tasks",
      "proposal",
    ]);
  });

  it("the explanation skipped (no «gợi ý kiểm điểm») is answered; a required part left empty is not", () => {
    expect(missingScoreSteps(complete, items)).toEqual([]);
    expect(missingScoreSteps({ ...complete, texts: { ...complete.texts, explanation: null } }, items)).toEqual(["explanation"]);
    expect(missingScoreSteps({ ...complete, texts: { ...complete.texts, pledge: "" } }, items)).toEqual(["pledge"]);
  });

  it("N3: the self-score is answered only when every item of the period's list has an allowed score", () => {
    const { t3: _, ...withoutLast } = allScored;
    expect(missingScoreSteps({ ...complete, scores: withoutLast }, items)).toEqual(["scores"]);
    expect(missingScoreSteps({ ...complete, scores: { ...allScored, g1: 1 } }, items)).toEqual(["scores"]);
    expect(missingScoreSteps(complete, EXAMPLE_SCORE_ITEMS["2C"])).toEqual(["scores"]);
  });
});

describe("N3: a typed score of an item", () => {
  const graded = items.find((item) => item.id === "t1")!;
  const allOrNothing = items.find((item) => item.id === "g1")!;
  it("a whole number from 0 to the item's points; nothing else", () => {
    expect(readItemScore(graded, " 30 ")).toEqual({ ok: true, points: 30 });
    expect(readItemScore(graded, "0")).toEqual({ ok: true, points: 0 });
    expect(readItemScore(graded, "31")).toEqual({ ok: false, why: "out-of-range" });
    expect(readItemScore(graded, "27,5")).toEqual({ ok: false, why: "not-whole" });
    expect(readItemScore(graded, "-1")).toEqual({ ok: false, why: "not-whole" });
    expect(readItemScore(graded, "hai mươi")).toEqual({ ok: false, why: "not-whole" });
  });

  it("an all-or-nothing item takes only 0 or its points", () => {
    expect(readItemScore(allOrNothing, "2")).toEqual({ ok: true, points: 2 });
    expect(readItemScore(allOrNothing, "1")).toEqual({ ok: false, why: "all-or-nothing" });
  });
});

describe("N4: the task results typed on one line", () => {
  it("five whole numbers: assigned, on time, late, not done, exceeded", () => {
    expect(readTaskLine("12 10 1 1 4")).toEqual({ ok: true, tasks: { assigned: 12, onTime: 10, late: 1, notDone: 1, exceeded: 4 } });
    expect(readTaskLine(" 12, 10; 1 1  4 ")).toMatchObject({ ok: true });
  });

  it("refuses a wrong count of numbers, non-numbers, a sum that is not the tasks assigned, more exceeded than done", () => {
    expect(readTaskLine("12 10 1 1")).toEqual({ ok: false, errors: ["tasks.count"] });
    expect(readTaskLine("12 10 1 1 x")).toEqual({ ok: false, errors: ["tasks.not-whole"] });
    expect(readTaskLine("12 10 1 0 4")).toEqual({ ok: false, errors: ["tasks.sum"] });
    expect(readTaskLine("3 1 1 1 3")).toEqual({ ok: false, errors: ["tasks.exceeded-above-done"] });
  });
});
