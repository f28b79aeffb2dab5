// Two answers of Telegram's that mean "already done", not "failed": answering a button press that was answered (or
// is older than about 15 seconds), and editing a message into what it already is. Both happen when an update is
// handled again after a kill (bot/inbox/), or waited in the inbox while the bot was down. Thrown inside a dialog,
// they would end it and lose the member's place, so they are taken as done.
import type { Transformer } from "grammy";

const EDITS = new Set(["editMessageText", "editMessageReplyMarkup", "editMessageCaption"]);

export const harmlessApiErrors: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  if (response.ok || response.error_code !== 400) return response;
  const description = response.description ?? "";
  if (method === "answerCallbackQuery" && /query is too old|query ID is invalid/i.test(description))
    return { ok: true, result: true as never };
  if (EDITS.has(method) && /message is not modified/i.test(description)) return { ok: true, result: true as never };
  return response;
};
