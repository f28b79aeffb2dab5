import type { Db } from "./client";

export type Role = "secretary" | "committee" | "upper";

/** Who is writing to the bot: plain data, safe to keep in a conversation's replay log. */
export type Identity = {
  userId: string;
  telegramId: string;
  language: string;
  unreachable: boolean;
  memberships: Array<{ memberId: string; orgId: string; orgName: string; fullName: string }>;
  roles: Array<{ orgId: string; orgName: string; role: Role }>;
};

export async function loadIdentity(
  db: Db,
  telegram: { id: number; displayName?: string; languageCode?: string },
): Promise<Identity> {
  const telegramId = String(telegram.id);
  const user = await db.user.upsert({
    where: { telegramId },
    create: { telegramId, displayName: telegram.displayName, language: initialLanguage(telegram.languageCode) },
    update: {},
    include: {
      members: { include: { org: { select: { name: true } } } },
      roles: { include: { org: { select: { name: true } } } },
    },
  });
  return {
    userId: user.id,
    telegramId,
    language: user.language,
    unreachable: user.unreachableAt !== null,
    memberships: user.members.map((m) => ({ memberId: m.id, orgId: m.orgId, orgName: m.org.name, fullName: m.fullName })),
    roles: user.roles.map((r) => ({ orgId: r.orgId, orgName: r.org.name, role: r.role as Role })),
  };
}

/** Vietnamese first: only a Telegram client set to English starts in English. */
function initialLanguage(languageCode?: string): string {
  return languageCode?.startsWith("en") ? "en" : "vi";
}

export async function setLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { language } });
}

export async function markUnreachable(db: Db, userId: string, at: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { unreachableAt: at } });
}

/** A user who writes to the bot again has evidently unblocked it. */
export async function markReachable(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, unreachableAt: { not: null } }, data: { unreachableAt: null } });
}
