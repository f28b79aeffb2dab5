import type { VersionedStateStorage, VersionedState } from "@grammyjs/conversations";
import type { Db } from "./client";
import { durably, query, row, sqlInstant, statement, text } from "./sqlite";

/**
 * Key-value storage of @grammyjs/conversations in SQLite, so a half-done dialog
 * (a self-review draft in progress) survives a restart of the bot.
 */
const stateRow = row({ value: text });

export function conversationStorage<S>(db: Db): VersionedStateStorage<string, S> {
  return {
    // Read and written on every update of a chat: straight to SQLite (store/sqlite/).
    async read(key) {
      const row = query(db, 'SELECT "value" FROM "ConversationState" WHERE "key" = ?', stateRow).get(key);
      return row ? (JSON.parse(row.value) as VersionedState<S>) : undefined;
    },
    async write(key, state) {
      const upsert = statement(
        db,
        'INSERT INTO "ConversationState" ("key", "value", "updatedAt") VALUES (?, ?, ?) ' +
          'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"',
      );
      const value = JSON.stringify(state);
      const updatedAt = sqlInstant(new Date());
      await durably(db, () => upsert.run(key, value, updatedAt));
    },
    async delete(key) {
      const remove = statement(db, 'DELETE FROM "ConversationState" WHERE "key" = ?');
      await durably(db, () => remove.run(key));
    },
  };
}

/**
 * Forgets dialogs nobody has answered since `idleSince` (a roster pasted and never confirmed, a part left halfway):
 * what they had saved is in its own tables already; the replay log of an abandoned dialog is only a stale copy of
 * what the person typed, and must not stay.
 */
export async function forgetIdleDialogs(db: Db, idleSince: Date): Promise<number> {
  const remove = statement(db, 'DELETE FROM "ConversationState" WHERE "updatedAt" < ?');
  return durably(db, () => remove.run(sqlInstant(idleSince)).changes);
}
