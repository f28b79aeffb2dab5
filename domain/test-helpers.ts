// Builders shared by the domain tests (not exported from index.ts).
import { reviewYearDays } from "./calendar";
import type { MemberStatusInput, MemberRatingInput } from "./member-rating";
import type { TallyInput } from "./tally";

/** Vietnam's offset, the zone of the guideline's examples (+07:00, no daylight saving). */
export const VN = 7 * 60;

export function official(overrides: Partial<MemberStatusInput> = {}): MemberStatusInput {
  return { kind: "official", exempt: false, retiredNotMoved: false, workingAwayMonths: 0, isLeader: false, ...overrides };
}

/** A secret-ballot tally where everyone present cast a valid ballot. */
export function tally(official: number, votes: Partial<TallyInput["votes"]>, present = official): TallyInput {
  const full = { L1: 0, L2: 0, L3: 0, L4: 0, ...votes };
  return { method: "secret", official, present, valid: present, votes: full };
}

export function ratingInput(overrides: Partial<MemberRatingInput> = {}): MemberRatingInput {
  return {
    member: official(),
    absentFromMeeting: false,
    hcmActions: true,
    hcmAcknowledged: true,
    disciplines: [],
    reviewYear: reviewYearDays(2011),
    ...overrides,
  };
}
