// Deep-link invitations. The code travels only in the link; the database keeps its SHA-256, so a leaked database
// does not let anyone claim a member's place. Codes are single-use and expire.
import { createHash, randomBytes } from "node:crypto";
import { inviteExpiryMs } from "../domain/invites";
import { DEFAULT_RULEBOOK_ID, getRulebook } from "../domain/rulebooks";
import { recordAudit } from "./audit";
import { chunksOf } from "./chunks";
import { inTransaction, type Db, type Tx } from "./client";
import { bindAccount, bindRefusal, channelOf, personOf, type BindRefusal, type Channel } from "./member-accounts";
import { addMembers, type NewMember } from "./orgs";
import { CURRENT_FIRST } from "./periods";
import type { Role } from "./users";

/** 18 random bytes = 144 bits, 24 base64url characters: well inside Telegram's 64-character start parameter. */
const CODE_BYTES = 18;
const MS_PER_DAY = 86_400_000;
/** Seven values a row (id, hash, member, role, expiry, used, created): 100 rows stay under the parameter limit. */
const INVITE_ROWS_PER_INSERT = 100;

/** `joinedOn`: the entry was joined on that channel; the code binds the person's account on the other (issue 14). */
export type IssuedInvite = { memberId: string; fullName: string; code: string; expiresAt: string; joinedOn?: Channel };

export type ClaimResult =
  | {
      ok: true;
      memberId: string;
      orgId: string;
      orgName: string;
      fullName: string;
      role: Role | null;
      /** The person the entry is (Member.userId). */
      personId: string;
      /** The entry was joined on the other channel: this account is now bound to it as its account on `bound`. */
      bound: Channel | null;
    }
  | { ok: false; reason: "unknown" | "expired" | "used" | "already-member" | BindRefusal }
  /** The user's own link, clicked again after joining. */
  | { ok: false; reason: "own"; orgName: string };

export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export function newInviteCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

/**
 * Fresh codes for the given members of an organization; their earlier unused codes stop working.
 * Members who already joined get none, unless `otherChannel` (the deployment serves both channels): then an entry
 * joined on one channel only gets a code too, to bind the person's account on the other (issue 14).
 * The codes are returned once and never stored.
 */
export async function issueInvites(
  db: Db | Tx,
  input: { orgId: string; memberIds?: string[]; role?: Role | null; validDays?: number; otherChannel?: boolean },
  actorId: string | null,
  now: Date,
): Promise<IssuedInvite[]> {
  return inTransaction(db, async (tx) => {
    const expiresAt =
      input.validDays === undefined ? await inviteExpiry(tx, input.orgId, now) : new Date(now.getTime() + input.validDays * MS_PER_DAY);
    // The branch's unjoined members, filtered here: a roster's ids in one query exceed Prisma's parameter limit.
    const wanted = input.memberIds && new Set(input.memberIds);
    const members = (await invitableMembers(tx, input.orgId, input.otherChannel ?? false)).filter((m) => !wanted || wanted.has(m.id));
    // Invalidate, not delete: an old link then explains itself as expired.
    let revoked = 0;
    for (const memberIds of chunksOf(members.map((m) => m.id))) {
      revoked += (
        await tx.invite.updateMany({
          where: { memberId: { in: memberIds }, usedAt: null, expiresAt: { gt: now } },
          data: { expiresAt: now },
        })
      ).count;
    }
    const issued: IssuedInvite[] = members.map((m) => ({
      memberId: m.id,
      fullName: m.fullName,
      code: newInviteCode(),
      expiresAt: expiresAt.toISOString(),
      ...(m.joinedOn && { joinedOn: m.joinedOn }),
    }));
    const rows = issued.map((i) => ({ codeHash: hashInviteCode(i.code), memberId: i.memberId, role: input.role ?? null, expiresAt }));
    for (const slice of chunksOf(rows, INVITE_ROWS_PER_INSERT)) await tx.invite.createMany({ data: slice });
    await recordAudit(
      tx,
      { actorId, action: "invites.issued", entity: "Organization", entityId: input.orgId, data: { count: issued.length, revoked } },
      now,
    );
    return issued;
  });
}

/**
 * The rulebook of the organization's current period (else its latest, open or not) says how long links last; the
 * default rulebook before any period. A closed quarter (N10) is not current: the year's deadline counts again.
 */
async function inviteExpiry(tx: Tx, orgId: string, now: Date): Promise<Date> {
  const select = { rulebookId: true, selfReviewDeadline: true };
  const period =
    (await tx.reviewPeriod.findFirst({ where: { orgId, closedAt: null }, orderBy: CURRENT_FIRST, select })) ??
    (await tx.reviewPeriod.findFirst({ where: { orgId }, orderBy: CURRENT_FIRST, select }));
  const rule = getRulebook(period?.rulebookId ?? DEFAULT_RULEBOOK_ID).invites;
  return new Date(inviteExpiryMs(rule, now.getTime(), period?.selfReviewDeadline.getTime() ?? null));
}

/** A large roster's import takes seconds: more than Prisma's default 5 s for a transaction on a busy machine. */
const ROSTER_IMPORT_TIMEOUT_MS = 60_000;

/** Roster lines and their invites, together or not at all: members stored without links would help no one. */
export async function addMembersWithInvites(
  db: Db,
  orgId: string,
  members: NewMember[],
  actorId: string | null,
  now: Date,
): Promise<IssuedInvite[]> {
  return inTransaction(
    db,
    async (tx) => {
      const memberIds = await addMembers(tx, orgId, members, actorId, now);
      return issueInvites(tx, { orgId, memberIds }, actorId, now);
    },
    { timeout: ROSTER_IMPORT_TIMEOUT_MS },
  );
}

/**
 * Accepts an invite for `accountId` (the User row of the account that opened it): links an unclaimed roster entry to
 * the person the account is, once, before it expires; or, for an entry joined on the other channel (a fresh invite
 * issued to bind it, issue 14), binds this account as the entry's account on its channel.
 */
export async function claimInvite(db: Db, code: string, accountId: string, now: Date): Promise<ClaimResult> {
  const codeHash = hashInviteCode(code);
  return inTransaction(db, async (tx) => {
    const invite = await tx.invite.findUnique({ where: { codeHash }, include: { member: { include: { org: true } } } });
    if (!invite) return { ok: false, reason: "unknown" } as const;
    const { member } = invite;
    const userId = await personOf(tx, accountId);
    if (member.userId === userId) return { ok: false, reason: "own", orgName: member.org.name } as const;
    if (invite.usedAt) return { ok: false, reason: "used" } as const;
    if (invite.expiresAt <= now || !(await isNewestOfMember(tx, invite))) return { ok: false, reason: "expired" } as const;
    const joined = member.userId;
    if (joined !== null) {
      const refusal = await bindRefusal(tx, joined, accountId);
      if (refusal) return { ok: false, reason: refusal } as const;
    } else {
      const other = await tx.member.findFirst({ where: { orgId: member.orgId, userId }, select: { id: true } });
      if (other) return { ok: false, reason: "already-member" } as const;
    }
    // Conditional on still unused: of two simultaneous claims only one wins.
    const marked = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
    if (marked.count !== 1) return { ok: false, reason: "used" } as const;
    const personId = joined ?? userId;
    const bound = joined !== null ? await bindAccount(tx, { id: member.id, userId: joined }, accountId, now) : null;
    if (joined === null) await tx.member.update({ where: { id: member.id }, data: { userId } });
    const role = (invite.role as Role | null) ?? null;
    if (role) {
      await tx.roleGrant.upsert({
        where: { userId_orgId_role: { userId: personId, orgId: member.orgId, role } },
        create: { userId: personId, orgId: member.orgId, role },
        update: {},
      });
    }
    await recordAudit(
      tx,
      {
        actorId: personId,
        action: bound ? "invite.claimed.bound" : "invite.claimed",
        entity: "Member",
        entityId: member.id,
        data: { inviteId: invite.id, role, ...(bound && { channel: bound }) },
      },
      now,
    );
    const claimed = { memberId: member.id, orgId: member.orgId, orgName: member.org.name, fullName: member.fullName, role };
    return { ok: true, ...claimed, personId, bound } as const;
  });
}

/**
 * Only an entry's newest invite can be claimed, whatever else is stored (an older row left live by a crash between
 * steps, another process, or a restored backup): one claimable invite per roster entry at any time.
 */
async function isNewestOfMember(tx: Tx, invite: { id: string; memberId: string; createdAt: Date }): Promise<boolean> {
  const newest = await tx.invite.findFirst({
    where: { memberId: invite.memberId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return newest?.id === invite.id;
}

/**
 * Those an invite is for, in roster order: the members who have not joined (`joinedOn` null) and, with
 * `otherChannel`, then those joined on one channel only (`joinedOn` that channel), whose invite binds the other.
 */
export async function invitableMembers(
  db: Db | Tx,
  orgId: string,
  otherChannel: boolean,
): Promise<Array<{ id: string; fullName: string; joinedOn: Channel | null }>> {
  const members = await db.member.findMany({
    where: { orgId, ...(!otherChannel && { userId: null }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fullName: true, user: { select: { telegramId: true } } },
  });
  const joined = members.filter((m) => m.user !== null);
  const bound = new Set<string>();
  for (const ids of chunksOf(joined.map((m) => m.id))) {
    for (const b of await db.memberAccount.findMany({ where: { memberId: { in: ids } }, select: { memberId: true } }))
      bound.add(b.memberId);
  }
  const unjoined = members.filter((m) => m.user === null).map((m) => ({ id: m.id, fullName: m.fullName, joinedOn: null }));
  const oneChannel = joined
    .filter((m) => !bound.has(m.id))
    .map((m) => ({ id: m.id, fullName: m.fullName, joinedOn: channelOf(m.user!.telegramId) }));
  return [...unjoined, ...oneChannel];
}
