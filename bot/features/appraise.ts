// /appraise (N7 step 2, RULES-2025): the branch committee — its secretary or a committee member — lists the members
// with their self-scores and how far the appraisal has come, and opens one member's appraisal (the dialog in
// conversations/appraise.ts). Only in a period whose rulebook rates by appraisal; every press checks the role
// against the member's branch, read from the store.
import { Composer, InlineKeyboard } from "grammy";
import { APPRAISE, appraiseConversation, type AppraiseArgs } from "../../conversations/appraise";
import { getRulebook } from "../../domain";
import { appraisalBoard, type BoardEntry } from "../../store/appraisals";
import { holdsRoleOver } from "../../store/authority";
import { currentPeriod, type PeriodRow } from "../../store/periods";
import { memberBranch } from "../../store/tallies";
import { requireBranchRole } from "../branch-role";
import { appraiseBoard } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { describeOutcome } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { replyInParts } from "../kit/outgoing";
import { orgsWithRole, refuse } from "../roles";
import { dialog } from "./dialog";

const PAGE_SIZE = 20;
const APPRAISERS = ["secretary", "committee"] as const;

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(appraiseConversation, APPRAISE)];

export function appraiseFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("appraise", async (ctx) => {
    const branch = await requireBranchRole(ctx, APPRAISERS);
    const period = branch && (await appraisalPeriod(ctx, branch.orgId, branch.orgName));
    if (!branch || !period) return;
    await showBoard(ctx, branch.orgName, period, 0);
  });
  onButton(feature, appraiseBoard, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "page") {
      const branch = await requireBranchRole(ctx, APPRAISERS);
      const period = branch && (await appraisalPeriod(ctx, branch.orgId, branch.orgName));
      if (!branch || !period) return;
      return showBoard(ctx, branch.orgName, period, button.page, true);
    }
    // Button data is user input: the member (and so the branch) is looked up here, the role checked against it now.
    const place = await memberBranch(ctx.deps.db, button.memberId);
    if (!place || !(await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { member: button.memberId }, APPRAISERS)))
      return refuse(ctx, APPRAISERS);
    const orgName = orgsWithRole(ctx, APPRAISERS).find((o) => o.orgId === place.orgId)?.orgName ?? "";
    const period = await appraisalPeriod(ctx, place.orgId, orgName);
    if (!period) return;
    const args: AppraiseArgs = {
      lang: ctx.lang,
      periodId: period.id,
      rulebookId: period.rulebookId,
      memberId: button.memberId,
      timeZone: ctx.deps.timeZone,
    };
    await ctx.conversation.enter(APPRAISE, args);
  });
  return feature;
}

/** The branch's current period when its rulebook rates by appraisal (366); otherwise the reason, said. */
async function appraisalPeriod(ctx: BotContext, orgId: string, orgName: string): Promise<PeriodRow | null> {
  const period = await currentPeriod(ctx.deps.db, orgId);
  if (!period) {
    await ctx.reply(ctx.t("tally.no_period", { org: orgName }));
    return null;
  }
  if (getRulebook(period.rulebookId).procedure !== "appraisal") {
    await ctx.reply(ctx.t("appraise.not_this_rulebook", { year: period.year }));
    return null;
  }
  return period;
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

async function showBoard(ctx: BotContext, orgName: string, period: PeriodRow, page: number, edit = false) {
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
    ...shown.items.map((e, i) => entryLine(ctx.t, e, first + i + 1)),
    "",
    ctx.t("appraise.list.explain"),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const e of shown.items) keyboard.text(e.fullName, appraiseBoard.pack({ kind: "member", memberId: e.memberId })).row();
  addPageButtons(keyboard, ctx.t, shown, (p) => appraiseBoard.pack({ kind: "page", page: p }));
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await replyInParts(ctx, text, keyboard);
}
