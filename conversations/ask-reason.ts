// A decision of the level above revoked with a typed reason (M14 for a member's result, B.I.4 for an organization's
// rating): the reason is checked by the store in the same step as the write, and a refused one is asked again, unstored.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import { ask, askHints, type Question } from "./ask";

/** What the write did: revoked with this reason, or the error code that says why not (and its words, when known). */
export type Revocation = { why: string } | { error: string; text?: string };

/**
 * Asks the reason until the write takes it (`whyRequired` says why an empty one is not); null when the write was not
 * allowed (the person was told).
 */
export async function askRevocation(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  /** `notText`: the re-ask for anything but text (the revocation's words when not given). */
  words: { question: string; whyRequired: string; notText?: string },
  write: (why: string) => Promise<Revocation | null>,
): Promise<Revocation | null> {
  const { question, whyRequired } = words;
  const asked: Question = { text: question, acceptText: true };
  const hints = askHints(t, asked);
  asked.hints = (rejection, update) => {
    if (rejection.why === "kind") return { reply: words.notText ?? t("revoke.not_text") };
    if (rejection.why === "invalid") return { reply: rejection.hint };
    return hints(rejection, update);
  };
  return ask(conversation, ctx, t, asked, async (answer) => {
    const written = answer.kind === "text" ? await write(answer.text) : null;
    if (written && "error" in written && written.error === "result.why-required") return { ok: false, hint: [whyRequired, question] };
    return { ok: true, value: written };
  });
}
