// M8, revised Decision: a base committee's cut of the L1 cap across its branches — apply it, choose who keeps L1 in
// a tie (the committee is found from the member, never taken from the data), another page of a tie's buttons.
import { buttonVariants, id, int } from "../button-family";

export const committeeCapButton = buttonVariants("ccap", {
  apply: { committeeId: id, year: int },
  keep: { memberId: id },
  page: { committeeId: id, year: int, page: int },
});
