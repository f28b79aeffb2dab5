import { organizationsOfKind } from "../store/branches";
import type { Role } from "../store/users";
import type { BotContext } from "./kit/context";
import { orgsWithRole, requireRole } from "./roles";

/**
 * The branch (chi bộ) where the sender holds one of the roles — their newest, when they have several — or a
 * polite refusal. A base committee's secretary without a branch of their own is refused too.
 */
export async function requireBranchRole(ctx: BotContext, roles: readonly Role[]): Promise<{ orgId: string; orgName: string } | null> {
  if (!(await requireRole(ctx, roles))) return null;
  const orgIds = orgsWithRole(ctx, roles).map((o) => o.orgId);
  const [branch] = await organizationsOfKind(ctx.deps.db, orgIds, "branch");
  if (!branch) await ctx.reply(ctx.t("roles.no-branch"));
  return branch ?? null;
}
