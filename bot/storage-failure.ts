// With the disk full or the database read-only, a person still gets an answer: nothing was saved, try again later.
import type { NextFunction } from "grammy";
import { storageProblemOf } from "../store/storage-errors";
import type { BotContext } from "./kit/context";
import { asLanguage, translatorFor } from "./kit/i18n";

/** Before everything that writes: an update whose save failed for lack of storage is answered, logged by kind. */
export async function tellWhenNothingSaved(ctx: BotContext, next: NextFunction): Promise<void> {
  try {
    await next();
  } catch (error) {
    const problem = storageProblemOf(error);
    if (!problem || !ctx.chat) throw error;
    ctx.deps.log.error(
      { updateId: ctx.update.update_id, problem, code: (error as { code?: string }).code },
      "nothing saved: storage failure",
    );
    // The sender's language may not be known yet: the failure can come from the very first write of the update.
    const t = ctx.t ?? translatorFor(asLanguage(ctx.from?.language_code));
    await ctx.reply(t("storage.nothing-saved")).catch(() => undefined);
  }
}
