import { Composer } from "grammy";
import { INVITE_CODE_PATTERN } from "../../domain/branch-setup";
import { claimInvite } from "../../store/invites";
import { usersWithRole } from "../../store/orgs";
import { accountOf } from "../kit/claim-notice";
import type { BotContext } from "../kit/context";
import { notify } from "../kit/notify";

/**
 * /start <code>: a member accepts their invite link. /start without a code is the start feature's. A fresh invite of an
 * entry joined on the other channel binds this account to it (issue 14): the member is told where messages go.
 */
export function joinFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx, next) => {
    const code = ctx.match.trim();
    if (code === "") return next();
    const result = INVITE_CODE_PATTERN.test(code)
      ? await claimInvite(ctx.deps.db, code, ctx.identity.accountId, ctx.deps.clock())
      : ({ ok: false, reason: "unknown" } as const);
    if (result.ok) {
      ctx.deps.log.info({ memberId: result.memberId, bound: result.bound }, "invite claimed");
      const words = { name: result.fullName, branch: result.orgName };
      if (result.bound) await ctx.reply(ctx.t("join.bound", { ...words, channel: ctx.t(`channel.${result.bound}`) }));
      else await ctx.reply(ctx.t("join.welcome", words));
      await tellSecretaries(ctx, result);
    } else if (result.reason === "own") {
      await ctx.reply(ctx.t("join.own", { branch: result.orgName }));
    } else {
      await ctx.reply(ctx.t(`join.refused.${result.reason}`));
    }
  });
  return feature;
}

/** The branch's secretaries learn who took which place, with the account, so a wrong claim is noticed at once. */
async function tellSecretaries(
  ctx: BotContext,
  joined: { orgId: string; orgName: string; fullName: string; personId: string; bound: string | null },
) {
  const account = accountOf(ctx.from!);
  const secretaries = (await usersWithRole(ctx.deps.db, joined.orgId, ["secretary"])).filter((s) => s.userId !== joined.personId);
  const words = { name: joined.fullName, branch: joined.orgName, account };
  await notify(
    ctx.api,
    ctx.deps.db,
    secretaries,
    (t) => ({
      text: joined.bound ? t("join.bound_notice", { ...words, channel: t(`channel.${joined.bound}`) }) : t("join.notice", words),
    }),
    ctx.deps.clock(),
  ).catch((error) => ctx.deps.log.warn({ code: (error as { error_code?: number }).error_code }, "join notice not sent"));
}
