// The soak's database: a fresh SQLite file with a branch whose members are linked to the emulated users, seeded
// before the bot starts and read again only once the bot has stopped (one writer at a time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../store/client";
import { applyMigrations } from "../../store/migrate";
import { seedBranch, type SeedMember } from "../../test/support/seed";

export type StoredReviews = {
  /** How often each token (T<chat>-<n>) is stored, and in which member's chat the review holding it is. */
  tokens: Map<string, { count: number; chatIds: number[] }>;
  /** Tokens of a chat out of the order they were sent in. */
  outOfOrder: number;
  unhandledInbox: number;
};

const TOKEN = /#T(\d+)-(\d+)#/g;

async function seed(url: string, members: SeedMember[]) {
  applyMigrations(url);
  const db = await openDb(url);
  try {
    return await seedBranch(db, { members, selfReviewDeadline: "2099-12-20T16:59:59.000Z", reportDeadline: "2099-12-30T16:59:59.000Z" });
  } finally {
    await db.$disconnect();
  }
}

export async function createSoakDatabase(userIds: number[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-soak-"));
  const url = `file:${path.join(dir, "soak.db")}`;
  const members = userIds.map((id) => ({ fullName: `Đảng viên ${id}`, kind: "official" as const, telegramId: id }));
  const seeded = await seed(url, members).catch((error) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const chatOfMember = new Map(userIds.map((id) => [seeded.memberIds[`Đảng viên ${id}`], id]));

  const reading = async <T>(read: (db: Db) => Promise<T>): Promise<T> => {
    const reader = await openDb(url);
    try {
      return await read(reader);
    } finally {
      await reader.$disconnect();
    }
  };
  const unhandledInbox = () => reading((db) => db.inboundUpdate.count({ where: { handledAt: null } }));

  return {
    url,
    /** Every token in every stored review (texts and an edit's pending text), and the inbox's unhandled rows. */
    read: () =>
      reading(async (db): Promise<StoredReviews> => {
        const rows = await db.selfReview.findMany({ where: { periodId: seeded.periodId } });
        return {
          ...tokensIn(rows.map((row) => ({ chatId: chatOfMember.get(row.memberId)!, stored: JSON.stringify(row) }))),
          unhandledInbox: await unhandledInbox(),
        };
      }),
    /** Updates received and not handled yet (read while the bot is down). */
    unhandledInbox,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Counts each token in the reviews, noting whose review holds it and whether a chat's own tokens keep their order. */
function tokensIn(reviews: { chatId: number; stored: string }[]): Omit<StoredReviews, "unhandledInbox"> {
  const tokens: StoredReviews["tokens"] = new Map();
  let outOfOrder = 0;
  for (const { chatId, stored } of reviews) {
    let last = 0;
    for (const [, chat, n] of stored.matchAll(TOKEN)) {
      const token = `T${chat}-${n}`;
      const entry = tokens.get(token) ?? { count: 0, chatIds: [] };
      tokens.set(token, { count: entry.count + 1, chatIds: [...entry.chatIds, chatId] });
      if (Number(chat) !== chatId) continue;
      if (Number(n) < last) outOfOrder++;
      last = Number(n);
    }
  }
  return { tokens, outOfOrder };
}
