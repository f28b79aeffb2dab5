import { Composer, InlineKeyboard } from "grammy";
import { setLanguage } from "../../store/users";
import { languageChoice } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { LANGUAGES, translatorFor } from "../kit/i18n";
import { onButton } from "../kit/on-button";

/** /lang: Vietnamese or English, remembered per user. */
export function languageFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("lang", async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const lang of LANGUAGES) keyboard.text(ctx.t(`lang.name.${lang}`), languageChoice.pack({ lang }));
    await ctx.reply(ctx.t("lang.choose"), { reply_markup: keyboard });
  });
  onButton(feature, languageChoice, async (ctx, { lang }) => {
    await setLanguage(ctx.deps.db, ctx.identity.userId, lang);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(translatorFor(lang)("lang.changed"));
  });
  return feature;
}
