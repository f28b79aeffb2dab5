// A secretary's branch: created by /setup, with its committee (chi ủy) granted by the secretary.
import { branchQuotaStart, mayCreateBranch } from "../domain/branch-setup";
import { inTransaction, type Db, type Tx } from "./client";
import { recordAudit } from "./audit";
import { createOrganization, grantRole, type OrgKind } from "./orgs";
import { openPeriod } from "./periods";

export type BranchSetup = {
  name: string;
  /** Name of the base committee (đảng ủy cơ sở) above the branch, created with it; null to skip. */
  upperName: string | null;
  doubleEntry: boolean;
  year: number;
  rulebookId: string;
  selfReviewDeadline: string;
  reportDeadline: string;
};

/**
 * Creates the branch (and the base committee named, with nobody in it: its own people join through its invites),
 * makes the creator the branch's secretary and opens the review period, all in one transaction: a crash leaves no branch without its period.
 * Each step records its own audit event.
 */
export function setupBranch(db: Db, input: BranchSetup, userId: string, now: Date) {
  return inTransaction(db, (tx) => setupBranchIn(tx, input, userId, now));
}

async function setupBranchIn(db: Tx, input: BranchSetup, userId: string, now: Date) {
  let parentId: string | null = null;
  if (input.upperName) {
    const upper = await createOrganization(db, { name: input.upperName, kind: "base-committee" }, userId, now);
    parentId = upper.id;
  }
  const branch = await createOrganization(db, { name: input.name, kind: "branch", parentId, doubleEntry: input.doubleEntry }, userId, now);
  await grantRole(db, userId, branch.id, "secretary", userId, now);
  const period = await openPeriod(
    db,
    {
      orgId: branch.id,
      year: input.year,
      rulebookId: input.rulebookId,
      selfReviewDeadline: input.selfReviewDeadline,
      reportDeadline: input.reportDeadline,
    },
    userId,
    now,
  );
  return { orgId: branch.id, orgName: branch.name, upperId: parentId, periodId: period.id };
}

/**
 * Whether this person may create another branch now (MAX_BRANCHES_PER_DAY): counted from the audit of the branches
 * they are secretary of, by the clock that stamped them (through the audit's entity index, not a scan).
 */
export async function mayCreateBranchNow(db: Db, userId: string, now: Date): Promise<boolean> {
  const grants = await db.roleGrant.findMany({ where: { userId, role: "secretary", org: { kind: "branch" } }, select: { orgId: true } });
  if (grants.length === 0) return true;
  const created = await db.auditEvent.count({
    where: {
      entity: "Organization",
      entityId: { in: grants.map((g) => g.orgId) },
      action: "org.created",
      actorId: userId,
      at: { gte: branchQuotaStart(now) },
    },
  });
  return mayCreateBranch(created);
}

/** Of the given organizations, those of a kind, newest first (a secretary's branches among their roles). */
export async function organizationsOfKind(db: Db, orgIds: string[], kind: OrgKind) {
  const rows = await db.organization.findMany({ where: { id: { in: orgIds }, kind }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map((o) => ({ orgId: o.id, orgName: o.name }));
}

export type CommitteeCandidate = { memberId: string; userId: string; fullName: string; committee: boolean };

/** Joined members of the branch, with whether each is on the branch committee. */
export async function committeeCandidates(db: Db, orgId: string): Promise<CommitteeCandidate[]> {
  const members = await db.member.findMany({
    where: { orgId, userId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { user: { include: { roles: { where: { orgId, role: "committee" } } } } },
  });
  return members.map((m) => ({ memberId: m.id, userId: m.userId!, fullName: m.fullName, committee: (m.user?.roles.length ?? 0) > 0 }));
}

/** Grants or withdraws the committee role of a joined member; returns the new state, or null if not joined here. */
export async function toggleCommittee(db: Db, orgId: string, memberId: string, actorId: string, now: Date): Promise<boolean | null> {
  return inTransaction(db, async (tx) => {
    const member = await tx.member.findFirst({ where: { id: memberId, orgId, userId: { not: null } } });
    if (!member?.userId) return null;
    const key = { userId_orgId_role: { userId: member.userId, orgId, role: "committee" } };
    const existing = await tx.roleGrant.findUnique({ where: key });
    if (existing) await tx.roleGrant.delete({ where: key });
    else await tx.roleGrant.create({ data: { userId: member.userId, orgId, role: "committee" } });
    const action = existing ? "role.revoked" : "role.granted";
    await recordAudit(
      tx,
      { actorId, action, entity: "Organization", entityId: orgId, data: { userId: member.userId, role: "committee" } },
      now,
    );
    return !existing;
  });
}
