// Organizations' ratings (B.I): which organization to score, and the level above's decisions on a rating.
import { ORG_LEVELS } from "../../../domain/levels";
import { buttonFamily, buttonVariants, id, int, oneOf } from "../button-family";

/** /score by someone with a role on more than one organization: the organization to score. */
export const scorePick = buttonFamily("osp", { orgId: id });

/**
 * /orgs: one rating's details (a version of it: a press on a version since replaced is refused), recognize it, revoke
 * it, mark or unmark it exemplary (O6), another page of organizations; under 366 (NO2) decide another level: the
 * levels to choose from, then the one chosen (its reason is asked next).
 */
export const orgRatings = buttonVariants("og", {
  show: { scoreId: id },
  ok: { scoreId: id },
  no: { scoreId: id },
  star: { scoreId: id },
  other: { scoreId: id },
  to: { scoreId: id, level: oneOf(ORG_LEVELS) },
  page: { page: int },
});
