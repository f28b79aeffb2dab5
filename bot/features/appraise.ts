// /appraise (N7 step 2, RULES-2025): the branch committee — its secretary or a committee member — or a person the
// secretary assigned in the period lists the members with their self-scores and how far the appraisal has come, and
// opens one member's appraisal (the dialog in conversations/appraise.ts). Only in a period whose rulebook rates by
// appraisal; every press reads the right again (store/authority.ts appraiseRight) against the member's branch.
import { Composer, InlineKeyboard } from "grammy";
import { APPRAISE, appraiseConversation, type AppraiseArgs } from "../../conversations/appraise";
import { getRulebook } from "../../domain";
import { appraisalBoard, type BoardEntry } from "../../store/appraisals";
import { assignedAppraisers } from "../../store/appraiser-assignments";
import { appraiseRight, mayAppraise } from "../../store/authority";
import { currentPeriod, type PeriodRow } from "../../store/periods";
import { memberBranch } from "../../store/tallies";
import { appraiseBoard } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { describeOutcome } from "../kit/describe-result";
import { wordsOf } from "../kit/rulebook-words";
import type { Translate } from "../kit/i18n";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { replyInParts } from "../kit/outgoing";
import { BRANCH_KINDS, orgsWithRole, refuse } from "../roles";
import { appraisalPeriod } from "./appraisal-period";
import { addAssignButtons, appraiserAssignFeature } from "./appraiser-assign";
import { dialog } from "./dialog";

const PAGE_SIZE = 20;
const APPRAISERS = ["secretary", "committee"] as const;
/** Who /appraise is for, as a refusal names them. */
const REFUSED = [...APPRAISERS, "appraiser"] as const;

type Board = { orgId: string; orgName: string; period: PeriodRow };

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(appraiseConversation, APPRAISE)];

export function appraiseFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("appraise", async (ctx) => {
    const board = await boardOf(ctx);
    if (board) await showBoard(ctx, board, 0);
  });
  onButton(feature, appraiseBoard, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "page") {
      const board = await boardOf(ctx);
      return board && showBoard(ctx, board, button.page, true);
    }
    // Button data is user input: the member (and so the branch and its period) is looked up here, the right read now.
    const place = await memberBranch(ctx.deps.db, button.memberId);
    const period = place && (await currentPeriod(ctx.deps.db, place.orgId));
    const right = period
      ? await appraiseRight(ctx.deps.db, ctx.identity.userId, { periodId: period.id, memberId: button.memberId })
      : "none";
    if (right === "own-entry") return ctx.reply(ctx.t("appraise.own_entry"));
    if (!period || !mayAppraise(right)) return refuse(ctx, REFUSED);
    if (getRulebook(period.rulebookId).procedure !== "appraisal")
      return ctx.reply(ctx.t("appraise.not_this_rulebook", { year: period.year }));
    const args: AppraiseArgs = {
      lang: ctx.lang,
      periodId: period.id,
      rulebookId: period.rulebookId,
      memberId: button.memberId,
      timeZone: ctx.deps.timeZone,
    };
    await ctx.conversation.enter(APPRAISE, args);
  });
  feature.use(appraiserAssignFeature());
  return feature;
}

/**
 * The branch whose board the sender sees: where they are the secretary or on the committee (their newest), else a
 * branch of theirs whose current period they are assigned in; or the refusal.
 */
async function boardOf(ctx: BotContext): Promise<Board | null> {
  const [held] = orgsWithRole(ctx, APPRAISERS, BRANCH_KINDS);
  if (held) {
    const period = await appraisalPeriod(ctx, held.orgId, held.orgName);
    return period && { orgId: held.orgId, orgName: held.orgName, period };
  }
  for (const own of ctx.identity.memberships) {
    const period = await currentPeriod(ctx.deps.db, own.orgId);
    if (!period || !mayAppraise(await appraiseRight(ctx.deps.db, ctx.identity.userId, { periodId: period.id }))) continue;
    const appraising = await appraisalPeriod(ctx, own.orgId, own.orgName);
    return appraising && { orgId: own.orgId, orgName: own.orgName, period: appraising };
  }
  if (orgsWithRole(ctx, APPRAISERS).length > 0) await ctx.reply(ctx.t("roles.no-branch"));
  else await refuse(ctx, REFUSED);
  return null;
}

/** One member's line: the self-score (total and proposed level) and the steps done. */
function entryLine(t: Translate, e: BoardEntry, index: number): string {
  const self = e.selfScore;
  const selfWords = !self.submitted
    ? t("appraise.list.not_submitted")
    : t("appraise.list.submitted", {
        total: self.total ?? "—",
        level: self.proposed ? t(`rating.short.${self.proposed}`) : "—",
      });
  const state =
    e.resultState && e.outcome
      ? t("appraise.list.proposed", { outcome: describeOutcome(t, e.outcome), state: t(`rating.state.${e.resultState}`) })
      : e.appraised
        ? t("appraise.list.appraised")
        : t("appraise.list.waiting");
  return `${index}. ${e.fullName}: ${selfWords}; ${state}`;
}

async function showBoard(ctx: BotContext, { orgId, orgName, period }: Board, page: number, edit = false) {
  const entries = await appraisalBoard(ctx.deps.db, period.id);
  if (entries.length === 0) return void (await ctx.reply(ctx.t("tally.no_members", { org: orgName })));
  const shown = pageOf(entries, page, PAGE_SIZE);
  const first = shown.current * PAGE_SIZE;
  const proposed = entries.filter((e) => e.resultState !== null).length;
  const text = [
    ctx.t("appraise.list.title", {
      org: orgName,
      year: period.year,
      proposed,
      total: entries.length,
      page: shown.current + 1,
      pages: shown.pages,
    }),
    ...shown.items.map((e, i) => entryLine(wordsOf(ctx.t, period.rulebookId), e, first + i + 1)),
    "",
    ctx.t("appraise.list.explain"),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const e of shown.items) keyboard.text(e.fullName, appraiseBoard.pack({ kind: "member", memberId: e.memberId })).row();
  addPageButtons(keyboard, ctx.t, shown, (p) => appraiseBoard.pack({ kind: "page", page: p }));
  // The secretary's choices (the assignment is checked again on each press of them).
  if (orgsWithRole(ctx, ["secretary"]).some((o) => o.orgId === orgId))
    addAssignButtons(keyboard.row(), ctx.t, (await assignedAppraisers(ctx.deps.db, period.id)).length);
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await replyInParts(ctx, text, keyboard);
}
