import type { OrgKind } from "../store/orgs";
import type { Role } from "../store/users";
import type { BotContext } from "./kit/context";

/** Organizations that hold members and review them (a standalone base branch is both a branch and a TCCSĐ). */
export const BRANCH_KINDS: readonly OrgKind[] = ["branch", "base-branch"];
/** Organizations whose committee acts on the organizations under them. */
export const COMMITTEE_KINDS: readonly OrgKind[] = ["base-committee", "sub-committee", "bloc"];

/** Organizations whose committee splits the 30 + 70 points into items for those under it (N3, /scoreitems). */
export const SCORE_ITEM_KINDS: readonly OrgKind[] = ["base-committee", "bloc", "base-branch"];

/** A refusal names either a role on the sender's own organization, or a seat on the committee above ("upper"). */
/** "appraiser": a person the branch's secretary assigned to appraise (/appraise, RULES-2025 N7). */
export type RefusedRole = Role | "member" | "upper" | "appraiser";

type HeldOrg = { orgId: string; orgName: string; orgKind: OrgKind };

/** Organizations (of the given kinds, or any) where the sender holds one of the roles, newest first. */
export function orgsWithRole(ctx: BotContext, roles: readonly Role[], kinds?: readonly OrgKind[]): HeldOrg[] {
  const seen = new Map<string, HeldOrg>();
  for (const grant of ctx.identity.roles) {
    if (!roles.includes(grant.role) || (kinds && !kinds.includes(grant.orgKind)) || seen.has(grant.orgId)) continue;
    seen.set(grant.orgId, { orgId: grant.orgId, orgName: grant.orgName, orgKind: grant.orgKind });
  }
  return [...seen.values()];
}

/** The committees (base committee, bloc) where the sender is the secretary or a member of the committee. */
export function committeesOf(ctx: BotContext): HeldOrg[] {
  return orgsWithRole(ctx, ["secretary", "committee"], COMMITTEE_KINDS);
}

/**
 * The first organization where the sender holds one of the roles, or a polite refusal in their language.
 * Every command that needs a role goes through here.
 */
export async function requireRole(ctx: BotContext, roles: readonly Role[], kinds?: readonly OrgKind[]): Promise<HeldOrg | null> {
  const orgs = orgsWithRole(ctx, roles, kinds);
  if (orgs.length > 0) return orgs[0];
  await refuse(ctx, roles);
  return null;
}

/** The sender's newest committee, or the refusal that says a seat on a committee above branches is needed. */
export async function requireCommittee(ctx: BotContext): Promise<HeldOrg | null> {
  const [committee] = committeesOf(ctx);
  if (!committee) await refuse(ctx, ["upper"]);
  return committee ?? null;
}

/** The polite refusal: which roles the action needs (there, when the sender holds them elsewhere) and how each is had. */
export async function refuse(ctx: BotContext, roles: readonly RefusedRole[]): Promise<void> {
  const names = roles.map((r) => ctx.t(`roles.name.${r}`)).join(", ");
  const how = roles.map((r) => ctx.t(`roles.how.${r}`)).join(" ");
  await ctx.reply(ctx.t("roles.refused", { roles: names, how }));
}
