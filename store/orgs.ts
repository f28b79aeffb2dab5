import { inTransaction, type Db, type Tx } from "./client";
import { recordAudit } from "./audit";
import { chunksOf } from "./chunks";
import { newId } from "./ids";

/** Every kind of organization in the tree (domain/levels.ts ORG_KINDS are the evaluated ones, O7; the bloc is not). */
export const ORGANIZATION_KINDS = ["bloc", "base-committee", "base-branch", "sub-committee", "branch"] as const;
export type OrgKind = (typeof ORGANIZATION_KINDS)[number];

/** A role on an organization of any kind: its secretary (bí thư) or a member of its committee (ủy viên). */
export const ROLES = ["secretary", "committee"] as const;
export type Role = (typeof ROLES)[number];

export type NewMember = {
  fullName: string;
  kind: "official" | "probationary" | "temporary";
  exempt?: boolean;
  retiredNotMoved?: boolean;
  /** ISO date; months away are derived from it when rating (M10). */
  workingAwaySince?: string | null;
  isLeader?: boolean;
  group?: string | null;
  /** RULES-2025: N2 form, N1 admission day (YYYY-MM-DD) and suspension, N8 special case. */
  form?: string | null;
  admittedOn?: string | null;
  suspended?: boolean;
  specialCase?: string | null;
};

export type MemberRow = {
  id: string;
  orgId: string;
  fullName: string;
  kind: "official" | "probationary" | "temporary";
  exempt: boolean;
  retiredNotMoved: boolean;
  workingAwaySince: string | null;
  isLeader: boolean;
  group: string | null;
  userId: string | null;
  telegramId: string | null;
  language: string | null;
  unreachable: boolean;
};

export async function createOrganization(
  db: Db | Tx,
  input: { name: string; kind: OrgKind; parentId?: string | null; doubleEntry?: boolean },
  actorId: string | null,
  now: Date,
): Promise<{ id: string; name: string; kind: OrgKind }> {
  return inTransaction(db, async (tx) => {
    const org = await tx.organization.create({
      data: { name: input.name, kind: input.kind, parentId: input.parentId ?? null, doubleEntry: input.doubleEntry ?? false },
    });
    await recordAudit(tx, { actorId, action: "org.created", entity: "Organization", entityId: org.id, data: { kind: org.kind } }, now);
    return { id: org.id, name: org.name, kind: org.kind as OrgKind };
  });
}

export async function grantRole(db: Db | Tx, userId: string, orgId: string, role: Role, actorId: string | null, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.roleGrant.upsert({
      where: { userId_orgId_role: { userId, orgId, role } },
      create: { userId, orgId, role },
      update: {},
    });
    await recordAudit(tx, { actorId, action: "role.granted", entity: "Organization", entityId: orgId, data: { userId, role } }, now);
  });
}

/** Columns a member row binds in an insert: 80 rows stay under Prisma's parameter limit on SQLite. */
const MEMBER_ROWS_PER_INSERT = 80;

/** Adds roster lines in one transaction (the caller's, when given); party groups (M6) are created on first mention. */
export async function addMembers(db: Db | Tx, orgId: string, members: NewMember[], actorId: string | null, now: Date): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const groupIds = new Map<string, string>();
    for (const name of new Set(members.flatMap((m) => (m.group ? [m.group] : [])))) {
      const group = await tx.partyGroup.upsert({ where: { orgId_name: { orgId, name } }, create: { orgId, name }, update: {} });
      groupIds.set(name, group.id);
    }
    // Ids made here, so they come back in roster order; inserted in slices (one insert per row took seconds).
    const rows = members.map((m) => ({
      id: newId(),
      orgId,
      groupId: m.group ? groupIds.get(m.group)! : null,
      fullName: m.fullName,
      kind: m.kind,
      exempt: m.exempt ?? false,
      retiredNotMoved: m.retiredNotMoved ?? false,
      workingAwaySince: m.workingAwaySince ? new Date(m.workingAwaySince) : null,
      isLeader: m.isLeader ?? false,
      createdAt: now,
      form: m.form ?? null,
      admittedOn: m.admittedOn ? new Date(`${m.admittedOn}T00:00:00.000Z`) : null,
      suspended: m.suspended ?? false,
      specialCase: m.specialCase ?? null,
    }));
    for (const slice of chunksOf(rows, MEMBER_ROWS_PER_INSERT)) await tx.member.createMany({ data: slice });
    await recordAudit(
      tx,
      { actorId, action: "roster.imported", entity: "Organization", entityId: orgId, data: { count: rows.length } },
      now,
    );
    return rows.map((r) => r.id);
  });
}

/** Links a roster entry to the Telegram user who claimed it (invite accepted). */
export async function linkMember(db: Db, memberId: string, userId: string): Promise<void> {
  await db.member.update({ where: { id: memberId }, data: { userId } });
}

export async function listMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  const rows = await db.member.findMany({
    where: { orgId },
    include: { group: { select: { name: true } }, user: { select: { telegramId: true, language: true, unreachableAt: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({
    id: m.id,
    orgId: m.orgId,
    fullName: m.fullName,
    kind: m.kind as MemberRow["kind"],
    exempt: m.exempt,
    retiredNotMoved: m.retiredNotMoved,
    workingAwaySince: m.workingAwaySince?.toISOString() ?? null,
    isLeader: m.isLeader,
    group: m.group?.name ?? null,
    userId: m.userId,
    telegramId: m.user?.telegramId ?? null,
    language: m.user?.language ?? null,
    unreachable: m.user?.unreachableAt != null,
  }));
}

export async function getOrganization(db: Db, orgId: string) {
  const org = await db.organization.findUnique({ where: { id: orgId } });
  return org && { id: org.id, name: org.name, kind: org.kind as OrgKind, parentId: org.parentId, doubleEntry: org.doubleEntry };
}

/** Users holding a role in the organization (e.g. the branch committee to alert). */
export async function usersWithRole(db: Db, orgId: string, roles: Role[]) {
  const grants = await db.roleGrant.findMany({ where: { orgId, role: { in: roles } }, include: { user: true } });
  const byUser = new Map(grants.map((g) => [g.userId, { userId: g.userId, telegramId: g.user.telegramId, language: g.user.language }]));
  return [...byUser.values()];
}
