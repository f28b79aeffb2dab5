import type { Db } from "./client";
import { ORGANIZATION_KINDS, ROLES, type OrgKind, type Role } from "./orgs";
import { oneOf, optionalText, query, row, text, type Decoder } from "./sqlite";

export type { Role } from "./orgs";

/**
 * Who is writing to the bot: plain data, safe to keep in a conversation's replay log. Memberships and roles come
 * newest first, so every command that takes "the" branch of a role takes the same one: the most recent.
 */
export type Identity = {
  userId: string;
  telegramId: string;
  language: string;
  unreachable: boolean;
  memberships: Array<{ memberId: string; orgId: string; orgName: string; fullName: string }>;
  roles: Array<{ orgId: string; orgName: string; orgKind: OrgKind; role: Role }>;
};

export async function loadIdentity(db: Db, telegram: { id: number; displayName?: string; languageCode?: string }): Promise<Identity> {
  const telegramId = String(telegram.id);
  return (await knownIdentity(db, telegramId)) ?? firstContact(db, telegramId, telegram);
}

const identityRows = {
  u: row({ kind: oneOf(["u"]), a: text, b: optionalText, c: oneOf(["0", "1"]) }),
  m: row({ kind: oneOf(["m"]), a: text, b: text, c: text, d: text }),
  r: row({ kind: oneOf(["r"]), a: text, b: text, c: oneOf(ROLES), d: oneOf(ORGANIZATION_KINDS) }),
};
type IdentityRow = { [K in keyof typeof identityRows]: ReturnType<(typeof identityRows)[K]> }[keyof typeof identityRows];
/** The user's row, a membership or a role, told apart by `kind`. */
const identityRow: Decoder<IdentityRow> = (value) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return (kind === "m" ? identityRows.m : kind === "r" ? identityRows.r : identityRows.u)(value);
};

/**
 * Runs for every update: the user, their memberships and roles in one statement straight to SQLite
 * (store/sqlite/). Null for a new user.
 */
async function knownIdentity(db: Db, telegramId: string): Promise<Identity | null> {
  const select = query(
    db,
    `SELECT 'u' AS kind, u."id" AS a, u."language" AS b, CASE WHEN u."unreachableAt" IS NULL THEN '0' ELSE '1' END AS c, NULL AS d, NULL AS e
       FROM "User" u WHERE u."telegramId" = ?
     UNION ALL
     SELECT 'm', m."id", m."orgId", o."name", m."fullName", m.rowid
       FROM "Member" m JOIN "User" u ON u."id" = m."userId" JOIN "Organization" o ON o."id" = m."orgId" WHERE u."telegramId" = ?
     UNION ALL
     SELECT 'r', r."orgId", o."name", r."role", o."kind", r.rowid
       FROM "RoleGrant" r JOIN "User" u ON u."id" = r."userId" JOIN "Organization" o ON o."id" = r."orgId" WHERE u."telegramId" = ?
     ORDER BY e DESC`,
    identityRow,
  );
  const rows = select.all(telegramId, telegramId, telegramId);
  const user = rows.find((row) => row.kind === "u");
  if (!user) return null;
  return {
    userId: user.a,
    telegramId,
    language: user.b ?? "vi",
    unreachable: user.c === "1",
    memberships: rows.flatMap((r) => (r.kind === "m" ? [{ memberId: r.a, orgId: r.b, orgName: r.c, fullName: r.d }] : [])),
    roles: rows.flatMap((r) => (r.kind === "r" ? [{ orgId: r.a, orgName: r.b, orgKind: r.d, role: r.c }] : [])),
  };
}

async function firstContact(db: Db, telegramId: string, telegram: { displayName?: string; languageCode?: string }): Promise<Identity> {
  const user = await db.user.upsert({
    where: { telegramId },
    create: { telegramId, displayName: telegram.displayName, language: initialLanguage(telegram.languageCode) },
    update: {},
    include: {
      members: { include: { org: { select: { name: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
      roles: { include: { org: { select: { name: true, kind: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
  return {
    userId: user.id,
    telegramId,
    language: user.language,
    unreachable: user.unreachableAt !== null,
    memberships: user.members.map((m) => ({ memberId: m.id, orgId: m.orgId, orgName: m.org.name, fullName: m.fullName })),
    roles: user.roles.map((r) => ({ orgId: r.orgId, orgName: r.org.name, orgKind: r.org.kind as OrgKind, role: r.role as Role })),
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
