// N10: the year's appraisal dialog shows the member's quarter results under the card (information: no rule of the
// year reads them). Read through `external` as plain data, so a replay reads the same.
import type { BotConversation } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { quarterResultLines } from "../bot/kit/quarter-results-words";
import { memberQuarterResults } from "../store/quarter-results";

/** "" for a quarter's appraisal or a member without quarter results; else the block, after a blank line. */
export async function yearQuartersBlock(conversation: BotConversation, t: Translate, periodId: string, memberId: string): Promise<string> {
  const found = await conversation.external((c) => memberQuarterResults(c.deps.db, periodId, memberId));
  const lines = quarterResultLines(t, found.year, found.quarters);
  return lines.length > 0 ? `\n\n${lines.join("\n")}` : "";
}
