// The self-review's keyboards (their button data: bot/kit/buttons/self-review.ts).
import { InlineKeyboard } from "grammy";
import { reviewStart, reviewStep, STEPS, stepWord, type StepButton } from "../bot/kit/buttons";
import type { ChoiceReader } from "./ask";
import type { Translate } from "../bot/kit/i18n";
import { MEMBER_LEVELS } from "../domain/levels";
import { REVIEW_PARTS, type ReviewPart } from "../domain/self-review-parts";

/** Opens the self-review, exactly like /review (the reminders carry this button). */
export const REVIEW_START_DATA = reviewStart.pack({ action: "start" });

export type { StepButton };

export const stepButtonData = (step: StepButton) => reviewStep.pack({ step });

/** A step button's data, strictly: null for anything that is not one. */
export function parseStepButton(data: string | undefined): StepButton | null {
  return reviewStep.unpack(data)?.step ?? null;
}

/** The button an accepted answer's value (a step's word, "done.a") stands for. */
export function stepButtonOf(word: string): StepButton | null {
  return STEPS.find((step) => stepWord(step) === word) ?? null;
}

/** The buttons a step accepts, as a question's `buttons` (the answer's value is the step's word). */
export function stepButtons(accepted: readonly StepButton[]): { data: ChoiceReader; values: string[] } {
  const data: ChoiceReader = {
    unpack: (raw) => {
      const step = parseStepButton(raw);
      return step ? { choice: stepWord(step) } : null;
    },
  };
  return { data, values: accepted.map(stepWord) };
}

/** Whether data is the reminders' "open the self-review" button. */
export const isReviewStart = (data: string | undefined) => reviewStart.unpack(data) !== null;

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
    InlineKeyboard.from(
      MEMBER_LEVELS.map((level) => [InlineKeyboard.text(t(`review.level.${level}`), stepButtonData({ kind: "rate", level }))]),
    ),
  );
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
