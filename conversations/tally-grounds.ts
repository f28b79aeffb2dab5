// M9: the grounds the branch found, asked with an L4 majority (one member's counts, or a row of the whole branch's).
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { L4_GROUNDS, type L4Ground } from "../domain";
import { ask } from "./ask";
import { groundsKeyboard } from "./tally-buttons";
import { tallyQuestion } from "./tally-input";

/** Toggles grounds until «Xong» with at least one chosen. */
export async function askGrounds(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string): Promise<L4Ground[]> {
  const chosen: L4Ground[] = [];
  for (;;) {
    const question = tallyQuestion(t, text, groundsKeyboard(t, chosen), [...L4_GROUNDS, "done"]);
    // M9: an L4 majority carries at least one ground; «Xong» with none chosen is refused with a hint.
    const a = await ask(conversation, ctx, t, question, (answer) =>
      answer.kind === "button" && answer.value === "done" && chosen.length === 0
        ? { ok: false, hint: t("tally.grounds_required") }
        : { ok: true, value: answer },
    );
    if (a.kind !== "button") continue;
    if (a.value === "done") return chosen;
    // Any of the dialog's buttons reads back here (an older question's too): only a ground is a ground.
    const ground = L4_GROUNDS.find((g) => g === a.value);
    if (!ground) continue;
    const at = chosen.indexOf(ground);
    if (at >= 0) chosen.splice(at, 1);
    else chosen.push(ground);
  }
}
