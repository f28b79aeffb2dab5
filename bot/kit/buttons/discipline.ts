// M9: /discipline — the paged member list, a member's recorded decisions, recording one, removing a wrong one.
import { DISCIPLINE_LEVELS, DISCIPLINE_SOURCES } from "../../../domain/levels";
import { buttonFamily, buttonVariants, id, int, oneOf } from "../button-family";

/** `dc:page:<n>`, a member's decisions (`dc:member`), record a new one (`dc:add`), remove one: asked, then confirmed. */
export const disciplineBoard = buttonVariants("dc", {
  page: { page: int },
  member: { memberId: id },
  add: { memberId: id },
  remove: { disciplineId: id },
  confirm: { disciplineId: id },
});

/** The answers of the recording dialog: the source, the form, no end date known, no number, save or redo. */
export const disciplineStep = buttonFamily("dcs", {
  choice: oneOf([...DISCIPLINE_SOURCES, ...DISCIPLINE_LEVELS, "noend", "skip", "save", "redo"]),
});
