// A second rulebook that exists only in tests: the 2011 one with other reminder days, daytime window and invite
// expiry. Registered for the duration of a test, so nothing but data tells the code which one a period follows.
import type { Rulebook } from "../../domain/rulebook";
import { hd07_2011, RULEBOOKS } from "../../domain/rulebooks";

export const TEST_RULEBOOK: Rulebook = {
  ...hd07_2011,
  id: "test-only",
  title: "A rulebook for tests",
  reminders: { offsetsDays: [5], window: { startHour: 9, endHour: 17 } },
  invites: { validDays: 3, daysAfterSelfReviewDeadline: 0 },
};

/** Adds TEST_RULEBOOK to the registry; returns the function that removes it again. */
export function registerTestRulebook(): () => void {
  const registry = RULEBOOKS as Record<string, Rulebook>;
  registry[TEST_RULEBOOK.id] = TEST_RULEBOOK;
  return () => void delete registry[TEST_RULEBOOK.id];
}
