// The Zalo channel's state (issue 14): stable numbers for Zalo's string ids, the updates already taken in (their
// sequence is the channel's update counter), and the last numbered menu of each chat. An update is taken in by one
// durable commit that also puts its translation into the inbox (InboundUpdate): Zalo's getUpdates has no offset,
// so an update it returned is gone from Zalo, and it must be in the inbox before anything else happens.
import type { Db } from "./client";
import { durably, durablyWithNext, integer, query, row, sqlInstant, statement, text } from "./sqlite";

/** What the channel knows of a chat when it translates an update: its account numbers and its last menu. */
export type ZaloIntake = {
  /** The sequence of this update: grows with every update the channel takes in, never reused. */
  seq: number;
  chatAccount: number;
  senderAccount: number;
  menu: ZaloMenu | null;
};

/**
 * A chat's menu: its buttons' callback data in order, marked 1, 2, 3 … or, with `letters`, a, b, c … (where a typed
 * number is an answer of its own, issue 14). Lettered menus are kept as `{"letters":true,"options":[…]}` in the
 * same column: a plain list (every menu stored before) is a numbered one.
 */
export type ZaloMenu = { messageId: number; options: string[]; letters?: boolean };

/** The translation of one update, ready for the inbox. */
export type ZaloTranslated = { updateId: number; chatKey: string; payload: string };

/**
 * Where the Zalo channel's numbers start, for user and chat ids and for update ids alike: 2^52. Telegram's ids have
 * at most 52 significant bits (its Bot API says so: a double holds them exactly), so no Telegram id reaches this,
 * and everything below 2^53 is still an exact JavaScript number. Positive, so a Zalo private chat looks like a
 * Telegram private chat (negative ids are Telegram's groups).
 */
export const ZALO_NUMBER_BASE = 2 ** 52;

const idOnly = row({ id: integer });
const seqOnly = row({ seq: integer });
const menuRow = row({ messageId: integer, options: text });
const zaloIdRow = row({ zaloId: text });

function accountOf(db: Db, zaloId: string, at: string): number {
  const known = query(db, 'SELECT "id" FROM "ZaloAccount" WHERE "zaloId" = ?', idOnly);
  const found = known.get(zaloId);
  if (found) return found.id; // every update but a person's first
  statement(db, 'INSERT INTO "ZaloAccount" ("zaloId", "createdAt") VALUES (?, ?) ON CONFLICT ("zaloId") DO NOTHING').run(zaloId, at);
  return known.get(zaloId)!.id;
}

function menuOf(db: Db, accountId: number): ZaloMenu | null {
  const found = query(db, 'SELECT "messageId", "options" FROM "ZaloMenu" WHERE "accountId" = ?', menuRow).get(accountId);
  if (!found) return null;
  const stored = JSON.parse(found.options) as string[] | { letters: true; options: string[] };
  return Array.isArray(stored) ? { messageId: found.messageId, options: stored } : { messageId: found.messageId, ...stored };
}

/**
 * Takes one Zalo update in: null if this event was taken in before (a redelivery); else `translate` builds its
 * inbox row from the chat's numbers and menu, and the row is committed together with the event's mark.
 */
export function takeInZaloUpdate<T extends ZaloTranslated>(
  db: Db,
  event: { key: string; chatId: string; senderId: string },
  now: Date,
  translate: (intake: ZaloIntake) => T,
): Promise<T | null> {
  const at = sqlInstant(now);
  return durably(db, () => {
    const seen = query(
      db,
      'INSERT INTO "ZaloEvent" ("eventKey", "receivedAt") VALUES (?, ?) ON CONFLICT ("eventKey") DO NOTHING RETURNING "seq"',
      seqOnly,
    ).get(event.key, at);
    if (!seen) return null;
    const chatAccount = accountOf(db, event.chatId, at);
    const senderAccount = event.senderId === event.chatId ? chatAccount : accountOf(db, event.senderId, at);
    const translated = translate({ seq: seen.seq, chatAccount, senderAccount, menu: menuOf(db, chatAccount) });
    statement(db, 'INSERT INTO "InboundUpdate" ("updateId", "chatKey", "payload", "receivedAt") VALUES (?, ?, ?, ?)').run(
      translated.updateId,
      translated.chatKey,
      translated.payload,
      at,
    );
    return translated;
  });
}

/** The Zalo id behind an account number; null for a number the channel never gave. */
export function zaloIdOfAccount(db: Db, accountId: number): string | null {
  return query(db, 'SELECT "zaloId" FROM "ZaloAccount" WHERE "id" = ?', zaloIdRow).get(accountId)?.zaloId ?? null;
}

/**
 * The chat's menu is now this one (an empty list: the chat has no menu any more). `withNext`: the write brings no
 * commit of its own and joins the next one (`durablyWithNext`: only when a later write is certain to follow).
 */
export function saveZaloMenu(db: Db, accountId: number, menu: ZaloMenu, now: Date, withNext = false): Promise<void> {
  return (withNext ? durablyWithNext : durably)(db, () => {
    if (menu.options.length === 0) return void statement(db, 'DELETE FROM "ZaloMenu" WHERE "accountId" = ?').run(accountId);
    statement(
      db,
      `INSERT INTO "ZaloMenu" ("accountId", "messageId", "options", "sentAt") VALUES (?, ?, ?, ?)
       ON CONFLICT ("accountId") DO UPDATE SET "messageId" = excluded."messageId", "options" = excluded."options", "sentAt" = excluded."sentAt"`,
    ).run(
      accountId,
      menu.messageId,
      JSON.stringify(menu.letters ? { letters: true, options: menu.options } : menu.options),
      sqlInstant(now),
    );
  });
}

/** Zalo redelivers, if ever, soon: only the newest events need remembering (AUTOINCREMENT never reuses a seq). */
export function pruneZaloEvents(db: Db, keepNewest = 10_000): Promise<number> {
  const remove = statement(
    db,
    'DELETE FROM "ZaloEvent" WHERE "seq" <= (SELECT "seq" FROM "ZaloEvent" ORDER BY "seq" DESC LIMIT 1 OFFSET ?)',
  );
  return durably(db, () => remove.run(keepNewest).changes);
}

const languageRow = row({ language: text });

/** The language a user reads (null before their first update). */
export function languageOfUser(db: Db, telegramId: string): string | null {
  return query(db, 'SELECT "language" FROM "User" WHERE "telegramId" = ?', languageRow).get(telegramId)?.language ?? null;
}

/** The chat's last menu (null: none). */
export function zaloMenuOf(db: Db, accountId: number): ZaloMenu | null {
  return menuOf(db, accountId);
}
