import { describe, expect, it } from "vitest";
import { ORG_KINDS } from "./levels";
import { exemplaryQuota, rateOrganization, validateOrgScores, type OrgRatingInput, type OrgScores } from "./org-rating";
import type { Rulebook } from "./rulebook";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

const FULL: OrgScores = { politicalTasks: 30, ideology: 15, partyBuilding: 15, cadres: 10, inspection: 10, massOrgs: 5, hcm: 15 };
/** Scores adding up to `total`, the points lost taken from the first tasks; Ho Chi Minh keeps its 15. */
function scoring(total: number): OrgScores {
  const scores = { ...FULL };
  let lost = 100 - total;
  for (const task of ["politicalTasks", "ideology", "partyBuilding", "cadres", "inspection", "massOrgs"] as const) {
    const taken = Math.min(lost, scores[task]);
    scores[task] -= taken;
    lost -= taken;
  }
  return scores;
}

function unit(over: Partial<OrgRatingInput> = {}): OrgRatingInput {
  return {
    kind: "branch",
    scores: FULL,
    conditions: { unitsStrong: true, leaderDisciplined: false, meetsRegularly: true, attendance: [{ attended: 80, expected: 100 }] },
    defects: { prolongedDisunity: false, corruptionDiscipline: false },
    hcmConcreteActions: true,
    memberLevels: { L1: 1, L2: 7, L3: 2, L4: 0 },
    ...over,
  };
}
const rate = (over: Partial<OrgRatingInput> = {}, rulebook: Rulebook = rb) => rateOrganization(unit(over), rulebook);

describe("O1: scores of the seven tasks", () => {
  it("O1: the maxima add up to 100", () => {
    expect(Object.values(rb.org.taskMax).reduce((a, b) => a + b, 0)).toBe(100);
    expect(rate().total).toBe(100);
  });

  it.each([
    ["above the maximum", { ...FULL, massOrgs: 6 }, [{ code: "org.score-out-of-range", task: "massOrgs", max: 5 }]],
    ["negative", { ...FULL, cadres: -1 }, [{ code: "org.score-out-of-range", task: "cadres", max: 10 }]],
    ["not a whole number", { ...FULL, hcm: 7.5 }, [{ code: "org.score-not-integer", task: "hcm", max: 15 }]],
  ])("O1: a score %s is rejected", (_name, scores, errors) => {
    expect(validateOrgScores(scores, rb)).toEqual(errors);
    expect(() => rateOrganization(unit({ scores }), rb)).toThrow("org.invalid-scores");
  });

  it("O1: scores at 0 and at the maximum are accepted", () => {
    expect(validateOrgScores(FULL, rb)).toEqual([]);
    expect(validateOrgScores({ ...FULL, politicalTasks: 0, massOrgs: 0 }, rb)).toEqual([]);
  });
});

describe("O2: levels by score band", () => {
  it.each([
    [100, "tsvm"],
    [90, "tsvm"],
    [89, "good"],
    [70, "good"],
    [69, "completed"],
    [50, "completed"],
    [49, "weak"],
  ] as const)("O2: a total of %i is %s", (total, level) => {
    expect(rate({ scores: scoring(total) })).toMatchObject({ total, level });
  });

  it("O2 Decision: 90 or more failing an O3 condition is good, with the failed condition", () => {
    const result = rate({ conditions: { ...unit().conditions, unitsStrong: false } });
    expect(result.level).toBe("good");
    expect(result.reasons).toEqual([
      { code: "org.band", params: { total: 100, level: "good" } },
      { code: "org.tsvm-condition-failed", params: { condition: "units-strong" } },
    ]);
  });

  it("O2 Decision: the level for failed TSVM conditions is a rulebook value", () => {
    const harsh: Rulebook = { ...rb, org: { ...rb.org, tsvmConditionsFailedLevel: "completed" } };
    expect(rate({ conditions: { ...unit().conditions, meetsRegularly: false } }, harsh).level).toBe("completed");
  });
});

describe("O3: conditions of TSVM", () => {
  const failed = (over: Partial<OrgRatingInput>) =>
    rate(over).reasons.flatMap((r) => (r.code === "org.tsvm-condition-failed" ? [r.params.condition] : []));

  it.each([
    ["exactly 80% of members L2 or better passes", { memberLevels: { L1: 0, L2: 8, L3: 2, L4: 0 } }, []],
    ["one below 80% fails", { memberLevels: { L1: 1, L2: 6, L3: 2, L4: 0 } }, ["members-l2-or-better"]],
    ["no rated members fails", { memberLevels: { L1: 0, L2: 0, L3: 0, L4: 0 } }, ["members-l2-or-better"]],
    ["a disciplined leader fails", { conditions: { ...unit().conditions, leaderDisciplined: true } }, ["no-leader-disciplined"]],
    ["attendance exactly 80% passes", { conditions: { ...unit().conditions, attendance: [{ attended: 4, expected: 5 }] } }, []],
    [
      "attendance just under 80% fails",
      { conditions: { ...unit().conditions, attendance: [{ attended: 79, expected: 100 }] } },
      ["attendance"],
    ],
  ] as const)("O3: %s", (_name, over, expected) => {
    expect(failed(over as Partial<OrgRatingInput>)).toEqual(expected);
  });

  it.each([
    // pooled: 9 of 12 = 75% would fail; the mean of 100% and 7/10 = 85% passes
    [
      "the mean of the meetings' rates (bình quân), not the pooled total",
      [
        { attended: 2, expected: 2 },
        { attended: 7, expected: 10 },
      ],
      [],
    ],
    // (100% + 60%) / 2 is exactly 80%
    [
      "a mean of exactly 80% passes",
      [
        { attended: 1, expected: 1 },
        { attended: 60, expected: 100 },
      ],
      [],
    ],
    // pooled: 91 of 110 ≈ 82.7% would pass; the mean of 90% and 1/10 = 50% fails
    [
      "a small meeting with poor attendance pulls the mean down",
      [
        { attended: 90, expected: 100 },
        { attended: 1, expected: 10 },
      ],
      ["attendance"],
    ],
    [
      "twelve meetings of 99 to 110 members, exact without overflow",
      Array.from({ length: 12 }, (_, i) => ({ attended: 80 + i, expected: 99 + i })),
      [],
    ],
    ["no meeting held fails", [], ["attendance"]],
  ] as const)("O3: attendance, %s", (_name, attendance, expected) => {
    expect(failed({ conditions: { ...unit().conditions, attendance } })).toEqual(expected);
  });

  it.each([
    ["exactly 2/3 of branches TSVM, none weak", { tsvm: 6, good: 3, completed: 0, weak: 0 }, []],
    ["one branch short of 2/3", { tsvm: 5, good: 4, completed: 0, weak: 0 }, ["branches-tsvm"]],
    ["one weak branch", { tsvm: 7, good: 1, completed: 0, weak: 1 }, ["no-weak-branches"]],
  ] as const)("O3: a base committee with %s", (_name, branchLevels, expected) => {
    expect(failed({ kind: "base-committee", branchLevels })).toEqual(expected);
  });

  it("O3: a base committee with a branch whose rating is not recognized yet cannot be TSVM; the branch counts in the 2/3", () => {
    expect(failed({ kind: "base-committee", branchLevels: { tsvm: 2, good: 0, completed: 0, weak: 0 }, unratedBranches: 1 })).toEqual([
      "branches-rated",
    ]);
    expect(failed({ kind: "base-committee", branchLevels: { tsvm: 2, good: 0, completed: 0, weak: 0 }, unratedBranches: 2 })).toEqual([
      "branches-rated",
      "branches-tsvm",
    ]);
  });

  it("O3: branch conditions do not apply to a branch", () => {
    expect(failed({ kind: "branch", branchLevels: { tsvm: 0, good: 0, completed: 0, weak: 0 } })).toEqual([]);
  });
});

describe("O4, O5: weak whatever the score", () => {
  it.each([
    [
      "prolonged disunity",
      { defects: { prolongedDisunity: true, corruptionDiscipline: false } },
      { code: "org.defect", params: { defect: "prolonged-disunity" } },
    ],
    [
      "corruption leading to discipline",
      { defects: { prolongedDisunity: false, corruptionDiscipline: true } },
      { code: "org.defect", params: { defect: "corruption-discipline" } },
    ],
    [
      "exactly 1/3 of branches weak",
      { kind: "base-committee", branchLevels: { tsvm: 4, good: 1, completed: 0, weak: 3 } },
      { code: "org.defect", params: { defect: "weak-branches" } },
    ],
  ] as const)("O4: %s makes a 100-point unit weak", (_name, over, expected) => {
    const result = rate(over as Partial<OrgRatingInput>);
    expect(result.level).toBe("weak");
    expect(result.reasons).toContainEqual(expected);
  });

  it("O4: just under 1/3 of branches weak is not a defect", () => {
    expect(rate({ kind: "base-committee", branchLevels: { tsvm: 0, good: 7, completed: 0, weak: 3 }, scores: scoring(80) }).level).toBe(
      "good",
    );
  });

  it("O5: fewer than 8 Ho Chi Minh points is weak; exactly 8 is enough", () => {
    expect(rate({ scores: { ...scoring(60), hcm: 7 } })).toMatchObject({ level: "weak", total: 52 });
    const eight = { ...FULL, hcm: 8, politicalTasks: 23 }; // total 86
    expect(rate({ scores: eight })).toMatchObject({ level: "good", total: 86 });
    expect(rate({ scores: { ...eight, hcm: 7 } }).reasons).toContainEqual({
      code: "org.hcm-below-minimum",
      params: { points: 7, minimum: 8 },
    });
  });

  it("O5: without concrete Ho Chi Minh actions a unit is weak", () => {
    expect(rate({ hcmConcreteActions: false }).reasons).toEqual([{ code: "org.hcm-no-actions" }]);
  });
});

describe("O6, O7", () => {
  it.each([
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
    [15, 3],
  ])("O6: %i TSVM units allow %i exemplary", (tsvm, quota) => {
    expect(exemplaryQuota(tsvm, rb)).toBe(quota);
  });

  it("O7: base committees, base branches, sub-committees and branches are evaluated; anything else is refused", () => {
    for (const kind of ORG_KINDS) expect(rate({ kind, branchLevels: { tsvm: 3, good: 0, completed: 0, weak: 0 } }).level).toBe("tsvm");
    expect(() => rate({ kind: "bloc-committee" as never })).toThrow("org.not-evaluated-kind");
  });
});
