import type { Db } from "./client";
import { isUniqueViolation } from "./errors";

/**
 * Remembers an update id; false when it was seen already (Telegram re-delivers after a timeout or
 * a webhook retry, and a second delivery must store nothing twice).
 */
export async function claimUpdate(db: Db, updateId: number): Promise<boolean> {
  try {
    await db.processedUpdate.create({ data: { updateId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Telegram never re-sends old updates: only the newest ids need remembering. */
export async function pruneProcessedUpdates(db: Db, keepNewest = 10_000): Promise<void> {
  const cutoff = await db.processedUpdate.findMany({ orderBy: { updateId: "desc" }, skip: keepNewest, take: 1 });
  if (cutoff.length) await db.processedUpdate.deleteMany({ where: { updateId: { lte: cutoff[0].updateId } } });
}
