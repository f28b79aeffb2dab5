// The questions of /score (conversations/score-org.ts): a task's points, a yes/no fact, the Ho Chi Minh actions and
// the year's attendance, each refused with the reason and asked again when it cannot be read.
import { InlineKeyboard } from "grammy";
import { questionButtons } from "../bot/kit/button-family";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import {
  MAX_ACTIONS_LENGTH,
  ORG_SCORE_PARTS,
  orgPartMax,
  parseAttendance,
  parseOrgActions,
  parseOrgScorePart,
  parseTaskScore,
  type Meeting,
  type OrgScorePart,
  type OrgScoreRules,
  type Rulebook,
  type TaskKey,
} from "../domain";
import { ask, type Checked } from "./ask";

export const scoreStep = questionButtons("osq", ["yes", "no", "none", "save", "redo"]);
export type ScoreChoice = NonNullable<ReturnType<typeof scoreStep.unpack>>["choice"];
const choice = (value: ScoreChoice) => scoreStep.pack({ choice: value });

export type Asking = { conversation: BotConversation; ctx: ConvContext; t: Translate };

/** O1: a task's points, a whole number within the task's bounds. */
export async function askTaskScore(a: Asking, task: TaskKey, rulebook: Rulebook, step: number): Promise<number> {
  const max = rulebook.org.taskMax[task];
  const text = a.t("score.ask.task", { step, steps: 7, task: a.t(`score.task.${task}`), max });
  return ask(a.conversation, a.ctx, a.t, { text, acceptText: true }, (answer): Checked<number> => {
    const parsed = parseTaskScore(answer.kind === "text" ? answer.text : "", task, rulebook);
    if (parsed.ok) return { ok: true, value: parsed.value };
    return { ok: false, hint: a.t(`score.error.${parsed.error.code}`, { task: a.t(`score.task.${task}`), max }) };
  });
}

/** NO1 (366): the points of a part (general criteria, task results), a whole number within its bound. */
export async function askOrgScorePart(a: Asking, part: OrgScorePart, rules: OrgScoreRules): Promise<number> {
  const words = { part: a.t(`score.part.${part}`), max: orgPartMax(rules, part) };
  const text = a.t("score.ask.part", { step: ORG_SCORE_PARTS.indexOf(part) + 1, ...words });
  return ask(a.conversation, a.ctx, a.t, { text, acceptText: true }, (answer): Checked<number> => {
    const parsed = parseOrgScorePart(answer.kind === "text" ? answer.text : "", part, rules);
    if (parsed.ok) return { ok: true, value: parsed.value };
    const key = parsed.error.code === "org.score-out-of-range" ? "score.error.part_out_of_range" : `score.error.${parsed.error.code}`;
    return { ok: false, hint: a.t(key, words) };
  });
}

/** O3, O4: a fact answered yes or no (the words «có», «không» typed answer as the buttons). */
export async function askYesNo(a: Asking, key: string): Promise<boolean> {
  const keyboard = new InlineKeyboard().text(a.t("score.yes"), choice("yes")).text(a.t("score.no"), choice("no"));
  const answer = await ask(a.conversation, a.ctx, a.t, {
    text: a.t(`score.ask.${key}`),
    keyboard,
    buttons: { data: scoreStep, values: ["yes", "no"] },
  });
  return answer.kind === "button" && answer.value === "yes";
}

/** O5: the concrete actions as typed, or null when there are none (the «none» button). */
export async function askActions(a: Asking): Promise<string | null> {
  const keyboard = new InlineKeyboard().text(a.t("score.no_actions"), choice("none"));
  const question = { text: a.t("score.ask.hcm_actions"), keyboard, acceptText: true, buttons: { data: scoreStep, values: ["none"] } };
  return ask(a.conversation, a.ctx, a.t, question, (answer): Checked<string | null> => {
    if (answer.kind !== "text") return { ok: true, value: null };
    const parsed = parseOrgActions(answer.text);
    return parsed.ok ? parsed : { ok: false, hint: a.t(`score.error.${parsed.error}`, { max: MAX_ACTIONS_LENGTH }) };
  });
}

/** O3: the year's meetings as present/expected pairs, or the average percentage. */
export async function askAttendance(a: Asking): Promise<Meeting[]> {
  return ask(a.conversation, a.ctx, a.t, { text: a.t("score.ask.attendance"), acceptText: true }, (answer): Checked<Meeting[]> => {
    const parsed = parseAttendance(answer.kind === "text" ? answer.text : "");
    return parsed.ok ? { ok: true, value: parsed.meetings } : { ok: false, hint: a.t(`score.error.${parsed.error}`) };
  });
}

/** The preview's question: save this version, or answer again from the start. */
export async function askSave(a: Asking, preview: string): Promise<boolean> {
  const keyboard = new InlineKeyboard().text(a.t("score.save"), choice("save")).text(a.t("score.redo"), choice("redo"));
  const answer = await ask(a.conversation, a.ctx, a.t, { text: preview, keyboard, buttons: { data: scoreStep, values: ["save", "redo"] } });
  return answer.kind === "button" && answer.value === "save";
}
