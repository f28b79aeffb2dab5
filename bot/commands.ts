import type { Api } from "grammy";
import { translatorFor } from "./kit/i18n";

/** The command menu Telegram shows; descriptions come from locales `commands.<name>`. */
export const MENU_COMMANDS = [
  "start",
  "help",
  "review",
  "myreview",
  "setup",
  "roster",
  "invites",
  "committee",
  "tally",
  "tally_all",
  "discipline",
  "appraise",
  "results",
  "recognize",
  "score",
  "orgs",
  "orginvites",
  "status",
  "deadline",
  "period",
  "openpoints",
  "export",
  "rewards",
  "rewardimport",
  "rewardyear",
  "report",
  "scoreitems",
  "notify",
  "lang",
  "cancel",
] as const;

/** Publishes the menu in Vietnamese (default) and English; a Bot API without the method is not fatal. */
export async function publishCommandMenu(api: Api): Promise<void> {
  for (const language of ["vi", "en"] as const) {
    const t = translatorFor(language);
    const commands = MENU_COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
    await api.setMyCommands(commands, language === "vi" ? {} : { language_code: "en" });
  }
}
