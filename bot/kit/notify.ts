// Messages to people other than the sender (secretaries, members, the upper committee), each in their language.
// A person on both channels gets each once, where they chose (store/member-accounts.ts). An account that blocked the
// bot (403) is marked unreachable instead of failing the whole action.
import { GrammyError, type Api, type InlineKeyboard } from "grammy";
import type { Db } from "../../store/client";
import { deliveriesOf } from "../../store/member-accounts";
import { markUnreachable } from "../../store/users";
import { translatorFor, type Translate } from "./i18n";
import { outgoingParts } from "./outgoing";

export type Recipient = { userId: string | null; telegramId: string | null; language: string | null };
export type Notice = { text: string; keyboard?: InlineKeyboard };

/** Sends one notice per recipient; returns how many were delivered. */
export async function notify(
  api: Api,
  db: Db,
  recipients: readonly Recipient[],
  build: (t: Translate, recipient: Recipient) => Notice,
  now: Date,
): Promise<number> {
  let delivered = 0;
  const deliveries = await deliveriesOf(
    db,
    recipients.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const reached = new Set<string>();
  for (const r of recipients) {
    const to = r.userId ? deliveries.get(r.userId) : undefined;
    const chat = to?.telegramId ?? r.telegramId;
    if (!chat || reached.has(chat)) continue;
    reached.add(chat);
    const notice = build(translatorFor(to?.language ?? r.language ?? "vi"), r);
    try {
      for (const part of outgoingParts(notice.text, notice.keyboard))
        await api.sendMessage(Number(chat), part.text, part.keyboard ? { reply_markup: part.keyboard } : {});
      delivered++;
    } catch (error) {
      if (!(error instanceof GrammyError && isUnreachable(error))) throw error;
      const account = to?.accountId ?? r.userId;
      if (account) await markUnreachable(db, account, now);
    }
  }
  return delivered;
}

/** 403: the user blocked the bot; 400 "chat not found": they never opened a chat with it. */
function isUnreachable(error: GrammyError): boolean {
  return error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description));
}
