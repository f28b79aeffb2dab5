// /tally_all: the counts of the whole branch in one go (M13): a table pasted from the counting sheet, one member per
// line, or the sheet's template (XLSX) filled in and sent back. Names are matched to the roster (a name that fits
// several members is asked about), every row is checked with the same bounds as one member's counts, the rows'
// errors are listed by line and the good rows kept until a corrected paste; one preview shows every level with its
// reasons and the L1 cap (M8); one confirmation saves them all in one transaction.
import { InlineKeyboard } from "grammy";
import { tallyAllStep, tallyPick, tallyTemplate } from "../bot/kit/buttons";
import type { BotContext, BotConversation, ConvContext } from "../bot/kit/context";
import { downloadBytes } from "../bot/kit/download-file";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { sheetFileRows } from "../bot/kit/sheet-rows";
import type { ReviewTimeZone } from "../domain/calendar";
import {
  getRulebook,
  levelByVote,
  pastedRows,
  readTallySheet,
  type CountedRow,
  type SheetReading,
  type SheetRow,
  type TallyInput,
} from "../domain";
import {
  awaitingAcknowledgement,
  countingProgress,
  countingRoster,
  previewBranchCount,
  recordBranchCount,
  type BranchCount,
} from "../store/branch-count";
import { ask, type Answer, type Hints, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";
import { askGrounds } from "./tally-grounds";
import { sheetErrors, sheetIntro, sheetPreview } from "./tally-all-text";
import { reportPass } from "./tally-report";

export const TALLY_ALL = "tally-all";

export type TallyAllArgs = {
  lang: string;
  orgId: string;
  orgName: string;
  periodId: string;
  year: number;
  rulebookId: string;
  /** M7: official members on the roster (the example's and the template's number). */
  official: number;
  /** M13: the most eligible voters the roster allows. */
  voters: number;
  doubleEntry: boolean;
  /** The roster's first names, for the example lines. */
  exampleNames: string[];
  timeZone: ReviewTimeZone;
};

/** A counting sheet is a few kilobytes; an XLSX of a thousand rows stays far below this. */
const MAX_SHEET_FILE_BYTES = 2 * 1024 * 1024;
/** The candidates offered for a name that fits several members (tallyPick carries one digit). */
const MAX_CANDIDATES = 10;

type FileFailure = "too-big" | "not-sheet" | "download" | "unreadable";
type Read = { failed: FileFailure } | { reading: SheetReading; labels: Record<string, string> };
type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: TallyAllArgs };

export async function tallyAllConversation(conversation: BotConversation, ctx: ConvContext, args: TallyAllArgs) {
  const d: Dialog = { conversation, ctx, t: translatorFor(args.lang), args };
  const { t } = d;
  let method: TallyInput["method"] = "secret";
  let pending: CountedRow[] = [];
  /** M12: the meeting's acknowledgement of the Ho Chi Minh actions, asked once (undefined: not asked yet). */
  let acknowledgeAll: boolean | undefined;
  const template = new InlineKeyboard().text(t("tally_all.button.template"), tallyTemplate.pack({ orgId: args.orgId }));
  /** A question that waits for a paste or a file (the template's button under it). */
  const waitForSheet = (text: string): Question => ({
    text,
    keyboard: template,
    acceptText: true,
    acceptDocument: true,
    hints: hints(t, template),
  });
  let question = waitForSheet(sheetIntro(t, args));
  for (;;) {
    const answer = await ask(conversation, ctx, t, question);
    if (answer.kind === "button") {
      if (answer.value === "stop") return void (await ctx.reply(t("tally_all.stopped")));
      if (answer.value === "save") return save(d, pending, acknowledgeAll ?? false);
      method = answer.value === "hands" ? "hands" : "secret";
      pending = pending.map((row) => ({ ...row, tally: { ...row.tally, method } }));
    } else {
      const read = await readAnswer(d, answer, method);
      if (!read) continue;
      pending = merge(pending, await withGrounds(d, read.counted));
      if (read.errors.length > 0) {
        const errors = sheetErrors(t, read.errors, pending.length);
        for (const part of errors.slice(0, -1)) await ctx.reply(part);
        question = waitForSheet(errors.at(-1)!);
        continue;
      }
    }
    if (pending.length === 0) {
      question = waitForSheet(t("tally_all.nothing"));
      continue;
    }
    acknowledgeAll ??= await askAcknowledgement(d);
    question = await previewQuestion(d, pending, method, acknowledgeAll);
  }
}

/**
 * The dialog's words for what is not an answer; the template's button is the feature's to answer. What is wanted
 * comes with the question's buttons under it: on Zalo a message without them would end the chat's menu.
 */
function hints(t: Translate, keyboard: InlineKeyboard): Hints {
  return (rejection, ctx) => {
    if (rejection.why === "button")
      return tallyTemplate.unpack(ctx.callbackQuery?.data) ? { pass: true } : { toast: t("tally.press_button") };
    if (rejection.why === "command") return { reply: t("tally.command_not_counted", { command: rejection.command }) };
    return { reply: t("tally_all.send_sheet"), keyboard };
  };
}

/** Reads a paste or a file against the roster, asking about names that fit several members. */
async function readAnswer(d: Dialog, answer: Answer, method: TallyInput["method"]): Promise<SheetReading | null> {
  const picks: Record<number, string> = {};
  for (;;) {
    const read = await d.conversation.external((outside) => readSheet(outside, d.args, answer, method, picks));
    if ("failed" in read) {
      await d.ctx.reply(d.t(`tally_all.file.${read.failed}`, { size: `${MAX_SHEET_FILE_BYTES / 1024 / 1024} MB` }));
      return null;
    }
    if (read.reading.ambiguous.length === 0) return read.reading;
    for (const row of read.reading.ambiguous) picks[row.line] = await askPick(d, row, read.labels);
  }
}

async function readSheet(
  outside: BotContext,
  args: TallyAllArgs,
  answer: Answer,
  method: TallyInput["method"],
  picks: Record<number, string>,
): Promise<Read> {
  const sheet = await sheetOf(outside, answer);
  if ("failed" in sheet) return sheet;
  const at = { now: outside.deps.clock(), offsetMinutes: outside.deps.timeZone.offsetMinutes };
  const roster = await countingRoster(outside.deps.db, args.periodId, at);
  const reading = readTallySheet(sheet.rows, roster, { method, voters: args.voters, blanksAreZero: sheet.blanksAreZero, picks });
  const asked = new Set(reading.ambiguous.flatMap((row) => row.candidates));
  const labels = Object.fromEntries(
    roster.filter((m) => asked.has(m.id)).map((m) => [m.id, m.group ? `${m.fullName} (${m.group})` : m.fullName]),
  );
  return { reading, labels };
}

async function sheetOf(
  outside: BotContext,
  answer: Answer,
): Promise<{ rows: SheetRow[]; blanksAreZero: boolean } | { failed: FileFailure }> {
  if (answer.kind === "text") return { rows: pastedRows(answer.text), blanksAreZero: false };
  if (answer.kind !== "document") return { rows: [], blanksAreZero: false };
  if (answer.size > MAX_SHEET_FILE_BYTES) return { failed: "too-big" };
  if (!/\.(xlsx|csv|txt)$/i.test(answer.fileName)) return { failed: "not-sheet" };
  const bytes = await downloadBytes(outside, answer.fileId, MAX_SHEET_FILE_BYTES);
  if (typeof bytes === "string") return { failed: bytes };
  const rows = await sheetFileRows(answer.fileName, bytes);
  return rows === "unreadable" ? { failed: "unreadable" } : rows;
}

async function askPick(d: Dialog, row: SheetReading["ambiguous"][number], labels: Record<string, string>): Promise<string> {
  const candidates = row.candidates.slice(0, MAX_CANDIDATES);
  const keyboard = new InlineKeyboard();
  for (const [i, id] of candidates.entries()) keyboard.text(labels[id] ?? id, tallyPick.pack({ choice: String(i) })).row();
  const values = candidates.map((_, i) => String(i));
  const question: Question = {
    text: d.t("tally_all.ask_pick", { line: row.line, name: row.name }),
    keyboard,
    buttons: { data: tallyPick, values },
  };
  const answer = await ask(d.conversation, d.ctx, d.t, question);
  return candidates[answer.kind === "button" ? Number(answer.value) : 0]!;
}

/** M9: a row whose ballots reach L4 carries the grounds the branch found, asked for each such member. */
async function withGrounds(d: Dialog, rows: CountedRow[]): Promise<CountedRow[]> {
  const rulebook = getRulebook(d.args.rulebookId);
  const out: CountedRow[] = [];
  for (const row of rows) {
    if (levelByVote(row.tally, rulebook).level !== "L4") out.push(row);
    else {
      const l4Grounds = await askGrounds(d.conversation, d.ctx, d.t, d.t("tally_all.ask_grounds", { name: row.fullName, line: row.line }));
      out.push({ ...row, tally: { ...row.tally, l4Grounds } });
    }
  }
  return out;
}

/** A later row for the same member replaces the earlier one: a corrected line is sent on its own. */
function merge(pending: CountedRow[], rows: CountedRow[]): CountedRow[] {
  const replaced = new Set(rows.map((r) => r.memberId));
  return [...pending.filter((r) => !replaced.has(r.memberId)), ...rows];
}

const countOf = (d: Dialog, rows: CountedRow[], entrantId: string, acknowledgeAll: boolean): BranchCount => ({
  periodId: d.args.periodId,
  entrantId,
  lines: rows.map((r) => ({ memberId: r.memberId, tally: r.tally, ...(r.note ? { note: r.note } : {}) })),
  acknowledgeAll,
});

/**
 * M12: the meeting's acknowledgement of the Ho Chi Minh actions the members wrote, once for all who wait for it (as
 * the one-member counts ask it); false when nobody waits or the meeting did not acknowledge them.
 */
async function askAcknowledgement(d: Dialog): Promise<boolean> {
  const { t } = d;
  const count = await d.conversation.external((c) =>
    awaitingAcknowledgement(c.deps.db, d.args.periodId, { now: c.deps.clock(), offsetMinutes: c.deps.timeZone.offsetMinutes }),
  );
  if (count === 0) return false;
  const keyboard = new InlineKeyboard()
    .text(t("tally.button.ack_all", { count }), tallyAllStep.pack({ choice: "ackall" }))
    .row()
    .text(t("tally.button.ack_no"), tallyAllStep.pack({ choice: "ackno" }));
  const question: Question = {
    text: t("tally.ask_ack_all", { count }),
    keyboard,
    buttons: { data: tallyAllStep, values: ["ackall", "ackno"] },
  };
  const answer = await ask(d.conversation, d.ctx, t, question);
  return answer.kind === "button" && answer.value === "ackall";
}

async function previewQuestion(d: Dialog, pending: CountedRow[], method: TallyInput["method"], acknowledgeAll: boolean): Promise<Question> {
  const { t } = d;
  const preview = await d.conversation.external((outside) =>
    previewBranchCount(outside.deps.db, countOf(d, pending, outside.identity.userId, acknowledgeAll), {
      now: outside.deps.clock(),
      offsetMinutes: outside.deps.timeZone.offsetMinutes,
    }),
  );
  const other = method === "secret" ? "hands" : "secret";
  const keyboard = new InlineKeyboard()
    .text(t("tally_all.button.save", { count: pending.length }), tallyAllStep.pack({ choice: "save" }))
    .row()
    .text(t("tally_all.button.method", { method: t(`tally.method.${other}`) }), tallyAllStep.pack({ choice: other }))
    .text(t("tally_all.button.stop"), tallyAllStep.pack({ choice: "stop" }));
  return {
    text: sheetPreview(t, d.args, pending, preview),
    keyboard,
    acceptText: true,
    acceptDocument: true,
    buttons: { data: tallyAllStep, values: ["save", other, "stop"] },
    hints: hints(t, keyboard),
  };
}

async function save(d: Dialog, pending: CountedRow[], acknowledgeAll: boolean): Promise<void> {
  const { args, t } = d;
  const check = { target: { org: args.orgId }, roles: ["secretary", "committee"] } as const;
  const saved = await writeWithRole(d.conversation, d.ctx, t, check, async (c) => {
    const at = { now: c.deps.clock(), offsetMinutes: c.deps.timeZone.offsetMinutes };
    const pass = await recordBranchCount(c.deps.db, countOf(d, pending, c.identity.userId, acknowledgeAll), at);
    await reportPass(c.api, c.deps.db, args.orgId, pass, at.now);
    return countingProgress(c.deps.db, args.periodId, at);
  });
  if (!saved.allowed) return;
  const { counted, total } = saved.value;
  await d.ctx.reply(t(args.doubleEntry ? "tally_all.saved_double" : "tally_all.saved", { count: pending.length, counted, total }));
}
