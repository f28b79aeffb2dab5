import type { VersionedStateStorage, VersionedState } from "@grammyjs/conversations";
import type { Db } from "./client";

/**
 * Key-value storage of @grammyjs/conversations in SQLite, so a half-done dialog
 * (a self-review draft in progress) survives a restart of the bot.
 */
export function conversationStorage<S>(db: Db): VersionedStateStorage<string, S> {
  return {
    async read(key) {
      const row = await db.conversationState.findUnique({ where: { key } });
      return row ? (JSON.parse(row.value) as VersionedState<S>) : undefined;
    },
    async write(key, state) {
      const value = JSON.stringify(state);
      await db.conversationState.upsert({ where: { key }, create: { key, value }, update: { value } });
    },
    async delete(key) {
      await db.conversationState.deleteMany({ where: { key } });
    },
  };
}
