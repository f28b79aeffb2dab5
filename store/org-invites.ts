// A committee's invite links (issue 12): for a secretary of an organization to attach it under the committee, for a
// member of the committee (ủy viên), or for the first secretary of a committee nobody runs yet. As with members'
// links, the code travels only in the link and only its SHA-256 is stored; single-use, expiring, revocable, audited.
import { mayAttach, MAX_OPEN_ORG_INVITES, orgInviteExpiryMs, orgInviteProblem, type OrgInviteKind } from "../domain/org-tree";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { hashInviteCode, newInviteCode } from "./invites";
import type { OrgKind } from "./orgs";

type UserWhere = NonNullable<NonNullable<Parameters<Db["user"]["findMany"]>[0]>["where"]>;

export type OpenOrgInvite = { id: string; kind: OrgInviteKind; expiresAt: string };
export type FoundOrgInvite = {
  id: string;
  kind: OrgInviteKind;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  createdById: string | null;
};
export type OrgInviteRefusal =
  | "unknown"
  | "used"
  | "revoked"
  | "expired"
  /** The claimant already sits on the committee (committee link) or the organization is already under it. */
  | "already"
  /** The first-secretary link, opened by the secretary who issued it. */
  | "own-issued"
  /** The first-secretary link, after someone else became the committee's secretary. */
  | "has-secretary"
  /** The organization to attach is not the claimant's, or not of a kind the committee takes. */
  | "not-attachable";
export type ClaimedOrgInvite = {
  ok: true;
  kind: OrgInviteKind;
  orgId: string;
  orgName: string;
  /** The organization put under the committee, and the committee it was under before (null if none). */
  attached: { orgId: string; orgName: string; from: string | null } | null;
  createdById: string | null;
};
export type OrgInviteClaim = ClaimedOrgInvite | { ok: false; reason: OrgInviteRefusal };

const open = (now: Date) => ({ usedAt: null, revokedAt: null, expiresAt: { gt: now } });

/**
 * A fresh link of a committee; null when it already holds MAX_OPEN_ORG_INVITES open ones. A first-secretary link
 * replaces the committee's earlier open one (one claimable at a time). The code is returned once and never stored.
 */
export async function issueOrgInvite(
  db: Db,
  input: { orgId: string; kind: OrgInviteKind },
  actorId: string,
  now: Date,
): Promise<{ id: string; code: string; expiresAt: string } | null> {
  return inTransaction(db, async (tx) => {
    if (input.kind === "first-secretary") {
      await tx.orgInvite.updateMany({ where: { orgId: input.orgId, kind: input.kind, ...open(now) }, data: { revokedAt: now } });
    }
    if ((await tx.orgInvite.count({ where: { orgId: input.orgId, ...open(now) } })) >= MAX_OPEN_ORG_INVITES) return null;
    const code = newInviteCode();
    const expiresAt = new Date(orgInviteExpiryMs(now.getTime()));
    const invite = await tx.orgInvite.create({
      data: { codeHash: hashInviteCode(code), orgId: input.orgId, kind: input.kind, createdById: actorId, expiresAt, createdAt: now },
    });
    await recordAudit(
      tx,
      {
        actorId,
        action: "org-invite.issued",
        entity: "Organization",
        entityId: input.orgId,
        data: { inviteId: invite.id, kind: input.kind },
      },
      now,
    );
    return { id: invite.id, code, expiresAt: expiresAt.toISOString() };
  });
}

/** The committee's links that can still be claimed, oldest first. */
export async function openOrgInvites(db: Db, orgId: string, now: Date): Promise<OpenOrgInvite[]> {
  const rows = await db.orgInvite.findMany({ where: { orgId, ...open(now) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ id: r.id, kind: r.kind as OrgInviteKind, expiresAt: r.expiresAt.toISOString() }));
}

/** The committee a link belongs to (whoever presses its revoke button must be that committee's secretary). */
export async function orgInviteOwner(db: Db, inviteId: string): Promise<string | null> {
  return (await db.orgInvite.findUnique({ where: { id: inviteId }, select: { orgId: true } }))?.orgId ?? null;
}

/** Revokes an open link; false when it was already used, revoked or expired. */
export async function revokeOrgInvite(db: Db, inviteId: string, actorId: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const revoked = await tx.orgInvite.updateMany({ where: { id: inviteId, ...open(now) }, data: { revokedAt: now } });
    if (revoked.count !== 1) return false;
    const { orgId } = await tx.orgInvite.findUniqueOrThrow({ where: { id: inviteId }, select: { orgId: true } });
    await recordAudit(tx, { actorId, action: "org-invite.revoked", entity: "Organization", entityId: orgId, data: { inviteId } }, now);
    return true;
  });
}

/** The link a code opens, if it can still be claimed; nothing is changed (the claimant may have a question to answer). */
export async function findOrgInvite(
  db: Db,
  code: string,
  now: Date,
): Promise<{ ok: true; invite: FoundOrgInvite } | { ok: false; reason: OrgInviteRefusal; orgName: string }> {
  const row = await db.orgInvite.findUnique({ where: { codeHash: hashInviteCode(code) }, include: { org: true } });
  if (!row) return { ok: false, reason: "unknown", orgName: "" };
  const problem = orgInviteProblem(timesOf(row), now.getTime());
  if (problem) return { ok: false, reason: problem, orgName: row.org.name };
  const invite = { id: row.id, kind: row.kind as OrgInviteKind, orgId: row.orgId, orgName: row.org.name, orgKind: row.org.kind as OrgKind };
  return { ok: true, invite: { ...invite, createdById: row.createdById } };
}

function timesOf(row: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }) {
  return { expiresAtMs: row.expiresAt.getTime(), usedAtMs: row.usedAt?.getTime() ?? null, revokedAtMs: row.revokedAt?.getTime() ?? null };
}

/** The organizations the user runs as secretary that a committee of this kind could take under it (not already there). */
export async function attachableOrgs(db: Db, userId: string, committee: { orgId: string; orgKind: string }) {
  const grants = await db.roleGrant.findMany({
    where: { userId, role: "secretary", orgId: { not: committee.orgId } },
    include: { org: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return grants
    .filter((g) => mayAttach(committee.orgKind, g.org.kind) && g.org.parentId !== committee.orgId)
    .map((g) => ({ orgId: g.orgId, orgName: g.org.name }));
}

/** A refusal inside a transaction: thrown to roll back what was written before it (a new organization, say). */
export class OrgInviteRefused extends Error {
  constructor(readonly reason: OrgInviteRefusal) {
    super(`org invite refused: ${reason}`);
  }
}

/**
 * Claims a link by its id (the caller has had its code): grants the committee role or the first secretary's, or
 * attaches `attachOrgId` (an organization the user runs as secretary) under the committee. In the caller's
 * transaction when given one, so a new organization and its attachment commit together; throws OrgInviteRefused there.
 */
export async function claimOrgInviteIn(
  tx: Tx,
  input: { inviteId: string; userId: string; attachOrgId?: string },
  now: Date,
): Promise<ClaimedOrgInvite> {
  const { inviteId, userId } = input;
  const invite = await tx.orgInvite.findUnique({ where: { id: inviteId }, include: { org: true } });
  if (!invite) throw new OrgInviteRefused("unknown");
  const problem = orgInviteProblem(timesOf(invite), now.getTime());
  if (problem) throw new OrgInviteRefused(problem);
  const committee = invite.org;
  const roles = await tx.roleGrant.findMany({ where: { userId, orgId: committee.id }, select: { role: true } });
  let attached: { orgId: string; orgName: string; from: string | null } | null = null;
  if (invite.kind === "subordinate") {
    const org = input.attachOrgId ? await tx.organization.findUnique({ where: { id: input.attachOrgId } }) : null;
    const runs = org && (await tx.roleGrant.findFirst({ where: { userId, orgId: org.id, role: "secretary" }, select: { id: true } }));
    if (!org || !runs || !mayAttach(committee.kind, org.kind)) throw new OrgInviteRefused("not-attachable");
    if (org.parentId === committee.id) throw new OrgInviteRefused("already");
    await tx.organization.update({ where: { id: org.id }, data: { parentId: committee.id } });
    attached = { orgId: org.id, orgName: org.name, from: org.parentId };
  } else if (invite.kind === "committee") {
    if (roles.length > 0) throw new OrgInviteRefused("already");
    await tx.roleGrant.create({ data: { userId, orgId: committee.id, role: "committee", createdAt: now } });
  } else {
    if (invite.createdById === userId) throw new OrgInviteRefused("own-issued");
    if (await tx.roleGrant.findFirst({ where: { orgId: committee.id, role: "secretary" }, select: { id: true } })) {
      throw new OrgInviteRefused("has-secretary");
    }
    await tx.roleGrant.create({ data: { userId, orgId: committee.id, role: "secretary", createdAt: now } });
  }
  // Conditional on still open: of two simultaneous claims only one wins.
  const marked = await tx.orgInvite.updateMany({ where: { id: inviteId, ...open(now) }, data: { usedAt: now, usedById: userId } });
  if (marked.count !== 1) throw new OrgInviteRefused("used");
  await recordAudit(
    tx,
    {
      actorId: userId,
      action: "org-invite.claimed",
      entity: "Organization",
      entityId: committee.id,
      data: { inviteId, kind: invite.kind, attached: attached?.orgId ?? null, from: attached?.from ?? null },
    },
    now,
  );
  return {
    ok: true,
    kind: invite.kind as OrgInviteKind,
    orgId: committee.id,
    orgName: committee.name,
    attached,
    createdById: invite.createdById,
  };
}

/** claimOrgInviteIn in a transaction of its own, a refusal returned instead of thrown. */
export async function claimOrgInvite(
  db: Db,
  input: { inviteId: string; userId: string; attachOrgId?: string },
  now: Date,
): Promise<OrgInviteClaim> {
  return refusedAsResult(() => inTransaction(db, (tx) => claimOrgInviteIn(tx, input, now)));
}

/** Runs work that may throw OrgInviteRefused, returning the refusal as a result. */
export async function refusedAsResult<T>(work: () => Promise<T>): Promise<T | { ok: false; reason: OrgInviteRefusal }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OrgInviteRefused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/**
 * The committees above organizations the user runs as secretary that nobody is secretary of (a committee /setup
 * created from a typed name before issue 12): those the user may issue a first-secretary link for.
 */
export async function committeesWithoutSecretary(db: Db, userId: string): Promise<Array<{ orgId: string; orgName: string }>> {
  const grants = await db.roleGrant.findMany({
    where: { userId, role: "secretary", org: { parentId: { not: null } } },
    include: { org: { include: { parent: { include: { roles: { where: { role: "secretary" }, select: { id: true } } } } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const found = new Map<string, string>();
  for (const { org } of grants) {
    if (org.parent && org.parent.roles.length === 0 && mayAttach(org.parent.kind, org.kind)) found.set(org.parent.id, org.parent.name);
  }
  return [...found].map(([orgId, orgName]) => ({ orgId, orgName }));
}

/**
 * Who is told that a link was claimed: the committee's secretaries (not the claimant), or, for a first-secretary link,
 * the secretary who issued it.
 */
export async function claimNoticeRecipients(
  db: Db,
  claim: { kind: OrgInviteKind; orgId: string; createdById: string | null },
  claimantId: string,
) {
  const whom =
    claim.kind === "first-secretary" ? { id: claim.createdById ?? "" } : { roles: { some: { orgId: claim.orgId, role: "secretary" } } };
  return recipientsAmong(db, whom, claimantId);
}

/** The secretaries of the committee an organization left for another (they learn it left, and whose link took it). */
export function formerCommitteeRecipients(db: Db, formerId: string, claimantId: string) {
  return recipientsAmong(db, { roles: { some: { orgId: formerId, role: "secretary" } } }, claimantId);
}

async function recipientsAmong(db: Db, whom: UserWhere, claimantId: string) {
  const users = await db.user.findMany({ where: { AND: [whom, { NOT: { id: claimantId } }] } });
  return users.map((u) => ({ userId: u.id, telegramId: u.telegramId, language: u.language }));
}
