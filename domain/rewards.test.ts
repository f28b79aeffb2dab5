import { describe, expect, it } from "vitest";
import type { LevelCounts } from "./levels";
import {
  blocBranchProposalQuota,
  blocMemberProposalQuota,
  checkMemberReward,
  checkOrgReward,
  checkProposalFile,
  checkProvincialQuota,
  rewardAmount,
  type MemberYearRecord,
  type OrgYearRecord,
} from "./rewards";
import { PROPOSAL_DOCUMENTS, type RewardKey } from "./rulebook";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

describe("R1: rewards and their money", () => {
  it.each([
    ["base.exemplary-branch", 498_000],
    ["base.excellent-member", 249_000],
    ["bloc.exemplary-tccsd", 1_660_000],
    ["bloc.branch-exemplary-3y", 1_245_000],
    ["bloc.member-excellent-3y", 498_000],
    ["province.tccsd-exemplary-3y", 2_490_000],
    ["province.member-excellent-5y", 830_000],
  ] as const)("R1: %s with the 2011 base wage of 830,000 đ is %i đ", (key, amount) => {
    expect(rewardAmount(key as RewardKey, rb.rewards.yearDefaults.baseWageDong, rb)).toBe(amount);
  });

  it("R1: the base wage is a parameter and amounts round down to whole đồng", () => {
    expect(rewardAmount("base.excellent-member", 1_050_001, rb)).toBe(315_000); // 0.3 × 1,050,001 = 315,000.3
    expect(rewardAmount("base.exemplary-branch", 1_000_005, rb)).toBe(600_003);
  });
});

describe("R2: quotas", () => {
  it.each([
    [6, 0],
    [7, 1],
    [13, 1],
    [14, 2],
    [20, 3],
  ])("R2: %i exemplary branches allow %i proposed to the bloc", (n, q) => {
    expect(blocBranchProposalQuota(n, rb)).toBe(q);
  });

  it("R2: the provincial quota of 2011 is 7 TCCSĐ and 10 members, a yearly parameter", () => {
    expect(rb.rewards.yearDefaults).toMatchObject({ year: 2011, provincialQuota: { organizations: 7, members: 10 } });
  });
});

const goodMembers: LevelCounts = { L1: 2, L2: 17, L3: 1, L4: 0 }; // 19 of 20 = 95%
const orgYear = (year: number, over: Partial<OrgYearRecord> = {}): OrgYearRecord => ({
  year,
  registered: true,
  score: 96,
  level: "tsvm",
  exemplary: true,
  memberLevels: goodMembers,
  ...over,
});
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe("R3, R5: organizations proposed upward", () => {
  const threeYears = [orgYear(2009), orgYear(2010), orgYear(2011)];

  it("R3: 95 points, more than 90% at L2 or better and no L4 every year is eligible", () => {
    expect(checkOrgReward("province.tccsd-exemplary-3y", { kind: "base-committee", year: 2011, history: threeYears }, rb)).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it.each([
    ["94 points in one year", { score: 94 }, "reward.score-below"],
    ["exactly 90% at L2 or better is not more than 90%", { memberLevels: { L1: 1, L2: 8, L3: 1, L4: 0 } }, "reward.members-below"],
    ["one member at L4", { memberLevels: { L1: 2, L2: 37, L3: 0, L4: 1 } }, "reward.member-l4"],
    ["not exemplary that year", { exemplary: false }, "reward.not-level"],
  ] as const)("R3: %s makes it ineligible", (_name, over, code) => {
    const history = [orgYear(2009), orgYear(2010, over as Partial<OrgYearRecord>), orgYear(2011)];
    const result = checkOrgReward("bloc.branch-exemplary-3y", { kind: "branch", year: 2011, history }, rb);
    expect(result.eligible).toBe(false);
    expect(codes(result)).toEqual([code]);
  });

  it.each([
    ["base.exemplary-branch", "branch", "base-branch"],
    ["bloc.branch-exemplary-3y", "branch", "base-committee"],
    ["bloc.exemplary-tccsd", "base-branch", "branch"],
    ["province.tccsd-exemplary-3y", "base-committee", "sub-committee"],
  ] as const)("R1: %s is for a %s, not a %s", (key, kind, wrong) => {
    const history = [orgYear(2009), orgYear(2010), orgYear(2011)];
    expect(checkOrgReward(key, { kind, year: 2011, history }, rb).eligible).toBe(true);
    const refused = checkOrgReward(key, { kind: wrong, year: 2011, history }, rb);
    expect(refused.reasons).toEqual([{ code: "reward.wrong-kind", params: { kind: wrong } }]);
  });

  it("R3: the provincial proposal asks 95 points and more than 90% at L2 or better, but not 'no member at L4' (C.II.1)", () => {
    const withL4 = { memberLevels: { L1: 2, L2: 37, L3: 0, L4: 1 } };
    const history = [orgYear(2009), orgYear(2010, withL4), orgYear(2011)];
    expect(checkOrgReward("province.tccsd-exemplary-3y", { kind: "base-branch", year: 2011, history }, rb).eligible).toBe(true);
    expect(codes(checkOrgReward("bloc.branch-exemplary-3y", { kind: "branch", year: 2011, history }, rb))).toEqual(["reward.member-l4"]);
    const low = [orgYear(2009), orgYear(2010, { score: 94 }), orgYear(2011)];
    expect(codes(checkOrgReward("province.tccsd-exemplary-3y", { kind: "base-branch", year: 2011, history: low }, rb))).toEqual([
      "reward.score-below",
    ]);
  });

  it("R3: the share that was not reached is carried with the reason, for the words to say it", () => {
    const history = [orgYear(2009), orgYear(2010, { memberLevels: { L1: 1, L2: 8, L3: 1, L4: 0 } }), orgYear(2011)];
    const result = checkOrgReward("bloc.branch-exemplary-3y", { kind: "branch", year: 2011, history }, rb);
    expect(result.reasons).toEqual([{ code: "reward.members-below", params: { year: 2010, percent: 90 } }]);
  });

  it("R3: a missing year of the three is reported", () => {
    expect(
      codes(
        checkOrgReward("province.tccsd-exemplary-3y", { kind: "base-committee", year: 2011, history: [orgYear(2010), orgYear(2011)] }, rb),
      ),
    ).toEqual(["reward.no-record"]);
  });

  it("R3: the base committee's own exemplary-branch reward does not apply R3", () => {
    const history = [orgYear(2011, { score: 90, exemplary: false })];
    expect(checkOrgReward("base.exemplary-branch", { kind: "branch", year: 2011, history }, rb).eligible).toBe(true);
  });

  it("R3: a provincial reward waits 3 years after the previous one", () => {
    expect(
      codes(
        checkOrgReward(
          "province.tccsd-exemplary-3y",
          { kind: "base-committee", year: 2011, history: threeYears, previousRewardYears: [2009] },
          rb,
        ),
      ),
    ).toEqual(["reward.too-recent"]);
    expect(
      checkOrgReward(
        "province.tccsd-exemplary-3y",
        { kind: "base-committee", year: 2011, history: threeYears, previousRewardYears: [2008] },
        rb,
      ).eligible,
    ).toBe(true);
  });

  it("R5: only organizations registered at the start of the year are considered", () => {
    const history = [orgYear(2011, { registered: false })];
    const result = checkOrgReward("bloc.exemplary-tccsd", { kind: "base-committee", year: 2011, history }, rb);
    expect(result.reasons).toEqual([{ code: "reward.not-registered", params: { year: 2011 } }]);
  });
});

describe("R4: members proposed upward", () => {
  const memberYears = (levels: ("L1" | "L2")[], titles: number[] = []): MemberYearRecord[] =>
    levels.map((level, i) => ({
      year: 2011 - levels.length + 1 + i,
      level,
      emulationTitle: titles.includes(2011 - levels.length + 1 + i),
    }));

  it("R4: to the bloc — L1 in 2009–2011 and one emulation title", () => {
    expect(
      checkMemberReward(
        "bloc.member-excellent-3y",
        { organizationRegistered: true, year: 2011, history: memberYears(["L1", "L1", "L1"], [2010]) },
        rb,
      ).eligible,
    ).toBe(true);
  });

  it.each([
    ["an L2 year", memberYears(["L1", "L2", "L1"], [2010]), {}, ["reward.not-level"]],
    ["no emulation title", memberYears(["L1", "L1", "L1"]), {}, ["reward.too-few-titles"]],
    [
      "a bloc reward in 2009 (less than 3 years)",
      memberYears(["L1", "L1", "L1"], [2011]),
      { "bloc-committee": [2009] },
      ["reward.too-recent"],
    ],
  ] as const)("R4: to the bloc — %s is ineligible", (_name, history, rewardYears, expected) => {
    expect(
      codes(checkMemberReward("bloc.member-excellent-3y", { organizationRegistered: true, year: 2011, history, rewardYears }, rb)),
    ).toEqual(expected);
  });

  it("R4: to the bloc — a bloc reward of 2008 is 3 years old and allowed", () => {
    const history = memberYears(["L1", "L1", "L1"], [2011]);
    expect(
      checkMemberReward(
        "bloc.member-excellent-3y",
        { organizationRegistered: true, year: 2011, history, rewardYears: { "bloc-committee": [2008] } },
        rb,
      ).eligible,
    ).toBe(true);
  });

  it("R4: to the province — L1 five years, one bloc reward and two titles, 5 years since a provincial reward", () => {
    const history = memberYears(["L1", "L1", "L1", "L1", "L1"], [2008, 2010]);
    const input = {
      organizationRegistered: true,
      year: 2011,
      history,
      rewardYears: { "bloc-committee": [2009], "provincial-standing": [2006] },
    };
    expect(checkMemberReward("province.member-excellent-5y", input, rb).eligible).toBe(true);
    expect(
      codes(checkMemberReward("province.member-excellent-5y", { ...input, rewardYears: { "provincial-standing": [2007] } }, rb)),
    ).toEqual(["reward.too-few-bloc-rewards", "reward.too-recent"]);
    expect(
      codes(
        checkMemberReward("province.member-excellent-5y", { ...input, history: memberYears(["L1", "L1", "L1", "L1", "L1"], [2008]) }, rb),
      ),
    ).toEqual(["reward.too-few-titles"]);
  });

  it("R5: a member of an organization that did not register for emulation at the start of the year is not proposed (C.III)", () => {
    const history = memberYears(["L1", "L1", "L1"], [2010]);
    const result = checkMemberReward("bloc.member-excellent-3y", { organizationRegistered: false, year: 2011, history }, rb);
    expect(result).toEqual({ eligible: false, reasons: [{ code: "reward.organization-not-registered", params: { year: 2011 } }] });
  });

  it("R4: at most 15% of the year's L1 members go to the bloc", () => {
    expect([6, 7, 20].map((n) => blocMemberProposalQuota(n, rb))).toEqual([0, 1, 3]);
  });
});

describe("R6: the proposal file", () => {
  it("R6: a member's file asks the seven documents of C.III, present and missing listed", () => {
    expect(rb.rewards.documents.member).toEqual(PROPOSAL_DOCUMENTS);
    const check = checkProposalFile(["rated-lists", "party-building-report", "photo"], "member", rb);
    expect(check.present).toEqual(["party-building-report", "rated-lists"]);
    expect(check.missing).toHaveLength(5);
    expect(check).toMatchObject({ unknown: ["photo"], complete: false });
    expect(checkProposalFile([...PROPOSAL_DOCUMENTS], "member", rb)).toMatchObject({ missing: [], complete: true });
  });

  it("R6: an organization's file does not ask the emulation title certificate, a member's document", () => {
    const organizationDocuments = PROPOSAL_DOCUMENTS.filter((d) => d !== "emulation-title-certificate");
    const check = checkProposalFile(organizationDocuments, "organization", rb);
    expect(check).toEqual({ present: organizationDocuments, missing: [], unknown: [], complete: true });
  });

  it("R6: the minutes of the emulation council are accepted for document 6 (C.III 6, 'hoặc biên bản họp xét')", () => {
    const others = PROPOSAL_DOCUMENTS.filter((d) => d !== "emulation-title-certificate");
    const check = checkProposalFile([...others, "emulation-council-minutes"], "member", rb);
    expect(check).toMatchObject({ missing: [], unknown: [], complete: true });
    expect(check.present).toContain("emulation-title-certificate");
    expect(checkProposalFile(others, "member", rb).missing).toEqual(["emulation-title-certificate"]);
  });
});

describe("R2: the provincial quota over a list of proposals", () => {
  const year = rb.rewards.yearDefaults;
  const many = (key: RewardKey, n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ key, recipientId: `${prefix}${i}` }));

  it("R2: 7 organizations and 10 members to the province are within the 2011 quota", () => {
    const list = [...many("province.tccsd-exemplary-3y", 7, "o"), ...many("province.member-excellent-5y", 10, "m")];
    expect(checkProvincialQuota(list, year, rb)).toEqual({
      organizations: { proposed: 7, quota: 7, over: 0 },
      members: { proposed: 10, quota: 10, over: 0 },
      withinQuota: true,
    });
  });

  it("R2: an 8th organization or an 11th member is over; the bloc's own rewards do not count; a recipient counts once", () => {
    const list = [
      ...many("province.tccsd-exemplary-3y", 8, "o"),
      ...many("province.member-excellent-5y", 11, "m"),
      ...many("bloc.exemplary-tccsd", 20, "b"),
      { key: "province.tccsd-exemplary-3y" as const, recipientId: "o0" },
    ];
    const check = checkProvincialQuota(list, year, rb);
    expect(check).toMatchObject({ organizations: { proposed: 8, over: 1 }, members: { proposed: 11, over: 1 }, withinQuota: false });
  });

  it("R2: the quota is the year's parameter", () => {
    const list = many("province.tccsd-exemplary-3y", 8, "o");
    expect(checkProvincialQuota(list, { ...year, provincialQuota: { organizations: 9, members: 10 } }, rb).withinQuota).toBe(true);
  });
});
