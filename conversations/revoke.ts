// M14: the upper committee revokes a result with a typed reason; the version keeps who, when and why.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import { usersWithRole } from "../store/orgs";
import { revokeMemberResult } from "../store/recognition";
import { writeWithRole } from "./role-checked-write";
import { ask, askHints, type Question } from "./ask";

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
  const asked: Question = { text: question, acceptText: true };
  const hints = askHints(t, asked);
  asked.hints = (rejection, update) => {
    if (rejection.why === "kind") return { reply: t("revoke.not_text") };
    if (rejection.why === "invalid") return { reply: rejection.hint };
    return hints(rejection, update);
  };
  // The reason is checked by the store in the same step as the write: a refused reason is asked again, unstored.
  const outcome = await ask(conversation, ctx, t, asked, async (answer) => {
    const written = answer.kind === "text" ? await revokeWith(conversation, ctx, t, args, answer.text) : null;
    if (written && "error" in written && written.error === "result.why-required")
      return { ok: false, hint: [t(`error.${written.error}`), question] };
    return { ok: true, value: written };
  });
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
