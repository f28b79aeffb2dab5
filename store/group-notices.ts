import type { Db } from "./client";
import { isUniqueViolation } from "./errors";

/** True the first time for a group chat (the caller then sends the notice), false ever after, across restarts. */
export async function claimGroupNotice(db: Db, chatId: number, now: Date): Promise<boolean> {
  try {
    await db.groupNotice.create({ data: { chatId: String(chatId), noticedAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
