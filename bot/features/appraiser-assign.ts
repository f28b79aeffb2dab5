// N7 step 2, "or an assigned person" (RULES-2025): from /appraise's board the branch's secretary assigns members of
// the roster to appraise in the current period, or withdraws them; the person is told either way. Button data is
// user input: each press reads the member's branch, its current period and the secretary's role there again.
import { Composer, InlineKeyboard } from "grammy";
import { assignableEntries, assignAppraiser, assignedAppraisers, withdrawAppraiser } from "../../store/appraiser-assignments";
import { holdsRoleOver } from "../../store/authority";
import type { PeriodRow } from "../../store/periods";
import { memberBranch } from "../../store/tallies";
import { requireBranchRole } from "../branch-role";
import { appraiserPick } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import type { Translate } from "../kit/i18n";
import { notify } from "../kit/notify";
import { onButton } from "../kit/on-button";
import { replyInParts } from "../kit/outgoing";
import { addPageButtons, pageOf } from "../kit/paging";
import { orgsWithRole, refuse } from "../roles";
import { appraisalPeriod } from "./appraisal-period";

const PAGE_SIZE = 20;
const SECRETARY = ["secretary"] as const;

/** The board's secretary choices: assign someone, and (when some are assigned) withdraw. */
export function addAssignButtons(keyboard: InlineKeyboard, t: Translate, assigned: number): InlineKeyboard {
  keyboard.text(t("appraise.assign.button_pick"), appraiserPick.pack({ kind: "pick", page: 0 }));
  if (assigned > 0) keyboard.row().text(t("appraise.assign.button_held", { count: assigned }), appraiserPick.pack({ kind: "held" }));
  return keyboard;
}

export function appraiserAssignFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onButton(feature, appraiserPick, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "pick" || button.kind === "held") {
      const branch = await requireBranchRole(ctx, SECRETARY);
      const period = branch && (await appraisalPeriod(ctx, branch.orgId, branch.orgName));
      if (!branch || !period) return;
      return button.kind === "pick" ? showPick(ctx, branch.orgName, period, button.page) : showHeld(ctx, branch.orgName, period);
    }
    const { db, clock } = ctx.deps;
    const place = await memberBranch(db, button.memberId);
    if (!place || !(await holdsRoleOver(db, ctx.identity.userId, { org: place.orgId }, SECRETARY))) return refuse(ctx, SECRETARY);
    const org = orgsWithRole(ctx, SECRETARY).find((o) => o.orgId === place.orgId)?.orgName ?? "";
    const period = await appraisalPeriod(ctx, place.orgId, org);
    if (!period) return;
    const change = button.kind === "assign" ? assignAppraiser : withdrawAppraiser;
    const done = await change(db, { periodId: period.id, memberId: button.memberId, actorId: ctx.identity.userId }, clock());
    const words = { name: place.fullName, org, year: period.year };
    if (!done.ok) return ctx.reply(ctx.t(`appraise.assign.${button.kind}_unchanged`, words));
    await ctx.reply(ctx.t(`appraise.assign.${button.kind}_done`, words));
    await notify(ctx.api, db, [done.appraiser], (t) => ({ text: t(`appraise.assign.${button.kind}_notice`, words) }), clock()).catch(
      (error) => ctx.deps.log.warn({ code: (error as { error_code?: number }).error_code }, "appraiser notice not sent"),
    );
  });
  return feature;
}

/** A page of the roster members the secretary may assign. */
async function showPick(ctx: BotContext, org: string, period: PeriodRow, page: number) {
  const entries = await assignableEntries(ctx.deps.db, period.id);
  if (entries.length === 0) return void (await ctx.reply(ctx.t("appraise.assign.none_to_pick", { org })));
  const shown = pageOf(entries, page, PAGE_SIZE);
  const keyboard = new InlineKeyboard();
  for (const e of shown.items) keyboard.text(e.fullName, appraiserPick.pack({ kind: "assign", memberId: e.memberId })).row();
  addPageButtons(keyboard, ctx.t, shown, (p) => appraiserPick.pack({ kind: "pick", page: p }));
  const text = ctx.t("appraise.assign.pick_title", { org, year: period.year, page: shown.current + 1, pages: shown.pages });
  await replyInParts(ctx, text, keyboard);
}

/** The people assigned now, each to withdraw. */
async function showHeld(ctx: BotContext, org: string, period: PeriodRow) {
  const assigned = await assignedAppraisers(ctx.deps.db, period.id);
  if (assigned.length === 0) return void (await ctx.reply(ctx.t("appraise.assign.held_none", { org })));
  const keyboard = new InlineKeyboard();
  for (const a of assigned) keyboard.text(a.fullName, appraiserPick.pack({ kind: "withdraw", memberId: a.memberId })).row();
  await replyInParts(ctx, ctx.t("appraise.assign.held_title", { org, year: period.year }), keyboard);
}
