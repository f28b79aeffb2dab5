import type { Db } from "./client";
import { accountsOfPerson } from "./member-accounts";
import { ORGANIZATION_KINDS, ROLES, type OrgKind, type Role } from "./orgs";
import { oneOf, optionalText, query, row, text, type Decoder } from "./sqlite";

export type { Role } from "./orgs";

/**
 * Who is writing to the bot: plain data, safe to keep in a conversation's replay log. Memberships and roles come
 * newest first, so every command that takes "the" branch of a role takes the same one: the most recent.
 */
export type Identity = {
  /** The person: the User their roster entries and roles name (for an account bound on a second channel, the first). */
  userId: string;
  /** This account's own User row (its reachability); the person's `userId` unless bound to another (issue 14). */
  accountId: string;
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
  u: row({ kind: oneOf(["u"]), a: text, b: optionalText, c: oneOf(["0", "1"]), d: text }),
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
 * Runs for every update: the account, the person it acts for (itself, or the first account of the roster entry it is
 * bound to on its second channel), the person's memberships and roles, in one statement straight to SQLite
 * (store/sqlite/). Null for a new user.
 */
async function knownIdentity(db: Db, telegramId: string): Promise<Identity | null> {
  const select = query(
    db,
    `WITH account AS (SELECT u."id", u."unreachableAt" FROM "User" u WHERE u."telegramId" = ?),
     person AS (SELECT COALESCE(
       (SELECT m."userId" FROM "MemberAccount" a JOIN "Member" m ON m."id" = a."memberId" WHERE a."userId" = account."id"),
       account."id") AS "id" FROM account)
     SELECT 'u' AS kind, account."id" AS a, p."language" AS b, CASE WHEN account."unreachableAt" IS NULL THEN '0' ELSE '1' END AS c,
       p."id" AS d, NULL AS e
       FROM account, person JOIN "User" p ON p."id" = person."id"
     UNION ALL
     SELECT 'm', m."id", m."orgId", o."name", m."fullName", m.rowid
       FROM person JOIN "Member" m ON m."userId" = person."id" JOIN "Organization" o ON o."id" = m."orgId"
     UNION ALL
     SELECT 'r', r."orgId", o."name", r."role", o."kind", r.rowid
       FROM person JOIN "RoleGrant" r ON r."userId" = person."id" JOIN "Organization" o ON o."id" = r."orgId"
     ORDER BY e DESC`,
    identityRow,
  );
  const rows = select.all(telegramId);
  const user = rows.find((row) => row.kind === "u");
  if (!user) return null;
  return {
    userId: user.d,
    accountId: user.a,
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
    accountId: user.id,
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

/** The person's language, on every account of theirs (the Zalo channel reads a chat's account for its menu words). */
export async function setLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.user.updateMany({ where: { id: { in: await accountsOfPerson(db, userId) } }, data: { language } });
}

export async function markUnreachable(db: Db, userId: string, at: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { unreachableAt: at } });
}

/** A user who writes to the bot again has evidently unblocked it. */
export async function markReachable(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, unreachableAt: { not: null } }, data: { unreachableAt: null } });
}
