import { Composer, InlineKeyboard } from "grammy";
import { setLanguage } from "../../store/users";
import type { BotContext } from "../kit/context";
import { LANGUAGES, asLanguage, translatorFor } from "../kit/i18n";

const CALLBACK_PREFIX = "lang:";

/** /lang: Vietnamese or English, remembered per user. */
export function languageFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("lang", async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const lang of LANGUAGES) keyboard.text(ctx.t(`lang.name.${lang}`), CALLBACK_PREFIX + lang);
    await ctx.reply(ctx.t("lang.choose"), { reply_markup: keyboard });
  });
  feature.callbackQuery(new RegExp(`^${CALLBACK_PREFIX}(vi|en)$`), async (ctx) => {
    const lang = asLanguage(ctx.match[1]);
    await setLanguage(ctx.deps.db, ctx.identity.userId, lang);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(translatorFor(lang)("lang.changed"));
  });
  return feature;
}
