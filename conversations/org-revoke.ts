// B.I.4: the level above revokes an organization's rating with a typed reason; the revoked version keeps who, when and
// why (the old ones stay), and the organization's secretary is told.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import { revokeOrgScore } from "../store/org-recognition";
import { usersWithRole } from "../store/orgs";
import { askRevocation, type Revocation } from "./ask-reason";
import { writeWithRole } from "./role-checked-write";

export const ORG_REVOKE = "org-revoke";

/** Plain data passed to `enter`: the version pressed (a newer one makes the revocation refused as stale). */
export type OrgRevokeArgs = { lang: string; scoreId: string; orgId: string; orgName: string; year: number; levelText: string };

export async function orgRevokeConversation(conversation: BotConversation, ctx: ConvContext, args: OrgRevokeArgs) {
  const t = translatorFor(args.lang);
  const question = t("orgs.ask_reason", { org: args.orgName, year: args.year, level: args.levelText });
  const words = { question, whyRequired: t("orgs.error.result.why-required") };
  const outcome = await askRevocation(conversation, ctx, t, words, async (why): Promise<Revocation | null> => {
    const check = { target: { orgAbove: args.orgId }, roles: ["secretary", "committee"] } as const;
    const checked = await writeWithRole(conversation, ctx, t, check, async (c) => {
      const now = c.deps.clock();
      const done = await revokeOrgScore(c.deps.db, { scoreId: args.scoreId, why, actorId: c.identity.userId }, now);
      if (!done.ok) return { error: done.error };
      const reason = done.score.revokeReason ?? "";
      const secretaries = await usersWithRole(c.deps.db, args.orgId, ["secretary"]);
      const words = { org: args.orgName, year: args.year, why: reason };
      await notify(c.api, c.deps.db, secretaries, (tr) => ({ text: tr("orgs.revoked_notice", words) }), now);
      return { why: reason };
    });
    return checked.allowed ? checked.value : null;
  });
  if (!outcome) return;
  if ("why" in outcome) return void (await ctx.reply(t("orgs.revoked", { org: args.orgName, year: args.year, why: outcome.why })));
  await ctx.reply(t(`orgs.error.${outcome.error}`));
}
