// /scoreitems' dialog: a committee pastes a new split of the 30 + 70 points (lines "nhóm | nội dung | điểm | chấm
// theo mức | mẫu") or sends its XLSX. What cannot be read is named by row; a list whose groups do not add up to 30 and 70
// is shown with its totals and the reasons, and nothing is saved until every list adds up. Then a preview, and the
// committee saves it as its next version or sends another.
import { InlineKeyboard } from "grammy";
import { scoreItemsStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { downloadBytes } from "../bot/kit/download-file";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { readTable } from "../bot/kit/read-table";
import { formWords, itemErrorLines, itemLines, type ParserError, periodWords, rowErrorLine, sameItems } from "../bot/kit/score-items-words";
import { joinInMessages } from "../bot/kit/split-message";
import { getRulebook, qd366_2025 } from "../domain/rulebooks";
import { parseScoreItemTable, scoreItemsFromText, type ScoreItemForm, type ScoreItemsImport } from "../domain/score-items-import";
import { validateScoreItems } from "../domain/score-items";
import { saveScoreItemLists, type NewScoreItemLists } from "../store/score-item-lists";
import { ask, askHints, type Answer, type Checked, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";

export const SCORE_ITEMS = "score-items";
export type ScoreItemsArgs = { lang: Language; orgId: string; orgName: string; year: number; quarter: number; mode: "type" | "file" };

/** A file larger than this is refused before it is downloaded (a split is a few dozen rows). */
export const MAX_SCORE_ITEMS_FILE_BYTES = 1024 * 1024;
/** Row errors listed before "and N more". */
const ERRORS_SHOWN = 30;
const RULES = getRulebook(qd366_2025.id).score!;

type Read = Pick<NewScoreItemLists, "lists" | "source">;
type Parsed = { ok: true; lists: Read["lists"] } | { ok: false; errors: ParserError[] };
/** The domain parser's result as this dialog reads it: lists by form in order, errors by code. */
const adapt = (r: ScoreItemsImport): Parsed =>
  r.ok
    ? { ok: true, lists: Object.entries(r.lists).map(([form, items]) => ({ form: form as ScoreItemForm, items: items ?? [] })) }
    : { ok: false, errors: r.errors.map(({ error, ...e }) => ({ ...e, code: error })) };

export async function scoreItemsConversation(conversation: BotConversation, ctx: ConvContext, args: ScoreItemsArgs) {
  const t = translatorFor(args.lang);
  const when = periodWords(t, args.year, args.quarter);
  const maxima = { general: RULES.generalMax, tasks: RULES.taskMax };
  let prompt = t(args.mode === "file" ? "scoreItems.ask_file" : "scoreItems.ask_text", { org: args.orgName, when, ...maxima });
  for (;;) {
    const question: Question = { text: prompt, acceptText: true, acceptDocument: true };
    const hints = askHints(t, question);
    question.hints = (rejection, update) =>
      rejection.why === "invalid" ? { reply: [rejection.hint, t("scoreItems.send_again")].flat() } : hints(rejection, update);
    const read = await ask(conversation, ctx, t, question, (answer) => checkAnswer(conversation, t, answer));
    prompt = t("scoreItems.send_again");
    const keyboard = new InlineKeyboard()
      .text(t("scoreItems.button.save"), scoreItemsStep.pack({ choice: "save" }))
      .row()
      .text(t("scoreItems.button.again"), scoreItemsStep.pack({ choice: "again" }));
    const preview = [t("scoreItems.preview", { org: args.orgName, when }), ...listBlocks(t, read)].join("\n\n");
    const choice = await ask(conversation, ctx, t, {
      text: preview,
      keyboard,
      buttons: { data: scoreItemsStep, values: ["save", "again"] },
    });
    if (choice.kind !== "button" || choice.value !== "save") continue;
    const check = { target: { org: args.orgId }, roles: ["secretary", "committee"] } as const;
    const input: NewScoreItemLists = { orgId: args.orgId, year: args.year, quarter: args.quarter, ...read };
    const saved = await writeWithRole(conversation, ctx, t, check, (outside) =>
      saveScoreItemLists(outside.deps.db, input, RULES, outside.identity.userId, outside.deps.clock()),
    );
    if (saved.allowed) await ctx.reply(t("scoreItems.saved", { version: saved.value.version, org: args.orgName, when }));
    return;
  }
}

/** Each list's form, its items and group totals, and what is wrong with it. */
function listBlocks(t: Translate, read: Read): string[] {
  return read.lists.map((list, i) => {
    const previous = read.lists[i - 1];
    if (previous && previous.form !== "*" && sameItems(previous.items, list.items))
      return `${formWords(t, list.form)}\n${t("scoreItems.same_as", { form: previous.form })}`;
    const errors = itemErrorLines(t, list.items, validateScoreItems(list.items, RULES));
    return [formWords(t, list.form), ...itemLines(t, list.items, RULES), ...errors.map((e) => `⚠ ${e}`)].join("\n");
  });
}

async function checkAnswer(conversation: BotConversation, t: Translate, answer: Answer): Promise<Checked<Read>> {
  if (answer.kind === "button") return { ok: false, hint: t("scoreItems.file.not-table") };
  let parsed: Parsed;
  if (answer.kind === "text") parsed = adapt(scoreItemsFromText(answer.text));
  else {
    if (answer.size > MAX_SCORE_ITEMS_FILE_BYTES) return { ok: false, hint: t("scoreItems.file.too-big") };
    const rows = await conversation.external(async (outside) => {
      const bytes = await downloadBytes(outside, answer.fileId, MAX_SCORE_ITEMS_FILE_BYTES);
      if (typeof bytes === "string") return bytes;
      return readTable(bytes, answer.fileName);
    });
    if (typeof rows === "string") return { ok: false, hint: t(`scoreItems.file.${rows}`) };
    parsed = adapt(parseScoreItemTable(rows));
  }
  const source = answer.kind === "text" ? "typed" : "imported";
  if (!parsed.ok) return { ok: false, hint: rowErrors(t, parsed.errors) };
  const read: Read = { lists: parsed.lists, source };
  if (read.lists.some((l) => validateScoreItems(l.items, RULES).length > 0))
    return { ok: false, hint: joinInMessages([notAddingUp(t), ...listBlocks(t, read)]) };
  return { ok: true, value: read };
}

const notAddingUp = (t: Translate) => t("scoreItems.not_adding_up", { general: RULES.generalMax, tasks: RULES.taskMax });

/** Rows that cannot be read; or, from a parser that checks the sums itself, the lists that do not add up. */
function rowErrors(t: Translate, errors: readonly ParserError[]): string[] {
  const lines = errors.slice(0, ERRORS_SHOWN).map((e) => rowErrorLine(t, e));
  if (errors.length > ERRORS_SHOWN) lines.push(t("scoreItems.more_errors", { count: errors.length - ERRORS_SHOWN }));
  const title = errors.every((e) => e.row === null) ? notAddingUp(t) : t("scoreItems.errors_title", { count: errors.length });
  return joinInMessages([title, ...lines], "\n");
}
