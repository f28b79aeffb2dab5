// N7 step 2 (RULES-2025): /appraise — the paged member list, a member's appraisal dialog and its answers.
import { MEMBER_LEVELS, NOT_COMPLETED_GROUNDS } from "../../../domain/levels";
import { buttonFamily, buttonVariants, id, int, oneOf } from "../button-family";

/** `apr:page:<n>`; `apr:member:<memberId>` opens the member's appraisal. */
export const appraiseBoard = buttonVariants("apr", {
  page: { page: int },
  member: { memberId: id },
});

/** The answers of the appraisal dialog (each question accepts a subset): N5 grounds toggle, levels propose. */
export const appraiseStep = buttonFamily("aps", {
  choice: oneOf(["accept", "type", "keep", "correct", "done", "yes", "no", "skip", "propose", ...NOT_COMPLETED_GROUNDS, ...MEMBER_LEVELS]),
});

/**
 * The secretary's assignment of appraisers (N7 "or an assigned person"): `apa:pick:<n>` a page of the roster to
 * choose from, `apa:held` the people assigned, `apa:assign:<memberId>` and `apa:withdraw:<memberId>`.
 */
export const appraiserPick = buttonVariants("apa", {
  pick: { page: int },
  held: {},
  assign: { memberId: id },
  withdraw: { memberId: id },
});
