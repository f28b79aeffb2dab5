// Organizations' ratings (B.I, O1–O7): /score for the committee of a branch or a base committee; /orgs for the level
// above, which recognizes or revokes each rating (B.I.4) and marks exemplary ones within the share (O6). Every press
// is checked against the rated organization's parent, now, and refused to anyone of that organization itself. Under
// 366 (NO1, NO2) the level above recognizes "xuất sắc" within the cap among its organizations, or decides another
// level with a reason; the 2011 exemplary mark (O6) is not offered for a 366 rating.
import { Composer, InlineKeyboard } from "grammy";
import { orgRevokeConversation, ORG_REVOKE, type OrgRevokeArgs } from "../../conversations/org-revoke";
import { scoreOrgConversation, SCORE_ORG, type ScoreOrgArgs } from "../../conversations/score-org";
import { getRulebook, ORG_KINDS, ORG_LEVELS, orgCapFigures, type OrgLevel } from "../../domain";
import { belongsToOrg } from "../../store/authority";
import { getOrganization } from "../../store/orgs";
import { orgCapStanding } from "../../store/org-cap-standing";
import { exemplaryStanding, orgScoreVersion, ratingsBelow, recognizeOrgScore, toggleExemplary } from "../../store/org-recognition";
import { currentOrgScore, scoringTarget } from "../../store/org-scores";
import { usersWithRole } from "../../store/orgs";
import { orgRatings, scorePick } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { describeOrgLevel, describeOrgRating, describeOrgRefusal, orgCapWords } from "../kit/describe-org";
import { notify } from "../kit/notify";
import { onButton } from "../kit/on-button";
import { replyInParts } from "../kit/outgoing";
import { addPageButtons, pageOf } from "../kit/paging";
import { committeesOf, orgsWithRole, refuse, requireCommittee } from "../roles";
import { dialog } from "./dialog";

const ORGS_PER_PAGE = 20;
const SCORING_ROLES = ["secretary", "committee"] as const;

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(scoreOrgConversation, SCORE_ORG), dialog(orgRevokeConversation, ORG_REVOKE)];

export function orgRatingFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("score", async (ctx) => {
    const orgs = orgsWithRole(ctx, SCORING_ROLES, ORG_KINDS);
    // A branch's secretary or committee member, or a member of a base committee's committee (O7).
    if (orgs.length === 0) return refuse(ctx, [...SCORING_ROLES, "upper"]);
    if (orgs.length === 1) return startScoring(ctx, orgs[0].orgId);
    const keyboard = new InlineKeyboard();
    for (const org of orgs) keyboard.text(org.orgName, scorePick.pack({ orgId: org.orgId })).row();
    await ctx.reply(ctx.t("score.choose"), { reply_markup: keyboard });
  });
  onButton(feature, scorePick, async (ctx, { orgId }) => {
    await ctx.answerCallbackQuery();
    // Read now, not from the keyboard: the role may be gone, the data forged.
    if (!orgsWithRole(ctx, SCORING_ROLES, ORG_KINDS).some((o) => o.orgId === orgId))
      return void (await ctx.reply(ctx.t("score.not_yours")));
    await startScoring(ctx, orgId);
  });
  feature.command("orgs", async (ctx) => {
    if (!(await requireCommittee(ctx))) return;
    await listRatings(ctx, 0, false);
  });
  onButton(feature, orgRatings, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "page") return listRatings(ctx, button.page, true);
    const found = await orgScoreVersion(ctx.deps.db, button.scoreId);
    // The rated organization must be directly under a committee where the sender sits...
    if (!found?.parentId || !committeesOf(ctx).some((c) => c.orgId === found.parentId))
      return void (await ctx.reply(ctx.t("orgs.not_found")));
    // ...and nobody decides on their own organization's rating.
    if (await belongsToOrg(ctx.deps.db, ctx.identity.userId, found.orgId))
      return void (await ctx.reply(ctx.t("orgs.own_refused", { org: found.orgName })));
    if (button.kind === "show") return showRating(ctx, found);
    if (!found.latest) return void (await ctx.reply(ctx.t("orgs.error.stale")));
    if (button.kind === "no") return startRevoke(ctx, found);
    if (button.kind === "other") return chooseOtherLevel(ctx, found);
    if (button.kind === "to") return startRevoke(ctx, found, button.level);
    const actor = { scoreId: button.scoreId, actorId: ctx.identity.userId };
    const now = ctx.deps.clock();
    const done = button.kind === "ok" ? await recognizeOrgScore(ctx.deps.db, actor, now) : await toggleExemplary(ctx.deps.db, actor, now);
    if (!done.ok) return void (await ctx.reply(describeOrgRefusal(ctx.t, done)));
    const level = (t: BotContext["t"]) => describeOrgLevel(t, done.score.level, done.score.exemplary, done.score.rulebookId);
    const words = { org: found.orgName, year: done.score.year };
    const key = button.kind === "ok" ? "recognized" : done.score.exemplary ? "exemplary" : "unexemplary";
    const secretaries = await usersWithRole(ctx.deps.db, found.orgId, ["secretary"]);
    await notify(ctx.api, ctx.deps.db, secretaries, (t) => ({ text: t(`orgs.${key}_notice`, { ...words, level: level(t) }) }), now);
    await ctx.reply(ctx.t(`orgs.${key}`, { ...words, level: level(ctx.t) }));
  });
  return feature;
}

async function startScoring(ctx: BotContext, orgId: string) {
  const [target, org] = await Promise.all([scoringTarget(ctx.deps.db, orgId), getOrganization(ctx.deps.db, orgId)]);
  if (!target || !org) return void (await ctx.reply(ctx.t("score.no_period")));
  if ((await currentOrgScore(ctx.deps.db, target))?.state === "recognized")
    return void (await ctx.reply(ctx.t("score.recognized_already", { org: target.orgName, year: target.year })));
  const args: ScoreOrgArgs = { lang: ctx.lang, target, parentId: org.parentId, timeZone: ctx.deps.timeZone };
  await ctx.conversation.enter(SCORE_ORG, args);
}

/** The ratings of the organizations under the sender's committees, a page at a time; a page turn edits the message. */
async function listRatings(ctx: BotContext, page: number, turn: boolean) {
  const committees = committeesOf(ctx);
  const rated = await ratingsBelow(
    ctx.deps.db,
    committees.map((c) => c.orgId),
  );
  if (rated.length === 0) return void (await ctx.reply(ctx.t("orgs.none")));
  const shown = pageOf(rated, page, ORGS_PER_PAGE);
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("orgs.title")];
  for (const r of shown.items) {
    const words = {
      org: r.orgName,
      year: r.score.year,
      total: r.score.total,
      level: describeOrgLevel(ctx.t, r.score.level, r.score.exemplary, r.score.rulebookId),
    };
    lines.push(ctx.t("orgs.line", { ...words, state: ctx.t(`orgs.state.${r.score.state}`) }));
    keyboard.text(ctx.t("orgs.button.show", words), orgRatings.pack({ kind: "show", scoreId: r.score.id })).row();
  }
  // O6 (NO1 under 366): each committee's share, so the choice among the organizations is made knowing the numbers.
  for (const c of committees) {
    const newest = rated.find((r) => r.parentId === c.orgId)?.score;
    if (newest === undefined) continue;
    const { year, rulebookId } = newest;
    if (getRulebook(rulebookId).org.score) {
      const cap = await orgCapStanding(ctx.deps.db, c.orgId, year, rulebookId);
      if (cap.rule)
        lines.push(
          ctx.t("orgs.cap_line", { org: c.orgName, year, ...orgCapWords(ctx.t, orgCapFigures(cap.standing, cap.rule), cap.rule) }),
        );
      else lines.push(ctx.t("orgs.error.cap_mixed"));
      continue;
    }
    const { tsvm, exemplary, quota } = await exemplaryStanding(ctx.deps.db, c.orgId, year);
    lines.push(ctx.t("orgs.quota_line", { org: c.orgName, year, tsvm, exemplary, quota }));
  }
  addPageButtons(keyboard, ctx.t, shown, (p) => orgRatings.pack({ kind: "page", page: p }));
  if (turn) await ctx.editMessageText(lines.join("\n"), { reply_markup: keyboard });
  else await replyInParts(ctx, lines.join("\n"), keyboard);
}

type FoundVersion = NonNullable<Awaited<ReturnType<typeof orgScoreVersion>>>;

/** One rating: the level and why, the figures, the actions, and what the committee may do with it. */
async function showRating(ctx: BotContext, found: FoundVersion) {
  const { score } = found;
  const words = { orgName: found.orgName, ...score };
  const decides = getRulebook(score.rulebookId).org.score !== null;
  const lines = [
    describeOrgRating(ctx.t, words, ctx.lang, ctx.deps.timeZone),
    ctx.t(`orgs.state_line`, { state: ctx.t(`orgs.state.${score.state}`) }),
  ];
  if (score.revokeReason) lines.push(ctx.t("orgs.revoke_reason", { why: score.revokeReason }));
  // O5's actions are asked under 2011 only.
  if (!decides) lines.push(ctx.t("orgs.actions", { actions: score.hcmActions ?? ctx.t("orgs.no_actions") }));
  if (!found.latest) lines.push(ctx.t("orgs.error.stale"));
  const keyboard = new InlineKeyboard();
  if (found.latest && score.state === "proposed")
    keyboard.text(ctx.t("orgs.button.ok"), orgRatings.pack({ kind: "ok", scoreId: score.id }));
  // NO2: the level above decides; otherwise than proposed it says why.
  if (found.latest && score.state === "proposed" && decides)
    keyboard.text(ctx.t("orgs.button.other"), orgRatings.pack({ kind: "other", scoreId: score.id }));
  if (found.latest && score.state !== "revoked") keyboard.text(ctx.t("orgs.button.no"), orgRatings.pack({ kind: "no", scoreId: score.id }));
  if (found.latest && score.state === "recognized" && score.level === "tsvm" && !decides)
    keyboard
      .row()
      .text(ctx.t(score.exemplary ? "orgs.button.unstar" : "orgs.button.star"), orgRatings.pack({ kind: "star", scoreId: score.id }));
  await replyInParts(ctx, lines.join("\n"), keyboard);
}

/** NO2: a proposed 366 rating the level above may decide otherwise (the press was checked against its parent). */
function decidable(found: FoundVersion): boolean {
  return found.latest && found.score.state === "proposed" && getRulebook(found.score.rulebookId).org.score !== null;
}

/** NO2: the levels other than the one proposed. */
async function chooseOtherLevel(ctx: BotContext, found: FoundVersion) {
  if (!decidable(found)) return void (await ctx.reply(ctx.t("orgs.error.stale")));
  const { score } = found;
  const keyboard = new InlineKeyboard();
  for (const other of ORG_LEVELS.filter((l) => l !== score.level))
    keyboard
      .text(describeOrgLevel(ctx.t, other, false, score.rulebookId), orgRatings.pack({ kind: "to", scoreId: score.id, level: other }))
      .row();
  const level = describeOrgLevel(ctx.t, score.level, false, score.rulebookId);
  await ctx.reply(ctx.t("orgs.choose_other", { org: found.orgName, year: score.year, level, total: score.total }), {
    reply_markup: keyboard,
  });
}

/** The reason's dialog: a revocation, or (with `level`, NO2) a decision otherwise. */
async function startRevoke(ctx: BotContext, found: FoundVersion, level?: OrgLevel) {
  if (level && !decidable(found)) return void (await ctx.reply(ctx.t("orgs.error.stale")));
  const { score } = found;
  const args: OrgRevokeArgs = {
    lang: ctx.lang,
    scoreId: score.id,
    orgId: found.orgId,
    orgName: found.orgName,
    year: score.year,
    levelText: describeOrgLevel(ctx.t, score.level, score.exemplary, score.rulebookId),
    ...(level ? { decide: { level, proposed: score.level, rulebookId: score.rulebookId } } : {}),
  };
  await ctx.conversation.enter(ORG_REVOKE, args);
}
