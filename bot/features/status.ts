// /status: a branch's counts and who is in each state (by party group, M6; long lists paged) for its secretary and
// committee; one line per subordinate organization for a committee (./status-committee.ts); their own state and result for a member.
import { Composer, InlineKeyboard } from "grammy";
import { branchStatus, submissionStateAt, toMs, type BranchStatus, type StatusMember } from "../../domain";
import { quarterCounts } from "../../store/quarter-status";
import { loadStatusInputs } from "../../store/status";
import { LIST_STATES, statusList, upperPage, type ListState } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { describeOutcome } from "../kit/describe-result";
import { scoreWords } from "../kit/rulebook-words";
import { formatInstant } from "../kit/format-date";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { replyInParts } from "../kit/outgoing";
import { BRANCH_KINDS, committeesOf, orgsWithRole } from "../roles";
import { showCommittee } from "./status-committee";

const NAMES_PER_PAGE = 40;

export function statusFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("status", async (ctx) => {
    const branch = orgsWithRole(ctx, ["secretary", "committee"], BRANCH_KINDS)[0];
    const upper = committeesOf(ctx)[0];
    if (branch) await showBranch(ctx, branch.orgId);
    else if (upper) await showCommittee(ctx, upper);
    // A person's own review state, whatever other roles they hold (under the branch view when they have one).
    const membership = ctx.identity.memberships[0];
    if (membership) return showMember(ctx, membership.orgId, membership.memberId, Boolean(branch || upper));
    if (!branch && !upper) await ctx.reply(ctx.t("status.nothing"));
  });
  onButton(feature, statusList, async (ctx, { state, page }) => {
    await ctx.answerCallbackQuery();
    const branch = orgsWithRole(ctx, ["secretary", "committee"], BRANCH_KINDS)[0];
    if (branch) await showList(ctx, branch.orgId, state, page);
  });
  onButton(feature, upperPage, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    const upper = committeesOf(ctx)[0];
    if (upper) await showCommittee(ctx, upper, page);
  });
  return feature;
}

async function load(ctx: BotContext, orgId: string) {
  const now = ctx.deps.clock().toISOString();
  const inputs = await loadStatusInputs(ctx.deps.db, orgId, { at: now, offsetMinutes: ctx.deps.timeZone.offsetMinutes });
  if (!inputs) return null;
  return { inputs, status: branchStatus({ members: inputs.members, deadline: inputs.period.selfReviewDeadline, now }) };
}

/** Under RULES-2025 the committee appraises instead of counting ballots, and N1 leaves more members out. */
function countsText(ctx: BotContext, s: BranchStatus["counts"], procedure: "ballot" | "appraisal"): string {
  const { rated, ...rest } = s;
  const labels = {
    countedLabel: ctx.t(`status.counts_label.${procedure}.counted`),
    notEvaluatedLabel: ctx.t(`status.counts_label.${procedure}.not_evaluated`),
    // N4: under 366 the lowest level is "không hoàn thành nhiệm vụ", with no "vi phạm tư cách".
    l4Label: ctx.t(`status.counts_label.${procedure}.l4`),
  };
  // Absence from the meeting defers a 2011 vote (M10); under 366 nobody records it, so the line is left out.
  const deferredLine = procedure === "ballot" ? ctx.t("status.deferred_line", { deferred: s.deferred }) : "";
  return ctx.t("status.counts", { ...rest, ...labels, deferredLine, l1: rated.L1, l2: rated.L2, l3: rated.L3, l4: rated.L4 });
}

async function showBranch(ctx: BotContext, orgId: string) {
  const loaded = await load(ctx, orgId);
  const orgName = orgsWithRole(ctx, ["secretary", "committee"]).find((o) => o.orgId === orgId)?.orgName ?? "";
  if (!loaded) return void (await ctx.reply(ctx.t("status.no_period", { org: orgName })));
  const { inputs, status } = loaded;
  const quarters = await quarterCounts(ctx.deps.db, orgId, inputs.period.year);
  const shown = quarters.find((q) => q.periodId === inputs.period.id);
  const title = shown
    ? ctx.t("status.branch_title_quarter", { org: inputs.orgName, year: inputs.period.year, quarter: shown.quarter })
    : ctx.t("status.branch_title", { org: inputs.orgName, year: inputs.period.year });
  const lines = [title, "", countsText(ctx, status.counts, inputs.procedure)];
  if (quarters.length > 0) lines.push("", ...quarterLines(ctx, inputs.period.year, quarters, shown?.periodId));
  const grouped = status.groups.some((g) => g.group !== null);
  if (grouped) {
    lines.push("");
    for (const g of status.groups) lines.push(ctx.t("status.group_line", { group: g.group ?? ctx.t("status.no_group"), ...g.counts }));
  }
  const keyboard = new InlineKeyboard();
  LIST_STATES.forEach((state) => {
    const count = status.members[state].length;
    if (count > 0)
      keyboard
        .text(ctx.t("status.button.list", { state: ctx.t(`status.state.${state}`), count }), statusList.pack({ state, page: 0 }))
        .row();
  });
  lines.push("", ctx.t("status.choose_list"));
  await replyInParts(ctx, lines.join("\n"), keyboard);
}

/**
 * N10: the year's quarterly periods, each with its submitted (and late) self-reviews and deadline, whether it is
 * closed, and its results by level (the quarters feed the year's: shown beside it, counted in nothing).
 */
function quarterLines(ctx: BotContext, year: number, quarters: Awaited<ReturnType<typeof quarterCounts>>, shownId?: string): string[] {
  return [
    ctx.t("status.quarters_heading", { year }),
    ...quarters.map((q) => {
      const line = ctx.t(q.periodId === shownId ? "status.quarter_line_shown" : "status.quarter_line", {
        quarter: q.quarter,
        submitted: q.submitted,
        late: q.late,
        deadline: formatInstant(q.selfReviewDeadline, ctx.lang, ctx.deps.timeZone),
      });
      const { L1, L2, L3, L4 } = q.levels;
      const levels = L1 + L2 + L3 + L4 > 0 ? ` ${ctx.t("status.quarter_levels", { l1: L1, l2: L2, l3: L3, l4: L4 })}` : "";
      return `${line}${q.closed ? ` ${ctx.t("status.quarter_closed")}` : ""}${levels}`;
    }),
  ];
}

async function showList(ctx: BotContext, orgId: string, state: ListState, page: number) {
  const loaded = await load(ctx, orgId);
  if (!loaded) return;
  const { inputs, status } = loaded;
  const byId = new Map(inputs.members.map((m) => [m.id, m]));
  const members = status.members[state].map((id) => byId.get(id)!);
  const { items, current, pages } = pageOf(members, page, NAMES_PER_PAGE);
  const lines = [
    ctx.t("status.list_title", {
      state: ctx.t(`status.state.${state}`),
      org: inputs.orgName,
      count: members.length,
      page: current + 1,
      pages,
    }),
  ];
  lines.push(...namesByGroup(ctx, items));
  const keyboard = addPageButtons(new InlineKeyboard(), ctx.t, { current, pages }, (p) => statusList.pack({ state, page: p }));
  await replyInParts(ctx, lines.join("\n"), keyboard);
}

/** M6: names under their party group's heading when the branch has groups. */
function namesByGroup(ctx: BotContext, members: StatusMember[]): string[] {
  const groups = new Map<string | null, string[]>();
  for (const m of members) {
    const key = m.group ?? null;
    groups.set(key, [...(groups.get(key) ?? []), m.name]);
  }
  if (groups.size === 1 && groups.has(null)) return members.map((m) => `• ${m.name}`);
  return [...groups].flatMap(([group, names]) => [
    ctx.t("status.group_heading", { group: group ?? ctx.t("status.no_group") }),
    ...names.map((n) => `• ${n}`),
  ]);
}

/** `underRoleView`: shown after a branch or upper view, titled as the person's own part, and silent without a period. */
async function showMember(ctx: BotContext, orgId: string, memberId: string, underRoleView = false) {
  const now = ctx.deps.clock().toISOString();
  const inputs = await loadStatusInputs(ctx.deps.db, orgId, { at: now, offsetMinutes: ctx.deps.timeZone.offsetMinutes });
  const me = inputs?.members.find((m) => m.id === memberId);
  if (!inputs || !me) {
    if (!underRoleView) await ctx.reply(ctx.t("status.no_period", { org: ctx.identity.memberships[0]?.orgName ?? "" }));
    return;
  }
  const state = submissionStateAt(me.status, me.review, me.absent, toMs(inputs.period.selfReviewDeadline), toMs(now));
  const words = inputs.procedure === "appraisal" ? scoreWords(ctx.t) : ctx.t;
  const result = me.outcome && me.resultState === "recognized" ? describeOutcome(words, me.outcome) : ctx.t("status.no_result");
  const text = ctx.t("status.member", {
    name: me.name,
    org: inputs.orgName,
    year: inputs.period.year,
    state: ctx.t(`status.state.${state}`),
    result,
  });
  await ctx.reply(underRoleView ? `${ctx.t("status.own_title")}\n${text}` : text);
}
