// Issue 9 point 8: a role is read from the database at the moment of each write, not trusted from when a dialog began.
import { assignedEntriesOf } from "./appraiser-assignments";
import type { Db } from "./client";
import type { Role } from "./users";

/** What a dialog writes to; the organization that owns it is looked up here, never taken from button data. */
export type WriteTarget =
  | { member: string }
  | { org: string }
  | { period: string }
  /** The committee above the period's branch (recognition, revocation); never someone of that branch itself. */
  | { periodAbove: string }
  /** The committee above an organization (its rating recognized or revoked, B.I.4); never someone of it. */
  | { orgAbove: string };

/** The organization whose roles may act on the target, and (for a decision above) the one it must not come from. */
async function owningOrg(db: Db, target: WriteTarget): Promise<{ orgId: string; excluded?: string } | null> {
  if ("org" in target) return { orgId: target.org };
  if ("orgAbove" in target) {
    const org = await db.organization.findUnique({ where: { id: target.orgAbove }, select: { parentId: true } });
    return org?.parentId ? { orgId: org.parentId, excluded: target.orgAbove } : null;
  }
  if ("member" in target) {
    const member = await db.member.findUnique({ where: { id: target.member }, select: { orgId: true } });
    return member && { orgId: member.orgId };
  }
  const periodId = "period" in target ? target.period : target.periodAbove;
  const period = await db.reviewPeriod.findUnique({
    where: { id: periodId },
    select: { orgId: true, org: { select: { parentId: true } } },
  });
  if (!period) return null;
  if ("period" in target) return { orgId: period.orgId };
  return period.org.parentId ? { orgId: period.org.parentId, excluded: period.orgId } : null;
}

/**
 * Whether the user holds one of the roles in the organization that owns the target, now. A decision of the level
 * above is refused to anyone who holds a role in, or is a member of, the organization decided on (issue 12).
 */
export async function holdsRoleOver(db: Db, userId: string, target: WriteTarget, roles: readonly Role[]): Promise<boolean> {
  const owner = await owningOrg(db, target);
  if (!owner) return false;
  const grant = await db.roleGrant.findFirst({ where: { userId, orgId: owner.orgId, role: { in: [...roles] } }, select: { id: true } });
  if (!grant) return false;
  return !owner.excluded || !(await belongsToOrg(db, userId, owner.excluded));
}

/** Whether the user holds any role in the organization or is on its roster. */
export async function belongsToOrg(db: Db, userId: string, orgId: string): Promise<boolean> {
  const [role, member] = await Promise.all([
    db.roleGrant.findFirst({ where: { userId, orgId }, select: { id: true } }),
    db.member.findFirst({ where: { userId, orgId }, select: { id: true } }),
  ]);
  return role !== null || member !== null;
}

/** N7 step 2: how the user may appraise in a period — as its branch's committee, as a person assigned, or not. */
export type AppraiseRight = "committee" | "assigned" | "own-entry" | "none";

const BRANCH_APPRAISERS: readonly Role[] = ["secretary", "committee"];

/**
 * Whether the user may appraise in the period (and, given a member, that member's entry), now: the secretary or a
 * committee member of the period's branch, or a person assigned in that period ("own-entry": never their own). The
 * member must be on the period's branch. One answer for /appraise's presses and its dialog's writes.
 */
export async function appraiseRight(db: Db, userId: string, target: { periodId: string; memberId?: string }): Promise<AppraiseRight> {
  const [period, member] = await Promise.all([
    db.reviewPeriod.findUnique({ where: { id: target.periodId }, select: { orgId: true } }),
    target.memberId ? db.member.findUnique({ where: { id: target.memberId }, select: { orgId: true, userId: true } }) : null,
  ]);
  if (!period || (target.memberId && member?.orgId !== period.orgId)) return "none";
  if (await holdsRoleOver(db, userId, { org: period.orgId }, BRANCH_APPRAISERS)) return "committee";
  if ((await assignedEntriesOf(db, userId, target.periodId)).length === 0) return "none";
  return member?.userId === userId ? "own-entry" : "assigned";
}

/** Whether the right lets the user appraise (an entry that is the user's own does not). */
export const mayAppraise = (right: AppraiseRight): boolean => right === "committee" || right === "assigned";
