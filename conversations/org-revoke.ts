// B.I.4: the level above revokes an organization's rating with a typed reason; the revoked version keeps who, when and
// why (the old ones stay), and the organization's secretary is told. Under 366 (NO2) the same dialog decides another
// level than the one proposed, with its reason: a new recognized version, within the cap of "xuất sắc" (NO1).
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { describeOrgLevel, describeOrgRefusal } from "../bot/kit/describe-org";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import type { OrgLevel } from "../domain/levels";
import type { Db } from "../store/client";
import { decideOrgScoreOtherwise, revokeOrgScore, type OrgRatingChange } from "../store/org-recognition";
import { usersWithRole } from "../store/orgs";
import { askRevocation, type Revocation } from "./ask-reason";
import { writeWithRole } from "./role-checked-write";

export const ORG_REVOKE = "org-revoke";

/**
 * Plain data passed to `enter`: the version pressed (a newer one makes the revocation refused as stale); `decide`:
 * the level decided instead of the proposed one (NO2), rather than a revocation.
 */
export type OrgRevokeArgs = {
  lang: string;
  scoreId: string;
  orgId: string;
  orgName: string;
  year: number;
  levelText: string;
  decide?: { level: OrgLevel; proposed: OrgLevel; rulebookId: string };
};

type Write = (db: Db, why: string, actorId: string, now: Date) => Promise<OrgRatingChange>;
/** What differs between a revocation and a decision: the words, the write and what the organization is told. */
type Kind = {
  question: string;
  whyRequired: string;
  notText?: string;
  write: Write;
  /** The reason as stored (the write trims it). */
  stored: (done: Extract<OrgRatingChange, { ok: true }>) => string;
  notice: (t: Translate, why: string) => string;
  done: (why: string) => string;
};

function revocation(t: Translate, args: OrgRevokeArgs): Kind {
  const words = { org: args.orgName, year: args.year };
  return {
    question: t("orgs.ask_reason", { ...words, level: args.levelText }),
    whyRequired: t("orgs.error.result.why-required"),
    write: (db, why, actorId, now) => revokeOrgScore(db, { scoreId: args.scoreId, why, actorId }, now),
    stored: (done) => done.score.revokeReason ?? "",
    notice: (tr, why) => tr("orgs.revoked_notice", { ...words, why }),
    done: (why) => t("orgs.revoked", { ...words, why }),
  };
}

function decision(t: Translate, args: OrgRevokeArgs, decide: NonNullable<OrgRevokeArgs["decide"]>): Kind {
  const levels = (tr: Translate) => ({
    org: args.orgName,
    year: args.year,
    level: describeOrgLevel(tr, decide.level, false, decide.rulebookId),
    proposed: describeOrgLevel(tr, decide.proposed, false, decide.rulebookId),
  });
  return {
    question: t("orgs.ask_decision", levels(t)),
    whyRequired: t("orgs.decision_why_required"),
    notText: t("orgs.decision_not_text"),
    write: (db, note, actorId, now) => decideOrgScoreOtherwise(db, { scoreId: args.scoreId, level: decide.level, note, actorId }, now),
    stored: () => "",
    notice: (tr, why) => tr("orgs.decided_notice", { ...levels(tr), why }),
    done: (why) => t("orgs.decided", { ...levels(t), why }),
  };
}

export async function orgRevokeConversation(conversation: BotConversation, ctx: ConvContext, args: OrgRevokeArgs) {
  const t = translatorFor(args.lang);
  const kind = args.decide ? decision(t, args, args.decide) : revocation(t, args);
  const outcome = await askRevocation(conversation, ctx, t, kind, async (typed): Promise<Revocation | null> => {
    const check = { target: { orgAbove: args.orgId }, roles: ["secretary", "committee"] } as const;
    const checked = await writeWithRole(conversation, ctx, t, check, async (c) => {
      const now = c.deps.clock();
      const done = await kind.write(c.deps.db, typed, c.identity.userId, now);
      if (!done.ok) return { error: done.error, text: describeOrgRefusal(t, done) };
      const why = kind.stored(done) || typed.trim();
      const secretaries = await usersWithRole(c.deps.db, args.orgId, ["secretary"]);
      await notify(c.api, c.deps.db, secretaries, (tr) => ({ text: kind.notice(tr, why) }), now);
      return { why };
    });
    return checked.allowed ? checked.value : null;
  });
  if (!outcome) return;
  if ("why" in outcome) return void (await ctx.reply(kind.done(outcome.why)));
  await ctx.reply(outcome.text ?? t(`orgs.error.${outcome.error}`));
}
