// M7: who the denominator counts, and (issue 4) when two independent entries of the same tally agree.
import type { MemberStatusInput } from "./member-rating";
import type { Rulebook } from "./rulebook";
import type { TallyInput } from "./tally";

type VoterFacts = Pick<MemberStatusInput, "kind" | "exempt">;

/**
 * M7: the number of official members prefilled in a tally (không tính đảng viên dự bị). The rulebook's Decision
 * `exemptOfficialsPrefilled` says whether exempt official members (M2) are in it; the secretary can still change it.
 */
export function officialVoterCount(members: readonly VoterFacts[], rulebook: Rulebook): number {
  const counted = (m: VoterFacts) => m.kind === "official" && (rulebook.member.exemptOfficialsPrefilled || !m.exempt);
  return members.filter(counted).length;
}

/** M7: how many official members the prefilled number leaves out, so the secretary is told (0: nothing left out). */
export function exemptOfficialsLeftOut(members: readonly VoterFacts[], rulebook: Rulebook): number {
  return officialVoterCeiling(members) - officialVoterCount(members, rulebook);
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

/**
 * Double entry: the slot a person's entry for a member goes in. Each entrant keeps their own slot (a correction
 * replaces their own entry); a second, different person fills slot 2. Without double entry, always slot 1.
 */
export function entrySlotFor(entries: readonly { entrySlot: 1 | 2; enteredById: string }[], doubleEntry: boolean, userId: string): 1 | 2 {
  if (!doubleEntry) return 1;
  const mine = entries.find((e) => e.enteredById === userId);
  if (mine) return mine.entrySlot;
  return entries.some((e) => e.entrySlot === 1) ? 2 : 1;
}
