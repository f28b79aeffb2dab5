// M13: the counts of one member's vote. Only counts are stored, never who voted how.
import { reaches } from "./fraction";
import { MEMBER_LEVELS, type L4Ground, type MemberLevel } from "./levels";
import { reason, type Reason } from "./reasons";
import type { Rulebook } from "./rulebook";

export type TallyInput = {
  method: "secret" | "hands";
  /** Official members of the branch: the eligible voters and (M7) the denominator. */
  official: number;
  present: number;
  valid: number;
  votes: Record<MemberLevel, number>;
  /** M9: what the branch found, recorded with an L4 vote. */
  l4Grounds?: L4Ground[];
};

export const TALLY_ERROR_CODES = [
  "tally.not-integer",
  "tally.negative",
  "tally.no-official-members",
  "tally.official-exceeds-roster",
  "tally.present-exceeds-official",
  "tally.valid-exceeds-present",
  "tally.votes-exceed-valid",
] as const;
export type TallyErrorCode = (typeof TALLY_ERROR_CODES)[number];
export type TallyField = "official" | "present" | "valid" | `votes.${MemberLevel}`;
export type TallyError = { code: TallyErrorCode; field?: TallyField; params?: Record<string, number> };

function countFields(t: TallyInput): [TallyField, number][] {
  return [
    ["official", t.official],
    ["present", t.present],
    ["valid", t.valid],
    ...MEMBER_LEVELS.map((level): [TallyField, number] => [`votes.${level}`, t.votes[level]]),
  ];
}

export function sumVotes(votes: Record<MemberLevel, number>): number {
  return votes.L1 + votes.L2 + votes.L3 + votes.L4;
}

/** What the branch's roster allows: the most eligible voters a tally can name (see `officialVoterCeiling`). */
export type TallyBounds = { voters?: number };

/**
 * Every violated bound, each with its own code; an empty list means the tally is usable. With the roster's `voters`
 * (M13: present never exceeds the eligible voters, and they never exceed the roster), no count can exceed the branch.
 */
export function validateTally(t: TallyInput, bounds: TallyBounds = {}): TallyError[] {
  const errors: TallyError[] = [];
  for (const [field, value] of countFields(t)) {
    if (!Number.isSafeInteger(value)) errors.push({ code: "tally.not-integer", field });
    else if (value < 0) errors.push({ code: "tally.negative", field });
  }
  // The bounds below compare numbers that may themselves be wrong; they still point at the right culprit.
  if (t.official < 1) errors.push({ code: "tally.no-official-members", field: "official" });
  if (bounds.voters !== undefined && t.official > bounds.voters)
    errors.push({ code: "tally.official-exceeds-roster", field: "official", params: { official: t.official, roster: bounds.voters } });
  if (t.present > t.official)
    errors.push({ code: "tally.present-exceeds-official", field: "present", params: { present: t.present, official: t.official } });
  if (t.valid > t.present)
    errors.push({ code: "tally.valid-exceeds-present", field: "valid", params: { valid: t.valid, present: t.present } });
  const total = sumVotes(t.votes);
  if (total > t.valid) errors.push({ code: "tally.votes-exceed-valid", params: { votes: total, valid: t.valid } });
  return errors;
}

export type VoteResult = { level: MemberLevel | null; reasons: Reason[] };

/**
 * M13: the level a (valid) tally reaches. With cumulative ballots an L1 ballot also supports L2 and L3, so support
 * for L2 is L1+L2 and for L3 is L1+L2+L3; L4 stands alone. Levels are tried from L1 down.
 */
export function levelByVote(t: TallyInput, rulebook: Rulebook): VoteResult {
  const { votes: needed, cumulativeBallots, denominator: whose } = rulebook.member;
  const denominator = whose === "official" ? t.official : t.present;
  const v = t.votes;
  const support: Record<MemberLevel, number> = cumulativeBallots ? { L1: v.L1, L2: v.L1 + v.L2, L3: v.L1 + v.L2 + v.L3, L4: v.L4 } : v;
  for (const level of MEMBER_LEVELS) {
    if (reaches(support[level], denominator, needed[level])) {
      const reasons = [reason("vote.reached", { level, votes: support[level], denominator })];
      if (level === "L4") for (const ground of t.l4Grounds ?? []) reasons.push(reason("vote.l4-ground", { ground }));
      return { level, reasons };
    }
  }
  return { level: null, reasons: [reason("vote.no-majority", { denominator, valid: t.valid })] };
}
