import type { Role } from "../store/users";
import type { BotContext } from "./kit/context";
import { BRANCH_KINDS, orgsWithRole, refuse } from "./roles";

/**
 * The branch (chi bộ) where the sender holds one of the roles — their newest, when they have several — or a
 * polite refusal. A committee's secretary without a branch of their own is refused too.
 */
export async function requireBranchRole(ctx: BotContext, roles: readonly Role[]): Promise<{ orgId: string; orgName: string } | null> {
  if (orgsWithRole(ctx, roles).length === 0) {
    await refuse(ctx, roles);
    return null;
  }
  const [branch] = orgsWithRole(ctx, roles, BRANCH_KINDS);
  if (!branch) await ctx.reply(ctx.t("roles.no-branch"));
  return branch ?? null;
}
