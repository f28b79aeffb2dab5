// The number, place and signer a committee's report carries (/report → «Sửa số, địa danh, người ký»): four short
// questions, each with «Bỏ qua» to leave the form's dotted line (filled by hand), stored for the next reports.
import { InlineKeyboard } from "grammy";
import { questionButtons } from "../bot/kit/button-family";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { saveReportSettings, SIGNER_TITLES, type ReportSettings, type SignerTitle } from "../store/org-reports";
import { ask, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";

export const REPORT_SIGNER = "report-signer";

export type ReportSignerArgs = { lang: string; orgId: string; settings: ReportSettings };

/** Longest answer kept: a number, a place name or a person's name. */
const MAX_LENGTH = 80;

const skipButton = questionButtons("rps", ["skip"]);
const titleButtons = questionButtons("rptt", SIGNER_TITLES);

/** A typed line (trimmed, at most MAX_LENGTH), or null for «Bỏ qua». */
async function askLine(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string): Promise<string | null> {
  const question: Question = {
    text,
    acceptText: true,
    keyboard: new InlineKeyboard().text(t("report.sign.skip"), skipButton.pack({ choice: "skip" })),
    buttons: { data: skipButton, values: ["skip"] },
  };
  return ask(conversation, ctx, t, question, (answer) => {
    if (answer.kind === "button") return { ok: true, value: null };
    const line = answer.kind === "text" ? answer.text.trim().replace(/\s+/g, " ") : "";
    if (line === "" || line.length > MAX_LENGTH) return { ok: false, hint: t("report.sign.too_long", { max: MAX_LENGTH }) };
    return { ok: true, value: line };
  });
}

export async function reportSignerConversation(conversation: BotConversation, ctx: ConvContext, args: ReportSignerArgs) {
  const t = translatorFor(args.lang);
  const current = (value: string | null) => value ?? t("report.blank");
  const number = await askLine(conversation, ctx, t, t("report.sign.ask_number", { current: current(args.settings.number) }));
  const place = await askLine(conversation, ctx, t, t("report.sign.ask_place", { current: current(args.settings.place) }));
  const titles = new InlineKeyboard();
  for (const title of SIGNER_TITLES) titles.text(t(`report.title.${title}`), titleButtons.pack({ choice: title }));
  const title = await ask(conversation, ctx, t, {
    text: t("report.sign.ask_title"),
    keyboard: titles,
    buttons: { data: titleButtons, values: SIGNER_TITLES },
  });
  const signerTitle: SignerTitle = title.kind === "button" && title.value === "deputy" ? "deputy" : "secretary";
  const signerName = await askLine(conversation, ctx, t, t("report.sign.ask_name", { current: current(args.settings.signerName) }));
  const settings: ReportSettings = { number, place, signerName, signerTitle };
  const saved = await writeWithRole(conversation, ctx, t, { target: { org: args.orgId }, roles: ["secretary", "committee"] }, (outside) =>
    saveReportSettings(outside.deps.db, args.orgId, settings, outside.identity.userId, outside.deps.clock()),
  );
  if (saved.allowed) await ctx.reply(t("report.sign.saved"));
}
