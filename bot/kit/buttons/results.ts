// Results going up: the secretary sends them for recognition; the upper committee recognizes or revokes.
import { MEMBER_LEVELS } from "../../../domain/levels";
import { buttonFamily, buttonVariants, id, int, oneOf, optional } from "../button-family";

/** /results: send the branch's proposed results of this period up for recognition. */
export const sendResults = buttonFamily("rsend", { periodId: id });

/**
 * /recognize: all of a branch's results, its members a page at a time (no page: a new message; a page: turn it),
 * one member, a revocation, another page of branches; under 366 (N7 step 3) a member's level decided otherwise: the
 * levels to choose from, then the one chosen (its reason is asked next).
 */
export const recognize = buttonVariants("rc", {
  all: { periodId: id },
  each: { periodId: id, page: optional(int) },
  member: { periodId: id, memberId: id },
  revoke: { periodId: id, memberId: id },
  other: { periodId: id, memberId: id },
  to: { periodId: id, memberId: id, level: oneOf(MEMBER_LEVELS) },
  page: { page: int },
});
