// M14: the upper committee revokes a result with a typed reason; the version keeps who, when and why.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import { usersWithRole } from "../store/orgs";
import { revokeMemberResult } from "../store/recognition";
import { writeWithRole } from "./role-checked-write";
import { askRevocation } from "./ask-reason";

export const REVOKE = "revoke";

export type RevokeArgs = {
  lang: string;
  periodId: string;
  orgId: string;
  memberId: string;
  memberName: string;
  levelText: string;
  member: { userId: string | null; telegramId: string | null; language: string | null };
};

export async function revokeConversation(conversation: BotConversation, ctx: ConvContext, args: RevokeArgs) {
  const t = translatorFor(args.lang);
  const question = t("revoke.ask_reason", { name: args.memberName, level: args.levelText });
  const words = { question, whyRequired: t("error.result.why-required") };
  const outcome = await askRevocation(conversation, ctx, t, words, (why) => revokeWith(conversation, ctx, t, args, why));
  if (!outcome) return;
  if ("why" in outcome) return void (await ctx.reply(t("revoke.done", { name: args.memberName, why: outcome.why })));
  await ctx.reply(t(`error.${outcome.error}`));
}

/** The revocation and its notices; null when the role is gone (the person was told). */
async function revokeWith(conversation: BotConversation, ctx: ConvContext, t: Translate, args: RevokeArgs, why: string) {
  const check = { target: { periodAbove: args.periodId }, roles: ["secretary", "committee"] } as const;
  const checked = await writeWithRole(conversation, ctx, t, check, async (c) => {
    const now = c.deps.clock();
    const done = await revokeMemberResult(
      c.deps.db,
      { periodId: args.periodId, memberId: args.memberId, why, actorId: c.identity.userId },
      now,
    );
    if (!done.ok) return { error: done.error };
    const reason = done.result.revokeReason ?? "";
    const secretaries = await usersWithRole(c.deps.db, args.orgId, ["secretary"]);
    await notify(
      c.api,
      c.deps.db,
      secretaries,
      (tr) => ({ text: tr("revoke.branch_notice", { name: args.memberName, why: reason }) }),
      now,
    );
    await notify(c.api, c.deps.db, [args.member], (tr) => ({ text: tr("revoke.member_notice", { why: reason }) }), now);
    return { why: reason };
  });
  return checked.allowed ? checked.value : null;
}
