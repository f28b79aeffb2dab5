import { describe, expect, it } from "vitest";
import { documentsKey, proposalsOf, rewardLists, type MemberSubject, type OrgSubject, type RewardListInput } from "./reward-lists";
import type { OrgYearRecord } from "./rewards";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";

const BASE = { id: "base", name: "Đảng ủy Sở" };
const orgYear = (year: number, over: Partial<OrgYearRecord> = {}): OrgYearRecord => ({
  year,
  registered: true,
  score: 96,
  level: "tsvm",
  exemplary: true,
  memberLevels: { L1: 2, L2: 17, L3: 1, L4: 0 },
  ...over,
});
const branch = (id: string, years: OrgYearRecord[]): OrgSubject => ({
  id,
  name: `Chi bộ ${id}`,
  kind: "branch",
  quotaGroup: BASE,
  years,
  rewardYears: {},
});
const member = (id: string, l1Years: number[], titles: number[] = []): MemberSubject => ({
  id,
  name: id,
  unit: "Chi bộ A",
  quotaGroup: BASE,
  organizationRegistered: true,
  years: l1Years.map((year) => ({ year, level: "L1", emulationTitle: titles.includes(year) })),
  rewardYears: {},
});
const input = (over: Partial<RewardListInput>): RewardListInput => ({
  scope: "base-committee",
  year: 2026,
  orgs: [],
  members: [],
  parameters: { year: 2026, baseWageDong: 2_340_000, provincialQuota: { organizations: 7, members: 10 } },
  documents: new Map(),
  ...over,
});
const listOf = (lists: ReturnType<typeof rewardLists>, key: string) => lists.find((l) => l.key === key)!;

describe("R1–R6: the lists a committee decides from", () => {
  it("R1: a base committee gives its two rewards and proposes branches and members to the bloc; the bloc proposes to the province", () => {
    expect(rewardLists(input({}), rb).map((l) => l.key)).toEqual([
      "base.exemplary-branch",
      "base.excellent-member",
      "bloc.branch-exemplary-3y",
      "bloc.member-excellent-3y",
    ]);
    expect(rewardLists(input({ scope: "bloc" }), rb).map((l) => l.giver)).toEqual([
      "bloc-committee",
      "bloc-committee",
      "bloc-committee",
      "provincial-standing",
      "provincial-standing",
    ]);
  });

  it("R1: the money is the multiple of the bloc's base wage of the year, none while it is not set", () => {
    const lists = rewardLists(input({ members: [member("An", [2026])] }), rb);
    expect(listOf(lists, "base.excellent-member").amountDong).toBe(702_000);
    expect(listOf(lists, "bloc.member-excellent-3y").amountDong).toBe(1_404_000);
    expect(rewardLists(input({ parameters: null }), rb).every((l) => l.amountDong === null)).toBe(true);
  });

  it("R1: B.II.4.1 — every L1 member of the year is a candidate for the base committee's reward, others are not listed", () => {
    const others: MemberSubject = { ...member("Bình", []), years: [{ year: 2026, level: "L2", emulationTitle: false }] };
    const list = listOf(rewardLists(input({ members: [member("An", [2026]), others] }), rb), "base.excellent-member");
    expect(list.candidates.map((c) => [c.name, c.eligible])).toEqual([["An", true]]);
  });

  it("R2: exemplary branches at most 20% of the TSVM ones, counted per base committee; over the quota people choose", () => {
    const orgs = ["A", "B", "C", "D", "E"].map((id) => branch(id, [orgYear(2026, { exemplary: id === "A" || id === "B" })]));
    const list = listOf(rewardLists(input({ orgs }), rb), "base.exemplary-branch");
    expect(list.candidates.filter((c) => c.eligible).map((c) => c.id)).toEqual(["A", "B"]);
    expect(list.candidates.find((c) => c.id === "C")!.reasons).toEqual([
      { code: "reward.not-level", params: { year: 2026, required: "exemplary" } },
    ]);
    expect(list.quotas).toEqual([{ groupId: "base", groupName: "Đảng ủy Sở", eligible: 2, quota: 1, over: 1 }]);
  });

  it("R2: branches proposed to the bloc at most 15% of the base committee's exemplary ones; R3 checked each year", () => {
    const three = [orgYear(2024), orgYear(2025), orgYear(2026)];
    const orgs = [branch("A", three), branch("B", [orgYear(2024), orgYear(2025, { score: 94 }), orgYear(2026)])];
    for (let i = 0; i < 5; i++) orgs.push(branch(`x${i}`, [orgYear(2026)]));
    const list = listOf(rewardLists(input({ orgs }), rb), "bloc.branch-exemplary-3y");
    expect(list.candidates.find((c) => c.id === "A")!.eligible).toBe(true);
    expect(list.candidates.find((c) => c.id === "B")!.reasons.map((r) => r.code)).toEqual(["reward.score-below"]);
    expect(list.quotas[0]).toMatchObject({ eligible: 1, quota: 1, over: 0 }); // 15% of 7 exemplary is 1
  });

  it("R2: the province's quota is the year's (7 organizations, 10 members) over the whole bloc", () => {
    const lists = rewardLists(
      input({ scope: "bloc", parameters: { year: 2026, baseWageDong: 1, provincialQuota: { organizations: 3, members: 4 } } }),
      rb,
    );
    expect(listOf(lists, "province.tccsd-exemplary-3y").quotas).toEqual([{ groupId: "", groupName: "", eligible: 0, quota: 3, over: 0 }]);
    expect(listOf(lists, "province.member-excellent-5y").quotas[0]!.quota).toBe(4);
    expect(listOf(rewardLists(input({ scope: "bloc", parameters: null }), rb), "province.member-excellent-5y").quotas[0]!.quota).toBe(10);
  });

  it("R4: a member excellent 3 years running with a title is proposed to the bloc, within 15% of the year's L1 members", () => {
    const members = [member("An", [2024, 2025, 2026], [2025]), member("Bình", [2025, 2026], [2025])];
    for (let i = 0; i < 5; i++) members.push(member(`m${i}`, [2026]));
    const list = listOf(rewardLists(input({ members }), rb), "bloc.member-excellent-3y");
    expect(list.candidates.filter((c) => c.eligible).map((c) => c.name)).toEqual(["An"]);
    expect(list.candidates.find((c) => c.name === "Bình")!.reasons).toContainEqual({ code: "reward.no-record", params: { year: 2024 } });
    expect(list.quotas[0]).toMatchObject({ eligible: 1, quota: 1 }); // 15% of 7 L1 members is 1
    expect(proposalsOf([list])).toEqual([
      { rewardKey: "bloc.member-excellent-3y", recipientKind: "member", name: "An", unit: "Chi bộ A", amountDong: 1_404_000 },
    ]);
  });

  it("R5: an organization not registered for emulation this year is listed with the reason and not proposed", () => {
    const list = listOf(rewardLists(input({ orgs: [branch("A", [orgYear(2026, { registered: false })])] }), rb), "base.exemplary-branch");
    expect(list.candidates[0]).toMatchObject({ eligible: false, reasons: [{ code: "reward.not-registered", params: { year: 2026 } }] });
    expect(proposalsOf([list])).toEqual([]);
  });

  it("R6: a member's file asks the emulation title certificate, an organization's does not; ticked documents count", () => {
    const documents = new Map([[documentsKey("base.excellent-member", "An"), ["party-building-report", "emulation-council-minutes"]]]);
    const lists = rewardLists(input({ orgs: [branch("A", [orgYear(2026)])], members: [member("An", [2026])], documents }), rb);
    const memberFile = listOf(lists, "base.excellent-member").candidates[0]!.file!;
    expect(memberFile.present).toEqual(["party-building-report", "emulation-title-certificate"]);
    expect(memberFile.missing).toHaveLength(5);
    const orgFile = listOf(lists, "base.exemplary-branch").candidates[0]!.file!;
    expect([...orgFile.present, ...orgFile.missing]).not.toContain("emulation-title-certificate");
    expect(orgFile.missing).toHaveLength(6);
  });
});
