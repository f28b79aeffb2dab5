// Issue 9 point 8: a role is read from the database at the moment of each write, not trusted from when a dialog began.
import type { Db } from "./client";
import type { Role } from "./users";

/** What a dialog writes to; the organization that owns it is looked up here, never taken from button data. */
export type WriteTarget =
  | { member: string }
  | { org: string }
  | { period: string }
  /** The committee above the period's branch (recognition, revocation). */
  | { periodAbove: string };

async function owningOrg(db: Db, target: WriteTarget): Promise<string | null> {
  if ("org" in target) return target.org;
  if ("member" in target) return (await db.member.findUnique({ where: { id: target.member }, select: { orgId: true } }))?.orgId ?? null;
  const periodId = "period" in target ? target.period : target.periodAbove;
  const period = await db.reviewPeriod.findUnique({
    where: { id: periodId },
    select: { orgId: true, org: { select: { parentId: true } } },
  });
  if (!period) return null;
  return "period" in target ? period.orgId : period.org.parentId;
}

/** Whether the user holds one of the roles in the organization that owns the target, now. */
export async function holdsRoleOver(db: Db, userId: string, target: WriteTarget, roles: readonly Role[]): Promise<boolean> {
  const orgId = await owningOrg(db, target);
  if (!orgId) return false;
  const grant = await db.roleGrant.findFirst({ where: { userId, orgId, role: { in: [...roles] } }, select: { id: true } });
  return grant !== null;
}
