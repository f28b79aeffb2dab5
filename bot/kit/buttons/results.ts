// Results going up: the secretary sends them for recognition; the upper committee recognizes or revokes.
import { buttonFamily, buttonVariants, id, int, optional } from "../button-family";

/** /results: send the branch's proposed results of this period up for recognition. */
export const sendResults = buttonFamily("rsend", { periodId: id });

/**
 * /recognize: all of a branch's results, its members a page at a time (no page: a new message; a page: turn it),
 * one member, a revocation, another page of branches.
 */
export const recognize = buttonVariants("rc", {
  all: { periodId: id },
  each: { periodId: id, page: optional(int) },
  member: { periodId: id, memberId: id },
  revoke: { periodId: id, memberId: id },
  page: { page: int },
});
