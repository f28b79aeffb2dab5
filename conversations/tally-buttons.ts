// The keyboards of the counts dialog (their button data: bot/kit/buttons/tally.ts).
import { InlineKeyboard } from "grammy";
import { tallyStep } from "../bot/kit/buttons";
import type { Translate } from "../bot/kit/i18n";
import { L4_GROUNDS } from "../domain";

export type TallyChoice = NonNullable<ReturnType<typeof tallyStep.unpack>>["choice"];
const choice = (value: TallyChoice) => tallyStep.pack({ choice: value });

export function methodKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("tally.method.secret"), choice("secret")).text(t("tally.method.hands"), choice("hands"));
}

export function groundsKeyboard(t: Translate, chosen: readonly string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const ground of L4_GROUNDS)
    keyboard.text(`${chosen.includes(ground) ? "✓ " : ""}${t(`rating.ground.${ground}`)}`, choice(ground)).row();
  return keyboard.text(t("tally.button.done"), choice("done"));
}

export function singleButton(label: string, value: TallyChoice): InlineKeyboard {
  return new InlineKeyboard().text(label, choice(value));
}

/** M12: the meeting's acknowledgement: for every member waiting for it (when more than this one), this one, or none. */
export function acknowledgementKeyboard(t: Translate, waiting: number, name: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (waiting > 1) keyboard.text(t("tally.button.ack_all", { count: waiting }), choice("ackall")).row();
  keyboard.text(t(waiting > 1 ? "tally.button.ack_member" : "tally.button.ack_yes", { name }), choice("ackone")).row();
  return keyboard.text(t("tally.button.ack_no"), choice("ackno"));
}
