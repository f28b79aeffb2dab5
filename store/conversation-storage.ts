import type { VersionedStateStorage, VersionedState } from "@grammyjs/conversations";
import type { Db } from "./client";

/**
 * Key-value storage of @grammyjs/conversations in SQLite, so a half-done dialog
 * (a self-review draft in progress) survives a restart of the bot.
 */
export function conversationStorage<S>(db: Db): VersionedStateStorage<string, S> {
  return {
    // Read and written on every update of a chat: raw statements skip Prisma's query compiler (see the bench).
    async read(key) {
      const rows = await db.$queryRawUnsafe<Array<{ value: string }>>('SELECT "value" FROM "ConversationState" WHERE "key" = ?', key);
      return rows.length > 0 ? (JSON.parse(rows[0].value) as VersionedState<S>) : undefined;
    },
    async write(key, state) {
      await db.$executeRawUnsafe(
        'INSERT INTO "ConversationState" ("key", "value", "updatedAt") VALUES (?, ?, ?) ' +
          'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"',
        key,
        JSON.stringify(state),
        new Date(),
      );
    },
    async delete(key) {
      await db.conversationState.deleteMany({ where: { key } });
    },
  };
}
