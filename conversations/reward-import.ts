// /rewardimport: a committee sends the spreadsheet of earlier years it already has (XLSX or CSV, the template was
// sent just before). Every bad row is named with its row number and what is wrong, and nothing is saved until the
// whole file reads cleanly (a half-imported history would silently change who is eligible); then a preview says how
// many rows match the roster and the organizations, and the committee saves or sends another file.
import { InlineKeyboard } from "grammy";
import { historyImportStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { downloadBytes } from "../bot/kit/download-file";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { shortList } from "../bot/kit/paging";
import { readTable } from "../bot/kit/read-table";
import { joinInMessages } from "../bot/kit/split-message";
import { parseHistoryTable, type HistoryEntry, type HistoryError } from "../domain/reward-import";
import { importRewardHistory, matchHistory } from "../store/rewards";
import { ask, askHints, type Answer, type Checked, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";

export const HISTORY_IMPORT = "reward-history-import";
export type HistoryImportArgs = { lang: Language; orgId: string; orgName: string; year: number };

/** A file larger than this is refused before it is downloaded. */
export const MAX_HISTORY_FILE_BYTES = 2 * 1024 * 1024;
/** Errors listed before "and N more": a file with every row wrong still answers in a few messages. */
const ERRORS_SHOWN = 50;
const NAMES_SHOWN = 10;

type Read = { entries: HistoryEntry[]; unmatched: string[] };

export async function historyImportConversation(conversation: BotConversation, ctx: ConvContext, args: HistoryImportArgs) {
  const t = translatorFor(args.lang);
  let prompt = t("rewards.import.ask", { org: args.orgName, year: args.year });
  for (;;) {
    const question: Question = { text: prompt, acceptDocument: true };
    const hints = askHints(t, question);
    question.hints = (rejection, update) =>
      rejection.why === "invalid" ? { reply: [rejection.hint, t("rewards.import.send_again")].flat() } : hints(rejection, update);
    const read = await ask(conversation, ctx, t, question, (answer) => checkFile(conversation, t, args, answer));
    prompt = t("rewards.import.send_again");
    const keyboard = new InlineKeyboard()
      .text(t("rewards.import.save", { count: read.entries.length }), historyImportStep.pack({ choice: "save" }))
      .row()
      .text(t("rewards.import.again"), historyImportStep.pack({ choice: "again" }));
    const choice = await ask(conversation, ctx, t, {
      text: previewText(t, read),
      keyboard,
      buttons: { data: historyImportStep, values: ["save", "again"] },
    });
    if (choice.kind !== "button" || choice.value !== "save") continue;
    const check = { target: { org: args.orgId }, roles: ["secretary", "committee"] } as const;
    const saved = await writeWithRole(conversation, ctx, t, check, (outside) =>
      importRewardHistory(outside.deps.db, args.orgId, read.entries, outside.identity.userId, outside.deps.clock()),
    );
    if (saved.allowed) await ctx.reply(t("rewards.import.saved", { count: saved.value.saved, matched: saved.value.matched }));
    return;
  }
}

async function checkFile(conversation: BotConversation, t: Translate, args: HistoryImportArgs, answer: Answer): Promise<Checked<Read>> {
  if (answer.kind !== "document") return { ok: false, hint: t("rewards.import.file.not-table") };
  if (answer.size > MAX_HISTORY_FILE_BYTES) return { ok: false, hint: t("rewards.import.file.too-big") };
  type Outcome = { failed: string } | { errors: HistoryError[] } | { read: Read };
  const read = await conversation.external(async (outside): Promise<Outcome> => {
    const bytes = await downloadBytes(outside, answer.fileId, MAX_HISTORY_FILE_BYTES);
    if (typeof bytes === "string") return { failed: bytes };
    const table = await readTable(bytes, answer.fileName);
    if (typeof table === "string") return { failed: table };
    const parsed = parseHistoryTable(table, args.year);
    if (parsed.errors.length > 0) return { errors: parsed.errors };
    const matches = await matchHistory(outside.deps.db, args.orgId, parsed.entries);
    const unmatched = parsed.entries.filter((_, i) => !matches[i]!.memberId && !matches[i]!.subjectOrgId).map((e) => e.name);
    return { read: { entries: parsed.entries, unmatched } };
  });
  if ("failed" in read) return { ok: false, hint: t(`rewards.import.file.${read.failed}`) };
  if ("errors" in read) return { ok: false, hint: errorMessages(t, read.errors) };
  return { ok: true, value: read.read };
}

/** One line per bad row (the first ERRORS_SHOWN), its column named in the reader's language. */
function errorMessages(t: Translate, errors: readonly HistoryError[]): string[] {
  const detail = (e: HistoryError) =>
    e.error === "missing-column" || e.error === "bad-yes-no" ? t(`rewards.column.${e.detail}`) : (e.detail ?? "");
  const lines = errors.slice(0, ERRORS_SHOWN).map((e) => t(`rewards.import.error.${e.error}`, { row: e.row, detail: detail(e) }));
  if (errors.length > ERRORS_SHOWN) lines.push(t("rewards.import.more_errors", { count: errors.length - ERRORS_SHOWN }));
  return joinInMessages([t("rewards.import.errors_title", { count: errors.length }), ...lines], "\n");
}

function previewText(t: Translate, read: Read): string {
  const members = read.entries.filter((e) => e.kind === "member").length;
  const years = [...new Set(read.entries.map((e) => e.year))].sort();
  const lines = [
    t("rewards.import.preview", {
      count: read.entries.length,
      members,
      orgs: read.entries.length - members,
      years: years.join(", "),
    }),
  ];
  if (read.unmatched.length > 0)
    lines.push(
      t("rewards.import.unmatched", {
        count: read.unmatched.length,
        names: shortList(t, [...new Set(read.unmatched)], NAMES_SHOWN, "paging.more_people"),
      }),
    );
  return lines.join("\n\n");
}
