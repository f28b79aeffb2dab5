// A dialog may stay open for hours; the role that let someone start it can be withdrawn meanwhile. Every dialog's
// write goes through here: the role is read again, against the organization that owns the target, in the same
// step as the write, and a person who lost it is told so and nothing is stored.
import type { BotContext, BotConversation, ConvContext } from "../bot/kit/context";
import type { Translate } from "../bot/kit/i18n";
import type { Db } from "../store/client";
import { holdsRoleOver, type WriteTarget } from "../store/authority";
import type { Role } from "../store/users";

/** The roles over the target, or a check of its own (e.g. /appraise's: the committee or a person assigned). */
export type RoleCheck = { target: WriteTarget; roles: readonly Role[] } | { allows: (db: Db, userId: string) => Promise<boolean> };
export type Checked<T> = { allowed: true; value: T } | { allowed: false };

export async function writeWithRole<T>(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  check: RoleCheck,
  write: (outside: BotContext) => Promise<T>,
): Promise<Checked<T>> {
  const done = await conversation.external(async (outside): Promise<Checked<T>> => {
    const { db } = outside.deps;
    const { userId } = outside.identity;
    const allowed = "allows" in check ? await check.allows(db, userId) : await holdsRoleOver(db, userId, check.target, check.roles);
    if (!allowed) return { allowed: false };
    return { allowed: true, value: await write(outside) };
  });
  if (!done.allowed) await ctx.reply(t("roles.withdrawn"));
  return done;
}
