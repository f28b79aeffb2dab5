// The durable inbox (prisma/schema.prisma, InboundUpdate): an update is written here before Telegram is told it
// arrived, and emptied of its payload once handled. A kill loses nothing in flight: what is not handled yet is
// handled at the next start. A second delivery of the same id (a webhook retry, a poll repeated after a crash) is
// not queued again.
import type { Db } from "./client";
import { ZALO_NUMBER_BASE } from "./zalo";
import { durably, integer, optionalText, query, row, sqlInstant, statement, text } from "./sqlite";

export type InboundUpdate = { updateId: number; chatKey: string; payload: string };

/** Writes the updates durably; returns those that were new (in the order given). */
export async function enqueueUpdates(db: Db, updates: readonly InboundUpdate[], now: Date): Promise<InboundUpdate[]> {
  if (updates.length === 0) return [];
  const insert = statement(
    db,
    'INSERT INTO "InboundUpdate" ("updateId", "chatKey", "payload", "receivedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("updateId") DO NOTHING',
  );
  const at = sqlInstant(now);
  return durably(db, () => updates.filter((u) => insert.run(u.updateId, u.chatKey, u.payload, at).changes === 1));
}

/** Handled: the payload goes (it may hold a member's text); the id stays a while, to recognise a re-delivery. */
export async function markHandled(db: Db, updateId: number, now: Date): Promise<void> {
  const update = statement(db, 'UPDATE "InboundUpdate" SET "handledAt" = ?, "payload" = NULL WHERE "updateId" = ?');
  const at = sqlInstant(now);
  await durably(db, () => update.run(at, updateId));
}

const inboxRow = row({ updateId: integer, chatKey: text, payload: optionalText });

/** What a previous run received but did not finish handling, oldest first. */
export async function unhandledUpdates(db: Db): Promise<InboundUpdate[]> {
  const select = query(
    db,
    'SELECT "updateId", "chatKey", "payload" FROM "InboundUpdate" WHERE "handledAt" IS NULL ORDER BY "updateId"',
    inboxRow,
  );
  return select.all().flatMap(({ updateId, chatKey, payload }) => (payload === null ? [] : [{ updateId, chatKey, payload }]));
}

/**
 * Telegram never re-sends old updates: only the newest handled ids need remembering, for each channel apart (the
 * Zalo channel's ids start at ZALO_NUMBER_BASE and would otherwise push every Telegram id out).
 */
export async function pruneInbox(db: Db, keepNewest = 10_000): Promise<number> {
  const remove = statement(
    db,
    `DELETE FROM "InboundUpdate" WHERE "handledAt" IS NOT NULL AND ("updateId" >= ?) = ? AND "updateId" <= (
       SELECT "updateId" FROM "InboundUpdate" WHERE "handledAt" IS NOT NULL AND ("updateId" >= ?) = ?
       ORDER BY "updateId" DESC LIMIT 1 OFFSET ?)`,
  );
  const prune = (zalo: number) => remove.run(ZALO_NUMBER_BASE, zalo, ZALO_NUMBER_BASE, zalo, keepNewest).changes;
  return durably(db, () => prune(0) + prune(1));
}
