// How the tally dialogs (counts, grounds, notes) answer what is not an answer: a stale button gets a toast, anything
// else a hint in the tally's own words and the question again. Asking itself goes through `ask`.
import type { InlineKeyboard } from "grammy";
import type { Translate } from "../bot/kit/i18n";
import type { Hints, Question } from "./ask";
import { tallyStep } from "../bot/kit/buttons";

export function tallyHints(t: Translate, acceptText: boolean): Hints {
  return (rejection) => {
    if (rejection.why === "button") return { toast: t("tally.press_button") };
    if (rejection.why === "invalid") return { reply: rejection.hint, repeat: true };
    if (rejection.why === "command") return { reply: t("tally.command_not_counted", { command: rejection.command }), repeat: true };
    return { reply: t(acceptText ? "tally.not_number" : "tally.press_button"), repeat: true };
  };
}

/** A count as typed: digits only (spaces around allowed), else null. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** A tally question: its buttons are the tally step's `values`, its hints the tally's. */
export function tallyQuestion(
  t: Translate,
  text: string,
  keyboard?: InlineKeyboard,
  values: readonly string[] = [],
  acceptText = false,
): Question {
  const buttons = values.length > 0 ? { data: tallyStep, values } : undefined;
  return { text, keyboard, acceptText, buttons, hints: tallyHints(t, acceptText) };
}

/** M7: the prefilled number of official members, saying how many exempt official members it leaves out. */
export function officialQuestionText(t: Translate, official: number, exemptLeftOut = 0): string {
  const ask = t("tally.ask_official", { count: official });
  return exemptLeftOut > 0 ? `${ask}\n${t("tally.official_leaves_out_exempt", { count: exemptLeftOut })}` : ask;
}
