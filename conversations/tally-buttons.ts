// Callback data of the tally feature, built and parsed in one place (≤ 64 bytes: ids are 25-character cuids).
import { InlineKeyboard } from "grammy";
import { callbackData } from "../bot/kit/callback-data";
import type { Translate } from "../bot/kit/i18n";
import { L4_GROUNDS } from "../domain";

/** Buttons inside the tally dialog. */
export const TALLY_STEP = callbackData("tc");
/** The paged member list and the member card (outside the dialog): `<action>:<arg>`. */
export const TALLY_BOARD = callbackData("tl");
/** M8: the secretary picks a tied member to keep L1. */
export const CAP_KEEP = callbackData("cap");
/** M8: another page of a tie's candidates: `<page>`. */
export const CAP_PAGE = callbackData("cappg");
/** Double entry: the secretary asks for both entries again. */
export const REENTRY = callbackData("reent");

export type BoardAction = "page" | "card" | "enter" | "absent" | "hcm";
const BOARD_ACTIONS: readonly BoardAction[] = ["page", "card", "enter", "absent", "hcm"];

export function boardData(action: BoardAction, arg: string | number): string {
  return TALLY_BOARD.data(`${action}:${arg}`);
}

export function parseBoardData(data: string | undefined): { action: BoardAction; arg: string } | null {
  const raw = TALLY_BOARD.parse(data);
  const [action, arg] = raw?.split(":") ?? [];
  return action && arg !== undefined && BOARD_ACTIONS.includes(action as BoardAction) ? { action: action as BoardAction, arg } : null;
}

export function methodKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("tally.method.secret"), TALLY_STEP.data("secret")).text(t("tally.method.hands"), TALLY_STEP.data("hands"));
}

export function groundsKeyboard(t: Translate, chosen: readonly string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const ground of L4_GROUNDS)
    keyboard.text(`${chosen.includes(ground) ? "✓ " : ""}${t(`rating.ground.${ground}`)}`, TALLY_STEP.data(ground)).row();
  return keyboard.text(t("tally.button.done"), TALLY_STEP.data("done"));
}

export function singleButton(label: string, value: string): InlineKeyboard {
  return new InlineKeyboard().text(label, TALLY_STEP.data(value));
}
