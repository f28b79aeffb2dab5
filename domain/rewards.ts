// R1–R6: emulation rewards (guideline C). Money is integer đồng; shares and thresholds are exact fractions.
import { floorShare, reachesNonEmpty } from "./fraction";
import type { LevelCounts, MemberLevel, OrgLevel } from "./levels";
import { reason, type Reason } from "./reasons";
import type { MemberRewardKey, OrgRewardKey, ProposalDocument, RewardGiver, RewardKey, Rulebook } from "./rulebook";

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

/** R3, R5: can this organization be proposed for `key` in `year`? */
export function checkOrgReward(
  key: OrgRewardKey,
  input: { year: number; history: readonly OrgYearRecord[]; previousRewardYears?: readonly number[] },
  rulebook: Rulebook,
): Eligibility {
  const spec = rulebook.rewards.catalogue[key];
  const r3 = rulebook.rewards.organization;
  const byYear = new Map(input.history.map((r) => [r.year, r]));
  const reasons: Reason[] = [];
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
    if (!spec.requiresR3) continue;
    if (r.score < r3.minScore) reasons.push(reason("reward.score-below", { year, score: r.score, minimum: r3.minScore }));
    const m = r.memberLevels;
    if (!reachesNonEmpty(m.L1 + m.L2, m.L1 + m.L2 + m.L3 + m.L4, r3.membersL2OrBetter))
      reasons.push(reason("reward.members-below", { year, percent: (r3.membersL2OrBetter.num * 100) / r3.membersL2OrBetter.den }));
    if (m.L4 > r3.maxL4Members) reasons.push(reason("reward.member-l4", { year, count: m.L4 }));
  }
  reasons.push(...tooRecent(input.year, input.previousRewardYears, spec.yearsSincePrevious));
  return { eligible: reasons.length === 0, reasons };
}

/** R4: can this member be proposed for `key` in `year`? `rewardYears` lists earlier rewards per giver. */
export function checkMemberReward(
  key: MemberRewardKey,
  input: { year: number; history: readonly MemberYearRecord[]; rewardYears?: Partial<Record<RewardGiver, readonly number[]>> },
  rulebook: Rulebook,
): Eligibility {
  const spec = rulebook.rewards.catalogue[key];
  const byYear = new Map(input.history.map((r) => [r.year, r]));
  const window = yearsEnding(input.year, spec.consecutiveYears);
  const reasons: Reason[] = [];
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

/** R6: which of the required documents a proposal file holds. */
export function checkProposalFile(documents: readonly string[], rulebook: Rulebook): ProposalFileCheck {
  const required: readonly string[] = rulebook.rewards.documents;
  const given = new Set(documents);
  const present = rulebook.rewards.documents.filter((d) => given.has(d));
  const missing = rulebook.rewards.documents.filter((d) => !given.has(d));
  const unknown = [...given].filter((d) => !required.includes(d));
  return { present, missing, unknown, complete: missing.length === 0 };
}
