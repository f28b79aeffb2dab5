import { Composer } from "grammy";
import { INVITE_CODE_PATTERN } from "../../domain/branch-setup";
import { claimInvite } from "../../store/invites";
import type { BotContext } from "../context";

/** /start <code>: a member accepts their invite link. /start without a code is the start feature's. */
export function joinFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx, next) => {
    const code = ctx.match.trim();
    if (code === "") return next();
    const result = INVITE_CODE_PATTERN.test(code)
      ? await claimInvite(ctx.deps.db, code, ctx.identity.userId, ctx.deps.clock())
      : ({ ok: false, reason: "unknown" } as const);
    if (result.ok) {
      ctx.deps.log.info({ memberId: result.memberId }, "invite claimed");
      await ctx.reply(ctx.t("join.welcome", { name: result.fullName, branch: result.orgName }));
    } else if (result.reason === "own") {
      await ctx.reply(ctx.t("join.own", { branch: result.orgName }));
    } else {
      await ctx.reply(ctx.t(`join.refused.${result.reason}`));
    }
  });
  return feature;
}
