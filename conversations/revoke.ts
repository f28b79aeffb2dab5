// M14: the upper committee revokes a result with a typed reason; the version keeps who, when and why.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import { usersWithRole } from "../store/orgs";
import { revokeMemberResult } from "../store/recognition";
import { writeWithRole } from "./role-checked-write";
import { askTally } from "./tally-input";

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
  let question = t("revoke.ask_reason", { name: args.memberName, level: args.levelText });
  for (;;) {
    const answer = await askTally(conversation, ctx, t, { text: question, acceptText: true });
    if (answer.kind !== "text") continue;
    const check = { target: { periodAbove: args.periodId }, roles: ["upper"] } as const;
    const checked = await writeWithRole(conversation, ctx, t, check, async (c) => {
      const now = c.deps.clock();
      const done = await revokeMemberResult(c.deps.db, { periodId: args.periodId, memberId: args.memberId, why: answer.text, actorId: c.identity.userId }, now);
      if (!done.ok) return { error: done.error };
      const why = done.result.revokeReason ?? "";
      const secretaries = await usersWithRole(c.deps.db, args.orgId, ["secretary"]);
      await notify(c.api, c.deps.db, secretaries, (tr) => ({ text: tr("revoke.branch_notice", { name: args.memberName, why }) }), now);
      await notify(c.api, c.deps.db, [args.member], (tr) => ({ text: tr("revoke.member_notice", { why }) }), now);
      return { why };
    });
    if (!checked.allowed) return;
    const outcome = checked.value;
    if ("why" in outcome) return void (await ctx.reply(t("revoke.done", { name: args.memberName, why: outcome.why })));
    await ctx.reply(t(`error.${outcome.error}`));
    if (outcome.error !== "result.why-required") return;
    question = t("revoke.ask_reason", { name: args.memberName, level: args.levelText });
  }
}
