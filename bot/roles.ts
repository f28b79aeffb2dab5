import type { Role } from "../store/users";
import type { BotContext } from "./kit/context";

/** Organizations where the sender holds one of the roles (a secretary is also allowed what the committee is). */
export function orgsWithRole(ctx: BotContext, roles: readonly Role[]): Array<{ orgId: string; orgName: string }> {
  const seen = new Map<string, string>();
  for (const grant of ctx.identity.roles) if (roles.includes(grant.role)) seen.set(grant.orgId, grant.orgName);
  return [...seen].map(([orgId, orgName]) => ({ orgId, orgName }));
}

/**
 * The first organization where the sender holds one of the roles, or a polite refusal in their language.
 * Every command that needs a role goes through here.
 */
export async function requireRole(ctx: BotContext, roles: readonly Role[]): Promise<{ orgId: string; orgName: string } | null> {
  const orgs = orgsWithRole(ctx, roles);
  if (orgs.length > 0) return orgs[0];
  await refuse(ctx, roles);
  return null;
}

/** The polite refusal: which roles the action needs (there, when the sender holds them elsewhere) and how each is had. */
export async function refuse(ctx: BotContext, roles: readonly Role[]): Promise<void> {
  const names = roles.map((r) => ctx.t(`roles.name.${r}`)).join(", ");
  const how = roles.map((r) => ctx.t(`roles.how.${r}`)).join(" ");
  await ctx.reply(ctx.t("roles.refused", { roles: names, how }));
}
