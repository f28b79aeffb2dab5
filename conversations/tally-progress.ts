// Running totals of the counting (issue 13): "đã nhập 12/30", on the /tally board and after each member saved.
import type { Translate } from "../bot/kit/i18n";
import { progressOf } from "../store/branch-count";
import type { MemberInputs } from "../store/rating-inputs";

export function progressLine(t: Translate, members: readonly MemberInputs[]): string {
  return t("tally.progress", progressOf(members));
}
