// How long an invite link lasts: a fixed span from when it is issued, and never less than a margin after the period's
// self-review deadline (a member who joins late still has time to write, and a link sent early does not die first).
import type { Rulebook } from "./rulebook";

const MS_PER_DAY = 86_400_000;

/** The instant a link issued at `nowMs` expires; `deadlineMs` is the self-review deadline, null before any period. */
export function inviteExpiryMs(rule: Rulebook["invites"], nowMs: number, deadlineMs: number | null): number {
  const span = nowMs + rule.validDays * MS_PER_DAY;
  if (deadlineMs === null) return span;
  return Math.max(span, deadlineMs + rule.daysAfterSelfReviewDeadline * MS_PER_DAY);
}
