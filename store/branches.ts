// What /setup creates (a branch, a base branch, a base committee, the bloc) and a branch's committee (chi ủy), granted by
// its secretary.
import { branchQuotaStart, mayCreateBranch } from "../domain/branch-setup";
import { inTransaction, type Db } from "./client";
import { recordAudit } from "./audit";
import { createOrganization, grantRole } from "./orgs";
import { claimOrgInviteIn, refusedAsResult, type ClaimedOrgInvite, type OrgInviteRefusal } from "./org-invites";
import { openPeriod } from "./periods";

export type BranchSetup = {
  name: string;
  /** A branch (under a base committee, attached by its invite) or a standalone base branch (under the bloc). */
  kind?: "branch" | "base-branch";
  doubleEntry: boolean;
  year: number;
  rulebookId: string;
  selfReviewDeadline: string;
  reportDeadline: string;
  /** The committee's link the secretary opened: the new branch is attached under that committee. */
  inviteId?: string | null;
};

export type CommitteeSetup = { name: string; kind: "base-committee" | "bloc"; inviteId?: string | null };

/** `claim`: the committee's link the new organization went under by, or null without one. */
type SetUp = { ok: true; orgId: string; orgName: string; claim: ClaimedOrgInvite | null };

/**
 * Creates the branch, makes the creator its secretary and opens the review period, and attaches it under the
 * committee whose link was opened, all in one transaction: a crash leaves no branch without its period, and a link
 * no longer valid leaves no branch at all. Each step records its own audit event.
 */
export function setupBranch(db: Db, input: BranchSetup, userId: string, now: Date): Promise<(SetUp & { periodId: string }) | Refused> {
  return refusedAsResult(() =>
    inTransaction(db, async (tx) => {
      const branch = await createOrganization(
        tx,
        { name: input.name, kind: input.kind ?? "branch", doubleEntry: input.doubleEntry },
        userId,
        now,
      );
      await grantRole(tx, userId, branch.id, "secretary", userId, now);
      const period = await openPeriod(
        tx,
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
      const claim = input.inviteId ? await claimOrgInviteIn(tx, { inviteId: input.inviteId, userId, attachOrgId: branch.id }, now) : null;
      return { ok: true as const, orgId: branch.id, orgName: branch.name, claim, periodId: period.id };
    }),
  );
}

/** Creates a base committee or the bloc with its creator as first secretary (attached by the link opened, if any). */
export function setupCommittee(db: Db, input: CommitteeSetup, userId: string, now: Date): Promise<SetUp | Refused> {
  return refusedAsResult(() =>
    inTransaction(db, async (tx) => {
      const org = await createOrganization(tx, { name: input.name, kind: input.kind }, userId, now);
      await grantRole(tx, userId, org.id, "secretary", userId, now);
      const claim = input.inviteId ? await claimOrgInviteIn(tx, { inviteId: input.inviteId, userId, attachOrgId: org.id }, now) : null;
      return { ok: true as const, orgId: org.id, orgName: org.name, claim };
    }),
  );
}

type Refused = { ok: false; reason: OrgInviteRefusal };

/**
 * Whether this person may create another branch now (MAX_BRANCHES_PER_DAY): counted from the audit of the branches
 * they are secretary of, by the clock that stamped them (through the audit's entity index, not a scan).
 */
export async function mayCreateBranchNow(db: Db, userId: string, now: Date): Promise<boolean> {
  const grants = await db.roleGrant.findMany({ where: { userId, role: "secretary" }, select: { orgId: true } });
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
