// The ballot counts' buttons: the /tally board and member card, the counts dialog, the M8 tie, double-entry re-entry.
import { L4_GROUNDS } from "../../../domain/levels";
import { buttonFamily, buttonVariants, id, int, matching, oneOf } from "../button-family";

/** The answers of the counts dialog (its questions accept a subset each). */
export const tallyStep = buttonFamily("tc", {
  choice: oneOf(["secret", "hands", "keep", "done", "skip", "confirm", "redo", "ackall", "ackone", "ackno", ...L4_GROUNDS]),
});

/** The paged member list (`tl:page:<n>`) and a member's card and its actions (`tl:<action>:<memberId>`). */
export const tallyBoard = buttonVariants("tl", {
  page: { page: int },
  card: { memberId: id },
  enter: { memberId: id },
  absent: { memberId: id },
  hcm: { memberId: id },
  /** M12: the meeting acknowledged this member's Ho Chi Minh actions (pressed again: withdrawn). */
  ack: { memberId: id },
  /** M12: on the list: the meeting acknowledged the actions of every member waiting for it, in one tap. */
  ackall: { periodId: id },
});

/** From the /tally board: count the whole branch at once (as `/tally_all`). */
export const tallyAllStart = buttonFamily("tla", { orgId: id });

/** The whole branch's counts at once (`/tally_all`): save, the ballot's method, stop, the meeting's acknowledgement (M12). */
export const tallyAllStep = buttonFamily("ta", { choice: oneOf(["save", "secret", "hands", "stop", "ackall", "ackno"]) });
/** A pasted name that fits several roster members: the candidate's place in the question's list. */
export const tallyPick = buttonFamily("tap", { choice: matching(/[0-9]/) });
/** The counting sheet's template (XLSX) for a branch, prefilled with its roster. */
export const tallyTemplate = buttonFamily("tlx", { orgId: id });

/** M8: the secretary picks a tied member to keep L1. */
export const tieKeep = buttonFamily("cap", { memberId: id });
/** M8: another page of a tie's candidates. */
export const tiePage = buttonFamily("cappg", { page: int });
/** Double entry: the secretary asks for both entries of a member again. */
export const reentry = buttonFamily("reent", { memberId: id });
