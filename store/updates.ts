import type { Db } from "./client";
import { prepared, sqlInstant } from "./fast-sql";
import { durably } from "./group-commit";

/**
 * Remembers an update id; false when it was seen already (Telegram re-delivers after a timeout or
 * a webhook retry, and a second delivery must store nothing twice).
 */
export async function claimUpdate(db: Db, updateId: number): Promise<boolean> {
  // Every update passes here (store/fast-sql.ts); a conflict is the duplicate, without an exception path. Durable
  // before the update is handled, in the commit it shares with the other chats' writes (store/group-commit.ts).
  const insert = await prepared(db, 'INSERT INTO "ProcessedUpdate" ("updateId", "createdAt") VALUES (?, ?) ON CONFLICT ("updateId") DO NOTHING');
  const createdAt = sqlInstant(new Date());
  return durably(db, () => insert.run(updateId, createdAt).changes === 1);
}

/** Telegram never re-sends old updates: only the newest ids need remembering. */
export async function pruneProcessedUpdates(db: Db, keepNewest = 10_000): Promise<void> {
  const cutoff = await db.processedUpdate.findMany({ orderBy: { updateId: "desc" }, skip: keepNewest, take: 1 });
  if (cutoff.length) await db.processedUpdate.deleteMany({ where: { updateId: { lte: cutoff[0].updateId } } });
}
