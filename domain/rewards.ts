// R1–R6: emulation rewards (guideline C). Money is integer đồng; shares and thresholds are exact fractions.
import { floorShare, reachesNonEmpty } from "./fraction";
import type { LevelCounts, MemberLevel, OrgKind, OrgLevel } from "./levels";
import { reason, type Reason } from "./reasons";
import type {
  MemberRewardKey,
  OrgRewardKey,
  ProposalDocument,
  R3Condition,
  RewardGiver,
  RewardKey,
  RewardRecipient,
  Rulebook,
  YearParameters,
} from "./rulebook";

/** R1: the money of a reward, floor(baseWage × multiple), in đồng. */
export function rewardAmount(key: RewardKey, baseWageDong: number, rulebook: Rulebook): number {
  return floorShare(baseWageDong, { num: rulebook.rewards.catalogue[key].multipleTenths, den: 10, strict: false });
}

/** R2: branches a base committee may propose to the bloc, from its exemplary ones. */
export function blocBranchProposalQuota(exemplaryCount: number, rulebook: Rulebook): number {
  return floorShare(exemplaryCount, rulebook.rewards.blocBranchProposalShare);
}

/** R4: members that may be proposed to the bloc, from the year's L1 members. */
export function blocMemberProposalQuota(l1Count: number, rulebook: Rulebook): number {
  return floorShare(l1Count, rulebook.rewards.blocMemberProposalShare);
}

export type Eligibility = { eligible: boolean; reasons: Reason[] };
export type OrgYearRecord = {
  year: number;
  /** R5: registered for emulation at the start of the year. */
  registered: boolean;
  score: number;
  level: OrgLevel;
  exemplary: boolean;
  memberLevels: LevelCounts;
};
export type MemberYearRecord = {
  year: number;
  level: MemberLevel | null /** "Chiến sỹ thi đua cơ sở" or higher */;
  emulationTitle: boolean;
};

/** The `count` years ending with `year`, oldest first. */
function yearsEnding(year: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => year - count + 1 + i);
}

/** C.II: the same giver's previous reward must be at least `gap` years old. */
function tooRecent(year: number, previousYears: readonly number[] | undefined, gap: number | null): Reason[] {
  const earlier = (previousYears ?? []).filter((y) => y < year);
  if (gap === null || earlier.length === 0) return [];
  const lastYear = Math.max(...earlier);
  return year - lastYear < gap ? [reason("reward.too-recent", { lastYear, minimumGap: gap })] : [];
}

/** R1, R3, R5: can this organization (of `kind`) be proposed for `key` in `year`? */
export function checkOrgReward(
  key: OrgRewardKey,
  input: { kind: OrgKind; year: number; history: readonly OrgYearRecord[]; previousRewardYears?: readonly number[] },
  rulebook: Rulebook,
): Eligibility {
  const spec = rulebook.rewards.catalogue[key];
  const r3 = rulebook.rewards.organization;
  const byYear = new Map(input.history.map((r) => [r.year, r]));
  const reasons: Reason[] = [];
  if (!spec.forKinds.includes(input.kind)) reasons.push(reason("reward.wrong-kind", { kind: input.kind }));
  if (rulebook.rewards.requiresRegistration && !byYear.get(input.year)?.registered)
    reasons.push(reason("reward.not-registered", { year: input.year }));
  for (const year of yearsEnding(input.year, spec.consecutiveYears)) {
    const r = byYear.get(year);
    if (!r) {
      reasons.push(reason("reward.no-record", { year }));
      continue;
    }
    const levelMet = spec.yearly === "exemplary" ? r.exemplary && r.level === "tsvm" : r.level === "tsvm";
    if (!levelMet) reasons.push(reason("reward.not-level", { year, required: spec.yearly }));
    const applies = (c: R3Condition) => spec.r3.includes(c);
    if (applies("score") && r.score < r3.minScore)
      reasons.push(reason("reward.score-below", { year, score: r.score, minimum: r3.minScore }));
    const m = r.memberLevels;
    if (applies("members-l2-or-better") && !reachesNonEmpty(m.L1 + m.L2, m.L1 + m.L2 + m.L3 + m.L4, r3.membersL2OrBetter))
      reasons.push(reason("reward.members-below", { year, percent: (r3.membersL2OrBetter.num * 100) / r3.membersL2OrBetter.den }));
    if (applies("no-l4-member") && m.L4 > r3.maxL4Members) reasons.push(reason("reward.member-l4", { year, count: m.L4 }));
  }
  reasons.push(...tooRecent(input.year, input.previousRewardYears, spec.yearsSincePrevious));
  return { eligible: reasons.length === 0, reasons };
}

/** R4, R5: can this member be proposed for `key` in `year`? `rewardYears` lists earlier rewards per giver. */
export function checkMemberReward(
  key: MemberRewardKey,
  input: {
    year: number;
    history: readonly MemberYearRecord[];
    rewardYears?: Partial<Record<RewardGiver, readonly number[]>>;
    /** R5 (C.III): did the member's TCCSĐ register for emulation at the start of `year`? */
    organizationRegistered: boolean;
  },
  rulebook: Rulebook,
): Eligibility {
  const spec = rulebook.rewards.catalogue[key];
  const byYear = new Map(input.history.map((r) => [r.year, r]));
  const window = yearsEnding(input.year, spec.consecutiveYears);
  const reasons: Reason[] = [];
  if (rulebook.rewards.requiresRegistration && !input.organizationRegistered)
    reasons.push(reason("reward.organization-not-registered", { year: input.year }));
  for (const year of window) {
    const r = byYear.get(year);
    if (!r) reasons.push(reason("reward.no-record", { year }));
    else if (r.level !== "L1") reasons.push(reason("reward.not-level", { year, required: "L1" }));
  }
  const titles = window.filter((y) => byYear.get(y)?.emulationTitle).length;
  if (titles < spec.minEmulationTitles) reasons.push(reason("reward.too-few-titles", { count: titles, minimum: spec.minEmulationTitles }));
  const blocRewards = (input.rewardYears?.["bloc-committee"] ?? []).filter((y) => window.includes(y)).length;
  if (blocRewards < spec.minBlocRewards)
    reasons.push(reason("reward.too-few-bloc-rewards", { count: blocRewards, minimum: spec.minBlocRewards }));
  reasons.push(...tooRecent(input.year, input.rewardYears?.[spec.giver], spec.yearsSincePrevious));
  return { eligible: reasons.length === 0, reasons };
}

export type ProposalFileCheck = { present: ProposalDocument[]; missing: ProposalDocument[]; unknown: string[]; complete: boolean };

/** R6: which of the documents that concern `recipient` a proposal file holds; an accepted alternative counts. */
export function checkProposalFile(documents: readonly string[], recipient: RewardRecipient, rulebook: Rulebook): ProposalFileCheck {
  const { documents: byRecipient, documentAlternatives } = rulebook.rewards;
  const required = byRecipient[recipient];
  const given = new Set(documents);
  const held = (d: ProposalDocument) => given.has(d) || (documentAlternatives[d] ?? []).some((a) => given.has(a));
  const accepted = new Set<string>(required.flatMap((d) => [d, ...(documentAlternatives[d] ?? [])]));
  return {
    present: required.filter(held),
    missing: required.filter((d) => !held(d)),
    unknown: [...given].filter((d) => !accepted.has(d)),
    complete: required.every(held),
  };
}

export type QuotaUse = { proposed: number; quota: number; over: number };
export type ProvincialQuotaCheck = { organizations: QuotaUse; members: QuotaUse; withinQuota: boolean };

/** R2: a list of proposals against the year's provincial quota; each recipient counts once, other givers not at all. */
export function checkProvincialQuota(
  proposals: readonly { key: RewardKey; recipientId: string }[],
  year: YearParameters,
  rulebook: Rulebook,
): ProvincialQuotaCheck {
  const catalogue = rulebook.rewards.catalogue;
  const use = (recipient: RewardRecipient, quota: number): QuotaUse => {
    const ids = proposals.filter((p) => catalogue[p.key].giver === "provincial-standing" && catalogue[p.key].recipient === recipient);
    const proposed = new Set(ids.map((p) => p.recipientId)).size;
    return { proposed, quota, over: Math.max(0, proposed - quota) };
  };
  const organizations = use("organization", year.provincialQuota.organizations);
  const members = use("member", year.provincialQuota.members);
  return { organizations, members, withinQuota: organizations.over === 0 && members.over === 0 };
}
