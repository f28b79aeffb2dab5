// M8, revised Decision: a base committee's L1 cap across its branches. /recognize shows each committee's figure and
// cut; its members apply the cut or choose who keeps L1 in a tie. Every press is checked against the committee that
// owns the target, read from the store (button data is user input).
import { Composer } from "grammy";
import { sharePercent } from "../../domain";
import { capCommitteeOf } from "../../store/branch-cap-unit";
import { belongsToOrg, holdsRoleOver } from "../../store/authority";
import {
  applyCommitteeCut,
  capUnitOfPeriod,
  chooseCommitteeKeeper,
  loadCommitteeCap,
  openCapYears,
  type CommitteeCapView,
  type CutChanges,
} from "../../store/committee-cap";
import { usersWithRole } from "../../store/orgs";
import { currentPeriod } from "../../store/periods";
import { memberBranch } from "../../store/tallies";
import { committeeCapButton } from "../kit/buttons";
import { branchCapPreview, committeeCapMessage } from "../kit/committee-cap-words";
import type { BotContext } from "../kit/context";
import type { Translate } from "../kit/i18n";
import { notify } from "../kit/notify";
import { onButton, type ButtonContext } from "../kit/on-button";
import { replyInParts } from "../kit/outgoing";
import { committeesOf, refuse } from "../roles";

const COMMITTEE_ROLES = ["secretary", "committee"] as const;

export function committeeCapFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onButton(feature, committeeCapButton, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "keep") return keepL1(ctx, button.memberId);
    const view = await committeeView(ctx, button.committeeId, button.year);
    if (!view) return;
    if (button.kind === "page")
      return void (await ctx.editMessageReplyMarkup({ reply_markup: committeeCapMessage(ctx.t, view, button.page).keyboard }));
    const { clock, db, timeZone } = ctx.deps;
    const cut = await applyCommitteeCut(
      db,
      { committeeId: view.committeeId, year: view.year, actorId: ctx.identity.userId },
      clock(),
      timeZone.offsetMinutes,
    );
    await ctx.reply(ctx.t(cut.applied ? "cap_committee.applied" : "cap_committee.stale"));
    if (cut.view) await sendView(ctx, cut.view);
    if (cut.view) await tellBranches(ctx, cut.view, cut.changed);
  });
  return feature;
}

/** Each base committee where the sender sits: its figure for every year with open periods, when it has L1 candidates. */
export async function showCommitteeCaps(ctx: BotContext): Promise<void> {
  const committees = committeesOf(ctx).filter((c) => c.orgKind === "base-committee");
  for (const committee of committees)
    for (const year of await openCapYears(ctx.deps.db, committee.orgId)) {
      const view = await loadView(ctx, committee.orgId, year);
      if (view && view.candidates.length > 0) await sendView(ctx, view);
    }
}

/** A branch's preview against its base committee's figure, or null when the branch counts its own cap. */
export async function committeeCapPreview(ctx: BotContext, periodId: string, branchId: string): Promise<string | null> {
  const unit = await capUnitOfPeriod(ctx.deps.db, periodId);
  const view = unit && (await loadView(ctx, unit.committeeId, unit.year));
  return view ? branchCapPreview(ctx.t, view, branchId) : null;
}

function loadView(ctx: BotContext, committeeId: string, year: number) {
  const { db, clock, timeZone } = ctx.deps;
  return loadCommitteeCap(db, committeeId, year, { at: clock().toISOString(), offsetMinutes: timeZone.offsetMinutes });
}

async function sendView(ctx: BotContext, view: CommitteeCapView) {
  const { text, keyboard } = committeeCapMessage(ctx.t, view);
  await replyInParts(ctx, text, keyboard);
}

/** The committee's figure, when the sender holds a seat on that base committee now; otherwise a refusal. */
async function committeeView(ctx: ButtonContext, committeeId: string, year: number): Promise<CommitteeCapView | null> {
  if (!(await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { org: committeeId }, COMMITTEE_ROLES))) {
    await refuse(ctx, ["upper"]);
    return null;
  }
  const view = await loadView(ctx, committeeId, year);
  if (!view) await ctx.reply(ctx.t("cap_committee.stale"));
  return view;
}

/**
 * A committee member keeps one tied member at L1. Refused to whoever holds a role in, or is on the roster of, a
 * branch with someone in the tie: nobody decides their own branch's results (issue 12).
 */
async function keepL1(ctx: ButtonContext, memberId: string) {
  const { db, clock, timeZone } = ctx.deps;
  const place = await memberBranch(db, memberId);
  const committeeId = place && (await capCommitteeOf(db, place.orgId));
  const period = place && (await currentPeriod(db, place.orgId));
  if (!place || !committeeId || !period) return void (await ctx.reply(ctx.t("cap_committee.stale")));
  const view = await committeeView(ctx, committeeId, period.year);
  if (!view) return;
  if (view.state !== "tie" || !view.tie?.candidates.includes(memberId)) return void (await ctx.reply(ctx.t("cap_committee.stale")));
  const tiedBranches = new Set(view.tie.candidates.map((id) => view.people.get(id)!.branchId));
  for (const branchId of tiedBranches)
    if (await belongsToOrg(db, ctx.identity.userId, branchId)) return void (await ctx.reply(ctx.t("cap_committee.own_refused")));
  const { outcome, changed } = await chooseCommitteeKeeper(
    db,
    { committeeId, year: period.year, memberId, actorId: ctx.identity.userId },
    clock(),
    timeZone.offsetMinutes,
  );
  if (outcome === "chosen") return void (await ctx.reply(ctx.t("cap_committee.chosen", { name: place.fullName })));
  // N6: under 366 the tie was one of equal points.
  const context = view.rule?.openPoints ? { context: "score" } : {};
  await ctx.reply(outcome === "done" ? ctx.t("cap_committee.done", context) : ctx.t("cap_committee.stale"));
  const after = await loadView(ctx, committeeId, period.year);
  if (after) await sendView(ctx, after);
  if (after) await tellBranches(ctx, after, changed);
}

/** The secretaries of the branches whose members the cut moved: their /results shows who and why. */
async function tellBranches(ctx: BotContext, view: CommitteeCapView, changed: CutChanges) {
  const { db, clock } = ctx.deps;
  for (const { branchId, members } of changed) {
    const secretaries = await usersWithRole(db, branchId, ["secretary"]);
    const words = { committee: view.committeeName, year: view.year, count: members, percent: view.share ? sharePercent(view.share) : 0 };
    const text = (t: Translate) => t("cap_committee.branch_notice", words);
    await notify(ctx.api, db, secretaries, (t) => ({ text: text(t) }), clock());
  }
}
