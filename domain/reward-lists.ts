// C, R1–R6: the lists a committee decides from, one per reward it gives or proposes upward. Candidates are the
// year's L1 members (B.II.4.1: an excellent member is proposed for a reward) and TSVM organizations; each is checked
// by domain/rewards.ts and carries the reasons it is not eligible. Quotas (R2, R4) are counted per proposing
// organization, or over the whole bloc for the province's; when more are eligible than the quota, the list says so
// and people choose (no ranking is invented here).
import { floorShare } from "./fraction";
import type { OrgKind } from "./levels";
import { reason, type Reason } from "./reasons";
import {
  checkMemberReward,
  checkOrgReward,
  checkProposalFile,
  rewardAmount,
  blocBranchProposalQuota,
  blocMemberProposalQuota,
  type MemberYearRecord,
  type OrgYearRecord,
  type ProposalFileCheck,
} from "./rewards";
import type { MemberRewardKey, OrgRewardKey, RewardGiver, RewardKey, Rulebook, YearParameters } from "./rulebook";

/** Which committee looks at the lists: a base committee (its branches and members) or the bloc (everything). */
export type RewardScope = "base-committee" | "bloc";

/** R1: what each committee decides: its own rewards, and the proposals it sends to the level above. */
export const SCOPE_REWARDS: Record<RewardScope, readonly RewardKey[]> = {
  "base-committee": ["base.exemplary-branch", "base.excellent-member", "bloc.branch-exemplary-3y", "bloc.member-excellent-3y"],
  bloc: [
    "bloc.exemplary-tccsd",
    "bloc.branch-exemplary-3y",
    "bloc.member-excellent-3y",
    "province.tccsd-exemplary-3y",
    "province.member-excellent-5y",
  ],
};

export type RewardYears = Partial<Record<RewardGiver, readonly number[]>>;
export type OrgSubject = {
  id: string;
  name: string;
  kind: OrgKind;
  /** The organization whose quota it counts in (a branch's base committee; a TCCSĐ counts in the bloc's). */
  quotaGroup: { id: string; name: string };
  years: readonly OrgYearRecord[];
  rewardYears: RewardYears;
};
export type MemberSubject = {
  id: string;
  name: string;
  /** The member's branch. */
  unit: string;
  /** The member's TCCSĐ: its quota (R4) and its registration (R5). */
  quotaGroup: { id: string; name: string };
  organizationRegistered: boolean;
  years: readonly MemberYearRecord[];
  rewardYears: RewardYears;
};

export type Candidate = {
  id: string;
  name: string;
  unit: string;
  quotaGroupId: string;
  eligible: boolean;
  reasons: Reason[];
  /** R6, for eligible candidates: the file's documents that concern this recipient, present and missing. */
  file: ProposalFileCheck | null;
  /** R6: the documents ticked present (an accepted alternative as itself). */
  ticked: readonly string[];
};
export type QuotaUse = { groupId: string; groupName: string; eligible: number; quota: number | null; over: number };
export type RewardList = {
  key: RewardKey;
  recipient: "organization" | "member";
  giver: RewardGiver;
  /** R1: floor(multiple × base wage), null while the bloc has not set the year's base wage. */
  amountDong: number | null;
  multipleTenths: number;
  candidates: Candidate[];
  quotas: QuotaUse[];
};

export type RewardListInput = {
  scope: RewardScope;
  year: number;
  orgs: readonly OrgSubject[];
  members: readonly MemberSubject[];
  /** The year's figures set by the bloc; null when not set (no money shown, the rulebook's provincial quota). */
  parameters: YearParameters | null;
  /** R6: documents ticked present, by `${key}|${recipientId}`. */
  documents: ReadonlyMap<string, readonly string[]>;
};

export const documentsKey = (key: RewardKey, recipientId: string) => `${key}|${recipientId}`;

/** Every list of the scope, in the order of SCOPE_REWARDS. */
export function rewardLists(input: RewardListInput, rulebook: Rulebook): RewardList[] {
  return SCOPE_REWARDS[input.scope].map((key) => rewardList(key, input, rulebook));
}

function rewardList(key: RewardKey, input: RewardListInput, rulebook: Rulebook): RewardList {
  const spec = rulebook.rewards.catalogue[key];
  const candidates =
    spec.recipient === "organization"
      ? orgCandidates(key as OrgRewardKey, input, rulebook)
      : memberCandidates(key as MemberRewardKey, input, rulebook);
  const withFiles = candidates.map((c) => {
    const ticked = input.documents.get(documentsKey(key, c.id)) ?? [];
    return { ...c, ticked, file: c.eligible ? checkProposalFile(ticked, spec.recipient, rulebook) : null };
  });
  return {
    key,
    recipient: spec.recipient,
    giver: spec.giver,
    multipleTenths: spec.multipleTenths,
    amountDong: input.parameters ? rewardAmount(key, input.parameters.baseWageDong, rulebook) : null,
    candidates: withFiles,
    quotas: quotaUse(key, withFiles, input, rulebook),
  };
}

const thisYear = <T extends { year: number }>(years: readonly T[], year: number) => years.find((r) => r.year === year);

/** TSVM organizations of the year of the reward's kinds; a reward of the year also needs the exemplary mark (O6). */
function orgCandidates(key: OrgRewardKey, input: RewardListInput, rulebook: Rulebook): Omit<Candidate, "file" | "ticked">[] {
  const spec = rulebook.rewards.catalogue[key];
  return input.orgs
    .filter((o) => spec.forKinds.includes(o.kind) && thisYear(o.years, input.year)?.level === "tsvm")
    .map((o) => {
      const check = checkOrgReward(
        key,
        { kind: o.kind, year: input.year, history: o.years, previousRewardYears: o.rewardYears[spec.giver] },
        rulebook,
      );
      const reasons = [...check.reasons];
      if (spec.yearly === "tsvm" && !thisYear(o.years, input.year)?.exemplary)
        reasons.push(reason("reward.not-level", { year: input.year, required: "exemplary" }));
      return { id: o.id, name: o.name, unit: o.quotaGroup.name, quotaGroupId: o.quotaGroup.id, eligible: reasons.length === 0, reasons };
    });
}

/** The year's L1 members (B.II.4.1), each checked for the reward (R4, R5). */
function memberCandidates(key: MemberRewardKey, input: RewardListInput, rulebook: Rulebook): Omit<Candidate, "file" | "ticked">[] {
  return input.members
    .filter((m) => thisYear(m.years, input.year)?.level === "L1")
    .map((m) => {
      const check = checkMemberReward(
        key,
        { year: input.year, history: m.years, rewardYears: m.rewardYears, organizationRegistered: m.organizationRegistered },
        rulebook,
      );
      return { id: m.id, name: m.name, unit: m.unit, quotaGroupId: m.quotaGroup.id, eligible: check.eligible, reasons: check.reasons };
    });
}

/** R2, R4: the quota of each proposing organization (or of the whole bloc) against its eligible candidates. */
function quotaUse(key: RewardKey, candidates: readonly Candidate[], input: RewardListInput, rulebook: Rulebook): QuotaUse[] {
  const eligibleIn = (groupId: string | null) =>
    candidates.filter((c) => c.eligible && (groupId === null || c.quotaGroupId === groupId)).length;
  const use = (groupId: string, groupName: string, eligible: number, quota: number | null): QuotaUse => ({
    groupId,
    groupName,
    eligible,
    quota,
    over: quota === null ? 0 : Math.max(0, eligible - quota),
  });
  const provincial = input.parameters?.provincialQuota ?? rulebook.rewards.yearDefaults.provincialQuota;
  if (key === "province.tccsd-exemplary-3y") return [use("", "", eligibleIn(null), provincial.organizations)];
  if (key === "province.member-excellent-5y") return [use("", "", eligibleIn(null), provincial.members)];
  if (key === "base.excellent-member") return [];
  const groups = new Map<string, string>();
  for (const o of input.orgs) groups.set(o.quotaGroup.id, o.quotaGroup.name);
  for (const m of input.members) groups.set(m.quotaGroup.id, m.quotaGroup.name);
  const orgsOf = (groupId: string, kinds: readonly OrgKind[]) =>
    input.orgs.filter((o) => o.quotaGroup.id === groupId && kinds.includes(o.kind)).map((o) => thisYear(o.years, input.year));
  return [...groups].flatMap(([groupId, groupName]) => {
    const spec = rulebook.rewards.catalogue[key];
    const kinds = spec.recipient === "organization" ? spec.forKinds : [];
    const records = orgsOf(groupId, kinds);
    let quota: number;
    if (key === "base.exemplary-branch" || key === "bloc.exemplary-tccsd")
      // R2, O6: exemplary at most 20% of the TSVM ones.
      quota = floorShare(records.filter((r) => r?.level === "tsvm").length, rulebook.org.exemplaryShare);
    else if (key === "bloc.branch-exemplary-3y")
      // R2: at most 15% of the base committee's exemplary ones of the year.
      quota = blocBranchProposalQuota(records.filter((r) => r?.level === "tsvm" && r.exemplary).length, rulebook);
    else {
      // R4: at most 15% of the year's L1 members of the proposing organization.
      const l1 = input.members.filter((m) => m.quotaGroup.id === groupId && thisYear(m.years, input.year)?.level === "L1").length;
      quota = blocMemberProposalQuota(l1, rulebook);
    }
    const eligible = eligibleIn(groupId);
    return eligible > 0 || records.length > 0 ? [use(groupId, groupName, eligible, quota)] : [];
  });
}

/** What the committee proposes: the eligible candidates of every list, with the money of each (null: no base wage). */
export function proposalsOf(lists: readonly RewardList[]) {
  return lists.flatMap((list) =>
    list.candidates
      .filter((c) => c.eligible)
      .map((c) => ({ rewardKey: list.key, recipientKind: list.recipient, name: c.name, unit: c.unit, amountDong: list.amountDong })),
  );
}
