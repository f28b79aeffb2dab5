// Callback data of the self-review's inline buttons, built and parsed here only.
import { InlineKeyboard } from "grammy";
import { callbackData, type CallbackData } from "../bot/kit/callback-data";
import type { Translate } from "../bot/kit/i18n";
import { MEMBER_LEVELS } from "../domain/levels";
import { REVIEW_PARTS, type ReviewPart } from "../domain/self-review-parts";

/** "review:start": opens the self-review, exactly like /review (the reminders carry this button). */
export const reviewStartButton = callbackData("review");
export const REVIEW_START_DATA = reviewStartButton.data("start");

/** Buttons inside the conversation: "rv:done.a", "rv:rate.L2", "rv:edit.hcm", "rv:confirm". */
const step = callbackData("rv");

export type StepButton =
  | { kind: "done"; part: ReviewPart }
  | { kind: "rate"; level: string }
  | { kind: "edit"; part: ReviewPart }
  | { kind: "confirm" };

export function parseStepButton(data: string | undefined): StepButton | null {
  const arg = step.parse(data);
  return arg === null ? null : stepButtonOf(arg);
}

/** The button an accepted answer's value stands for. */
export function stepButtonOf(arg: string): StepButton | null {
  if (arg === "confirm") return { kind: "confirm" };
  const [kind, value] = arg.split(".", 2) as [string, string | undefined];
  const part = REVIEW_PARTS.find((p) => p === value);
  if (kind === "done" && part) return { kind, part };
  if (kind === "edit" && part) return { kind, part };
  if (kind === "rate" && value) return { kind, level: value };
  return null;
}

export function stepButtonData(button: StepButton): string {
  return step.data(stepArg(button));
}

function stepArg(button: StepButton): string {
  return button.kind === "confirm" ? "confirm" : `${button.kind}.${button.kind === "rate" ? button.level : button.part}`;
}

/** The buttons a step accepts, as a question's `buttons`. */
export function stepButtons(accepted: readonly StepButton[]): { data: CallbackData; values: string[] } {
  return { data: step, values: accepted.map(stepArg) };
}

// The dialog replays from the top on every update, rebuilding each keyboard it sent: they are built once per
// language (translatorFor keeps one T per language) and never mutated afterwards.
const built = new WeakMap<Translate, Map<string, InlineKeyboard>>();

function once(t: Translate, name: string, build: () => InlineKeyboard): InlineKeyboard {
  let keyboards = built.get(t);
  if (!keyboards) built.set(t, (keyboards = new Map()));
  let keyboard = keyboards.get(name);
  if (!keyboard) keyboards.set(name, (keyboard = build()));
  return keyboard;
}

export function doneKeyboard(t: Translate, part: ReviewPart): InlineKeyboard {
  return once(t, `done.${part}`, () => new InlineKeyboard().text(t("review.button_done"), stepButtonData({ kind: "done", part })));
}

export function ratingKeyboard(t: Translate): InlineKeyboard {
  return once(t, "rating", () =>
    InlineKeyboard.from(MEMBER_LEVELS.map((level) => [InlineKeyboard.text(t(`review.level.${level}`), stepButtonData({ kind: "rate", level }))])));
}

/** Confirm, then one edit button per part (three per row, so a phone shows them without scrolling). */
export function summaryKeyboard(t: Translate): InlineKeyboard {
  return once(t, "summary", () => buildSummaryKeyboard(t));
}

function buildSummaryKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t("review.button_confirm"), stepButtonData({ kind: "confirm" }));
  REVIEW_PARTS.forEach((part, index) => {
    if (index % 3 === 0) keyboard.row();
    keyboard.text(t("review.button_edit", { part: t(`review.short.${part}`) }), stepButtonData({ kind: "edit", part }));
  });
  return keyboard;
}
