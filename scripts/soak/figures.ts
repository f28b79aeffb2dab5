// The soak's verdict, from what the emulated members sent and were told, and what the database holds at the end.
import type { StoredReviews } from "./soak-database";
import type { SentText, WriterTotals } from "./writers";

export type Figures = {
  /** The tokens of the texts never stored (synthetic, so they may be printed). */
  missing: string[];
  /** Texts the bot confirmed ("Đã lưu") that are not in the stored review. Goal 0. */
  ackedLost: number;
  /** Texts sent and never stored, updates whose handler failed, inbox rows never handled, updates Telegram still holds. Goal 0. */
  neverHandled: number;
  missingTexts: number;
  failedHandlers: number;
  unhandledInbox: number;
  backlog: number;
  /** Extra copies of a text, in its own review or another member's. Goal 0. */
  duplicates: number;
  misplaced: number;
  outOfOrder: number;
};

/** The bot's own account of updates whose handler failed: its error lines carry the update id (never the text). */
export function failedUpdateIds(logLines: readonly string[]): Set<number> {
  return new Set(
    logLines
      .filter((line) => line.includes('"level":50'))
      .flatMap((line) => /"updateId":(\d+)/.exec(line)?.[1] ?? [])
      .map(Number),
  );
}

export function figuresOf(sent: readonly SentText[], stored: StoredReviews, backlog: number, failedHandlers: number): Figures {
  const countOf = (token: string) => stored.tokens.get(token)?.count ?? 0;
  const missing = sent.filter((text) => countOf(text.token) === 0);
  let duplicates = 0;
  let misplaced = 0;
  for (const [token, { count, chatIds }] of stored.tokens) {
    duplicates += count - 1;
    misplaced += chatIds.filter((chatId) => !token.startsWith(`T${chatId}-`)).length;
  }
  return {
    missing: missing.map((text) => `${text.token}${text.acked ? " (acknowledged)" : ""}`),
    ackedLost: missing.filter((text) => text.acked).length,
    neverHandled: missing.length + failedHandlers + stored.unhandledInbox + backlog,
    missingTexts: missing.length,
    failedHandlers,
    unhandledInbox: stored.unhandledInbox,
    backlog,
    duplicates,
    misplaced,
    outOfOrder: stored.outOfOrder,
  };
}

export const passed = (f: Figures) =>
  f.ackedLost === 0 && f.neverHandled === 0 && f.duplicates === 0 && f.misplaced === 0 && f.outOfOrder === 0;

export function report(
  f: Figures,
  run: WriterTotals & { kills: number; crashes: number; inFlightAtKills: { inbox: number; telegram: number }; seconds: number },
): string {
  return [
    `soak: ${run.kills} SIGKILLs (${run.crashes} exits the soak did not cause), ${run.chats} chats, ` +
      `${run.sent} answers sent, ${run.acked} acknowledged, ${run.partsDone} parts finished with Done, ${run.seconds.toFixed(1)} s`,
    `  left by the kills, summed: ${run.inFlightAtKills.inbox} updates in the inbox not handled yet, ` +
      `${run.inFlightAtKills.telegram} not yet fetched or confirmed at Telegram`,
    `  acknowledged answers lost: ${f.ackedLost}   (goal 0)`,
    `  updates never handled:     ${f.neverHandled}   (goal 0: ${f.missingTexts} texts sent and not stored, ` +
      `${f.failedHandlers} updates whose handler failed, ${f.unhandledInbox} inbox rows unhandled, ${f.backlog} updates still held by Telegram)`,
    `  duplicates applied:        ${f.duplicates}   (goal 0)`,
    `  also: ${f.misplaced} texts in another member's review, ${f.outOfOrder} out of order, ` +
      `${run.unanswered} answers or Done presses not answered in time, ${run.reviewsNotOpened} /review not answered in time`,
    ...(f.missing.length > 0 ? [`  texts not stored: ${f.missing.slice(0, 20).join(", ")}`] : []),
    passed(f) ? "soak: PASS" : "soak: FAIL",
  ].join("\n");
}
