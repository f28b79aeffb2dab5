// When the inbox itself cannot take updates (a full disk, a database gone read-only), nothing is confirmed to
// Telegram: it keeps them and they are handled once storage is back. Meanwhile each sender is told so, at most
// once every few minutes per chat, so nobody is left without an answer and nobody needs to send again.
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { storageProblemOf } from "../../store/storage-errors";
import { asLanguage, translatorFor } from "../kit/i18n";

const NOTICE_EVERY_MS = 5 * 60_000;

export type StorageNotice = (updates: readonly Update[], error: unknown) => Promise<void>;

export function storageNotice(api: Api, log: Logger, now: () => number = Date.now): StorageNotice {
  const toldAt = new Map<number, number>();
  return async (updates, error) => {
    const problem = storageProblemOf(error);
    log.error({ updates: updates.length, problem, code: (error as { code?: string })?.code }, "updates not queued: storage failure");
    if (!problem) return;
    for (const update of updates) {
      const message = update.message ?? update.callback_query?.message;
      const from = update.message?.from ?? update.callback_query?.from;
      if (message?.chat.type !== "private" || !from) continue;
      if (now() - (toldAt.get(message.chat.id) ?? -Infinity) < NOTICE_EVERY_MS) continue;
      toldAt.set(message.chat.id, now());
      const t = translatorFor(asLanguage(from.language_code));
      await api.sendMessage(message.chat.id, t("storage.waiting")).catch(() => undefined);
    }
  };
}
