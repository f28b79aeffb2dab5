// The self-review's buttons: the reminders' "open it" button and the steps inside the dialog.
import { MEMBER_LEVELS, type MemberLevel } from "../../../domain/levels";
import { REVIEW_PARTS, type ReviewPart } from "../../../domain/self-review-parts";
import { buttonFamily, listed, oneOf } from "../button-family";

/** `review:start` opens the self-review like /review; reminders sent days before carry it, so its data never changes. */
export const reviewStart = buttonFamily("review", { action: oneOf(["start"]) });

export type StepButton =
  | { kind: "done"; part: ReviewPart }
  | { kind: "rate"; level: MemberLevel }
  | { kind: "edit"; part: ReviewPart }
  | { kind: "confirm" };

export const STEPS: readonly StepButton[] = [
  ...REVIEW_PARTS.map((part) => ({ kind: "done", part }) as const),
  ...MEMBER_LEVELS.map((level) => ({ kind: "rate", level }) as const),
  ...REVIEW_PARTS.map((part) => ({ kind: "edit", part }) as const),
  { kind: "confirm" },
];

// Dialogs replay their recorded updates: the words of buttons already pressed must keep reading back the same.
export const stepWord = (b: StepButton) => (b.kind === "confirm" ? b.kind : `${b.kind}.${b.kind === "rate" ? b.level : b.part}`);

/** Inside the dialog: `rv:done.a`, `rv:rate.L2`, `rv:edit.hcm`, `rv:confirm`. */
export const reviewStep = buttonFamily("rv", { step: listed(STEPS, stepWord) });
