// N7 step 3: the competent level decides a member's level otherwise than the branch proposed, with a typed reason;
// the decision is a new recognized version (the proposal stays before it), and the member and the branch are told.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor } from "../bot/kit/i18n";
import { scoreWords } from "../bot/kit/rulebook-words";
import { notify } from "../bot/kit/notify";
import { periodLabel } from "../bot/kit/period-label";
import type { MemberLevel } from "../domain/levels";
import { decideLevelOtherwise } from "../store/decision-2025";
import { usersWithRole } from "../store/orgs";
import { askRevocation, type Revocation } from "./ask-reason";
import { writeWithRole } from "./role-checked-write";

export const DECIDE_LEVEL = "decide-level";

/** Plain data passed to `enter`. */
export type DecideLevelArgs = {
  lang: string;
  periodId: string;
  orgId: string;
  year: number;
  /** 0: the year; 1–4: a quarter of it (N10), named in the member's notice. */
  quarter: number;
  memberId: string;
  memberName: string;
  level: MemberLevel;
  proposed: MemberLevel;
  member: { userId: string | null; telegramId: string | null; language: string | null };
};

export async function decideLevelConversation(conversation: BotConversation, ctx: ConvContext, args: DecideLevelArgs) {
  const t = scoreWords(translatorFor(args.lang));
  // The notices go in each recipient's language: their translator, with the 366 names too.
  const levels = (tr: typeof t) => {
    const words = scoreWords(tr);
    return { level: words(`rating.level.${args.level}`), proposed: words(`rating.level.${args.proposed}`) };
  };
  const words = {
    question: t("decide.ask_note", { name: args.memberName, ...levels(t) }),
    whyRequired: t("decide.why_required"),
    notText: t("decide.not_text"),
  };
  const outcome = await askRevocation(conversation, ctx, t, words, async (note): Promise<Revocation | null> => {
    const check = { target: { periodAbove: args.periodId }, roles: ["secretary", "committee"] } as const;
    const checked = await writeWithRole(conversation, ctx, t, check, async (c) => {
      const now = c.deps.clock();
      const input = { periodId: args.periodId, memberId: args.memberId, level: args.level, note, actorId: c.identity.userId };
      const done = await decideLevelOtherwise(c.deps.db, input, now, c.deps.timeZone.offsetMinutes);
      if (!done.ok) return { error: done.error };
      const why = note.trim();
      const secretaries = await usersWithRole(c.deps.db, args.orgId, ["secretary"]);
      const branchWords = (tr: typeof t) => ({ text: tr("decide.branch_notice", { name: args.memberName, why, ...levels(tr) }) });
      await notify(c.api, c.deps.db, secretaries, branchWords, now);
      const memberWords = (tr: typeof t) => ({
        text: tr("decide.member_notice", { period: periodLabel(tr, args.year, args.quarter), why, ...levels(tr) }),
      });
      await notify(c.api, c.deps.db, [args.member], memberWords, now);
      return { why };
    });
    return checked.allowed ? checked.value : null;
  });
  if (!outcome) return;
  if ("why" in outcome)
    return void (await ctx.reply(t("decide.done", { name: args.memberName, level: t(`rating.level.${args.level}`), why: outcome.why })));
  await ctx.reply(t(`error.${outcome.error}`));
}
