// The soak's database: a fresh SQLite file with a branch whose members are linked to the emulated users, seeded
// before the bot starts and read again only once the bot has stopped (one writer at a time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "../../store/client";
import { applyMigrations } from "../../store/migrate";
import { seedBranch } from "../../test/support/seed";

export type StoredReviews = {
  /** How often each token (T<chat>-<n>) is stored, and in which member's chat the review holding it is. */
  tokens: Map<string, { count: number; chatIds: number[] }>;
  /** Tokens of a chat out of the order they were sent in. */
  outOfOrder: number;
  unhandledInbox: number;
};

const TOKEN = /#T(\d+)-(\d+)#/g;

export async function createSoakDatabase(userIds: number[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-soak-"));
  const url = `file:${path.join(dir, "soak.db")}`;
  applyMigrations(url);
  const db = await openDb(url);
  const members = userIds.map((id) => ({ fullName: `Đảng viên ${id}`, kind: "official" as const, telegramId: id }));
  const seeded = await seedBranch(db, { members, selfReviewDeadline: "2099-12-20T16:59:59.000Z", reportDeadline: "2099-12-30T16:59:59.000Z" });
  await db.$disconnect();
  const chatOfMember = new Map(userIds.map((id) => [seeded.memberIds[`Đảng viên ${id}`], id]));

  return {
    url,
    /** Every token in every stored review (texts and an edit's pending text), and the inbox's unhandled rows. */
    async read(): Promise<StoredReviews> {
      const reader = await openDb(url);
      try {
        const tokens: StoredReviews["tokens"] = new Map();
        let outOfOrder = 0;
        for (const row of await reader.selfReview.findMany({ where: { periodId: seeded.periodId } })) {
          const chatId = chatOfMember.get(row.memberId)!;
          let last = 0;
          for (const [, chat, n] of JSON.stringify(row).matchAll(TOKEN)) {
            const entry = tokens.get(`T${chat}-${n}`) ?? { count: 0, chatIds: [] };
            entry.count++;
            entry.chatIds.push(chatId);
            tokens.set(`T${chat}-${n}`, entry);
            if (Number(chat) === chatId && Number(n) < last) outOfOrder++;
            if (Number(chat) === chatId) last = Number(n);
          }
        }
        return { tokens, outOfOrder, unhandledInbox: await reader.inboundUpdate.count({ where: { handledAt: null } }) };
      } finally {
        await reader.$disconnect();
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
