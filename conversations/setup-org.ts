// /setup: what is being set up (a branch under a base committee, a standalone base branch, a base committee or the
// bloc committee), its name and, for a branch, double entry of ballot counts, the review year and the self-review
// deadline; then it is created with its creator as secretary (a branch's period opened). Opened from a committee's
// link, it first offers the organizations the person already runs, and what it creates goes under that committee.
import { InlineKeyboard } from "grammy";
import {
  defaultSelfReviewDeadline,
  formatLocalDate,
  MAX_BRANCHES_PER_DAY,
  orgNameSchema,
  reviewYearChoices,
  setupPeriodDeadlines,
} from "../domain/branch-setup";
import type { ReviewTimeZone } from "../domain/calendar";
import { holdsMembers, SETUP_KINDS, type SetupKind } from "../domain/org-tree";
import { getRulebook, rulebookIdForYear } from "../domain/rulebooks";
import { mayCreateBranchNow, setupBranch, setupCommittee } from "../store/branches";
import type { Db } from "../store/client";
import { claimOrgInvite, type ClaimedOrgInvite } from "../store/org-invites";
import { tellOfOrgInviteClaim } from "../bot/kit/claim-notice";
import { setupStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { ask, type Checked } from "./ask";
import { askConfirmOrRulebook, askDeadline, askRulebook, askYear } from "./period-questions";

export const SETUP_CONVERSATION = "setup-org";
/** At most this many of a person's organizations offered as buttons when a committee's link is opened. */
export const MAX_EXISTING_OFFERED = 20;

/** A committee's link opened (its code checked): the committee, the kinds it takes, the person's organizations it could take. */
export type SetupInvite = {
  id: string;
  committee: string;
  kinds: readonly SetupKind[];
  existing: Array<{ orgId: string; orgName: string }>;
};
/** `timeZone` is Deps.timeZone: what a typed day means and how dates are shown. */
export type SetupArgs = { lang: Language; timeZone: ReviewTimeZone; invite?: SetupInvite };

type Created = { ok: true; orgName: string; committee: string | null } | { ok: false; reason: string } | null;

const setupChoice = (choice: string) => setupStep.pack({ choice });

export async function setupOrgConversation(conversation: BotConversation, ctx: ConvContext, args: SetupArgs) {
  const t = translatorFor(args.lang);
  const { invite } = args;
  if (invite && invite.existing.length > 0) {
    const attachOrgId = await askExisting(conversation, ctx, t, invite);
    if (attachOrgId !== null) {
      const claimed = await conversation.external(async (outside) => {
        const { db, clock } = outside.deps;
        const claim = await claimOrgInvite(db, { inviteId: invite.id, userId: outside.identity.userId, attachOrgId }, clock());
        const claimant = { userId: outside.identity.userId, from: outside.from! };
        if (claim.ok) await tellOfOrgInviteClaim(outside.api, db, claim, claimant, clock(), outside.deps.log);
        return claim;
      });
      if (!claimed.ok) return void (await ctx.reply(t(`orgjoin.refused.${claimed.reason}`, { committee: invite.committee })));
      const name = claimed.attached?.orgName ?? "";
      return void (await ctx.reply(t("orgjoin.attached", { name, committee: invite.committee })));
    }
  }
  const kind = await askKind(conversation, ctx, t, invite?.kinds ?? SETUP_KINDS);
  const name = await askName(conversation, ctx, t, t(`setup.ask-name.${kind}`));
  const upper = invite?.committee ?? t(`setup.upper-none.${kind}`);
  const created: Created = holdsMembers(kind)
    ? await setupWithPeriod(conversation, ctx, t, args, { kind: kind as "branch" | "base-branch", name, upper })
    : await setupAbove(conversation, ctx, t, args, { kind: kind as "base-committee" | "bloc", name, upper });
  if (!created) return void (await ctx.reply(t("setup.daily-limit", { max: MAX_BRANCHES_PER_DAY })));
  if (!created.ok) return void (await ctx.reply(t(`orgjoin.refused.${created.reason}`, { committee: invite?.committee ?? "" })));
  const under = created.committee ? t("setup.done-under", { committee: created.committee }) : "";
  await ctx.reply(t(`setup.done.${kind}`, { name: created.orgName, under }));
}

/** A branch or a base branch: double entry, the year and the deadline, then the branch and its open period. */
async function setupWithPeriod(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  args: SetupArgs,
  org: { kind: "branch" | "base-branch"; name: string; upper: string },
): Promise<Created> {
  // The year decides the rulebook offered first (366 from 2025); the summary can change it. Both calendars give the
  // same self-review deadline; the report deadline is the chosen rulebook's.
  const offset = args.timeZone.offsetMinutes;
  const nowIso = () => conversation.external((outside) => outside.deps.clock().toISOString());
  const doubleEntry = await askYesNo(conversation, ctx, t, t("setup.ask-double-entry"));
  const year = await askYear(conversation, ctx, t, setupStep, reviewYearChoices(await nowIso(), offset));
  let rulebookId = rulebookIdForYear(year);
  const byDefault = defaultSelfReviewDeadline(year, getRulebook(rulebookId), await nowIso(), offset);
  const selfReviewDeadline = await askDeadline(conversation, ctx, t, setupStep, { byDefault, offset }, nowIso);
  for (;;) {
    const { reportDeadline } = setupPeriodDeadlines(year, getRulebook(rulebookId), selfReviewDeadline, offset);
    const summary = t("setup.summary", {
      kind: t(`setup.kind.${org.kind}`),
      name: org.name,
      upper: org.upper,
      doubleEntry: t(doubleEntry ? "setup.yes" : "setup.no"),
      year,
      rulebook: getRulebook(rulebookId).title,
      deadline: formatLocalDate(selfReviewDeadline, offset),
      report: formatLocalDate(reportDeadline, offset),
      create: t(`setup.create.${org.kind}`),
    });
    const go = await askConfirmOrRulebook(conversation, ctx, t, setupStep, { text: summary, go: t(`setup.create.${org.kind}`) });
    if (go === "rulebook") {
      rulebookId = await askRulebook(conversation, ctx, t, setupStep, { year, current: rulebookId });
      continue;
    }
    const input = { ...org, doubleEntry, year, rulebookId, selfReviewDeadline, reportDeadline, inviteId: args.invite?.id };
    return createChecked(conversation, (db, userId, now) => setupBranch(db, input, userId, now));
  }
}

/** A base committee or the bloc: its creator is its first secretary. */
async function setupAbove(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  args: SetupArgs,
  org: { kind: "base-committee" | "bloc"; name: string; upper: string },
): Promise<Created> {
  const create = t(`setup.create.${org.kind}`);
  await confirm(conversation, ctx, t, t("setup.summary-committee", { ...org, kind: t(`setup.kind.${org.kind}`), create }), org.kind);
  const input = { name: org.name, kind: org.kind, inviteId: args.invite?.id };
  return createChecked(conversation, (db, userId, now) => setupCommittee(db, input, userId, now));
}

async function confirm(conversation: BotConversation, ctx: ConvContext, t: Translate, summary: string, kind: SetupKind) {
  const keyboard = new InlineKeyboard().text(t(`setup.create.${kind}`), setupChoice("create"));
  await ask(conversation, ctx, t, { text: summary, keyboard, buttons: { data: setupStep, values: ["create"] } });
}

type Creator = (
  db: Db,
  userId: string,
  now: Date,
) => Promise<{ ok: true; orgName: string; claim: ClaimedOrgInvite | null } | { ok: false; reason: string }>;
/**
 * Creates it, checking the daily limit again (/setup may have been typed before the other dialogs of the day were
 * confirmed); the committee whose link it went under is told.
 */
function createChecked(conversation: BotConversation, create: Creator): Promise<Created> {
  return conversation.external(async (outside) => {
    const { db, clock } = outside.deps;
    const userId = outside.identity.userId;
    if (!(await mayCreateBranchNow(db, userId, clock()))) return null;
    const created = await create(db, userId, clock());
    if (!created.ok) return { ok: false, reason: created.reason };
    if (created.claim)
      await tellOfOrgInviteClaim(outside.api, db, created.claim, { userId, from: outside.from! }, clock(), outside.deps.log);
    return { ok: true, orgName: created.orgName, committee: created.claim?.orgName ?? null };
  });
}

/** Which of the person's organizations goes under the committee, or null for a new one. */
async function askExisting(conversation: BotConversation, ctx: ConvContext, t: Translate, invite: SetupInvite): Promise<string | null> {
  const offered = invite.existing.slice(0, MAX_EXISTING_OFFERED);
  const keyboard = new InlineKeyboard();
  for (const [i, org] of offered.entries()) keyboard.text(org.orgName, setupChoice(`e${i}`)).row();
  keyboard.text(t("orgjoin.new"), setupChoice("new"));
  const values = [...offered.map((_, i) => `e${i}`), "new"];
  const text = t("orgjoin.ask-existing", { committee: invite.committee });
  const answer = await ask(conversation, ctx, t, { text, keyboard, buttons: { data: setupStep, values } });
  return answer.kind === "button" && answer.value !== "new" ? offered[Number(answer.value.slice(1))].orgId : null;
}

/** What is being set up; not asked when only one kind may be (a base committee's link is for a branch). */
async function askKind(conversation: BotConversation, ctx: ConvContext, t: Translate, kinds: readonly SetupKind[]): Promise<SetupKind> {
  if (kinds.length === 1) return kinds[0];
  const keyboard = new InlineKeyboard();
  for (const kind of kinds) keyboard.text(t(`setup.kind-button.${kind}`), setupChoice(kind)).row();
  const answer = await ask(conversation, ctx, t, { text: t("setup.ask-kind"), keyboard, buttons: { data: setupStep, values: kinds } });
  return answer.kind === "button" ? (kinds.find((k) => k === answer.value) ?? kinds[0]) : kinds[0];
}

async function askName(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string): Promise<string> {
  return ask(conversation, ctx, t, { text, acceptText: true }, (answer): Checked<string> => {
    const parsed = orgNameSchema.safeParse(answer.kind === "text" ? answer.text : "");
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, hint: t(`setup.error.${parsed.error.issues[0].message}`) };
  });
}

async function askYesNo(conversation: BotConversation, ctx: ConvContext, t: Translate, text: string): Promise<boolean> {
  const keyboard = new InlineKeyboard().text(t("setup.yes"), setupChoice("yes")).text(t("setup.no"), setupChoice("no"));
  const answer = await ask(conversation, ctx, t, { text, keyboard, buttons: { data: setupStep, values: ["yes", "no"] } });
  return answer.kind === "button" && answer.value === "yes";
}
