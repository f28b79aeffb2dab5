// M7: who the denominator counts, and (issue 4) when two independent entries of the same tally agree.
import type { MemberStatusInput } from "./member-rating";
import type { TallyInput } from "./tally";

/**
 * M7: the official members of the branch (không tính đảng viên dự bị). Decision: a member exempted from party work
 * and activities (M2) does not take part in the meeting and is not counted; the secretary can still change the
 * prefilled number in the tally.
 */
export function officialVoterCount(members: readonly Pick<MemberStatusInput, "kind" | "exempt">[]): number {
  return members.filter((m) => m.kind === "official" && !m.exempt).length;
}

/**
 * M13: the most eligible voters a tally can name: every official member on the roster, the exempt included (the
 * secretary may count an exempt member who attends, see above). Probationary and temporary members never vote (M7).
 */
export function officialVoterCeiling(members: readonly Pick<MemberStatusInput, "kind">[]): number {
  return members.filter((m) => m.kind === "official").length;
}

/** Double entry: both entries must carry exactly the same counts (the grounds of M9 are a judgement, not a count). */
export function tallyEntriesAgree(a: TallyInput, b: TallyInput): boolean {
  return (
    a.method === b.method &&
    a.official === b.official &&
    a.present === b.present &&
    a.valid === b.valid &&
    a.votes.L1 === b.votes.L1 &&
    a.votes.L2 === b.votes.L2 &&
    a.votes.L3 === b.votes.L3 &&
    a.votes.L4 === b.votes.L4
  );
}
