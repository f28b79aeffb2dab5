// /discipline (M9): the branch secretary picks a member (paged buttons, or the name typed after the command), sees
// the decisions of discipline on record, records a new one (the dialog in conversations/discipline.ts) or removes
// one entered by mistake. Every press checks the secretary's role against the member's branch, read from the store.
import { Composer, InlineKeyboard } from "grammy";
import { reportPass } from "../../conversations/tally-report";
import { DISCIPLINE, disciplineConversation, type DisciplineArgs } from "../../conversations/discipline";
import { DEFAULT_RULEBOOK_ID, foldVietnamese } from "../../domain";
import { holdsRoleOver } from "../../store/authority";
import {
  branchDisciplineList,
  disciplineOwner,
  recordedDisciplines,
  removeDiscipline,
  type DisciplineListEntry,
} from "../../store/disciplines";
import { currentPeriod } from "../../store/periods";
import { evaluateBranch } from "../../store/results";
import { memberBranch } from "../../store/tallies";
import { requireBranchRole } from "../branch-role";
import { disciplineBoard } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { describeDecision } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { refuse } from "../roles";
import { dialog } from "./dialog";

const PAGE_SIZE = 20;
const SECRETARY = ["secretary"] as const;

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(disciplineConversation, DISCIPLINE)];

export function disciplineFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("discipline", async (ctx) => {
    const branch = await requireBranchRole(ctx, SECRETARY);
    if (!branch) return;
    const members = await branchDisciplineList(ctx.deps.db, branch.orgId);
    if (members.length === 0) return void (await ctx.reply(ctx.t("discipline.no_members", { org: branch.orgName })));
    const typed = foldVietnamese(ctx.match);
    if (!typed)
      return void (await ctx.reply(listText(ctx.t, branch.orgName, members, 0), { reply_markup: listKeyboard(ctx.t, members, 0) }));
    const found = members.filter((m) => foldVietnamese(m.fullName).includes(typed));
    if (found.length === 1) return showMember(ctx, found[0]!.memberId);
    if (found.length === 0) return void (await ctx.reply(ctx.t("discipline.not_found", { name: ctx.match.trim(), org: branch.orgName })));
    await ctx.reply(ctx.t("discipline.several", { name: ctx.match.trim(), count: found.length }), {
      reply_markup: listKeyboard(ctx.t, found, 0),
    });
  });
  onButton(feature, disciplineBoard, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "page") {
      const branch = await requireBranchRole(ctx, SECRETARY);
      if (!branch) return;
      const members = await branchDisciplineList(ctx.deps.db, branch.orgId);
      return ctx.editMessageText(listText(ctx.t, branch.orgName, members, button.page), {
        reply_markup: listKeyboard(ctx.t, members, button.page),
      });
    }
    // Button data is user input: the member (and so the branch) is looked up here, the role checked against it now.
    const owner =
      button.kind === "member" || button.kind === "add"
        ? { memberId: button.memberId }
        : await disciplineOwner(ctx.deps.db, button.disciplineId);
    if (!owner || !(await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { member: owner.memberId }, SECRETARY)))
      return refuse(ctx, SECRETARY);
    if (button.kind === "member") return showMember(ctx, owner.memberId, true);
    if (button.kind === "add") return startRecording(ctx, owner.memberId);
    return button.kind === "remove"
      ? askRemoval(ctx, owner.memberId, button.disciplineId)
      : remove(ctx, owner.memberId, button.disciplineId);
  });
  return feature;
}

function listText(t: Translate, orgName: string, members: DisciplineListEntry[], page: number): string {
  const shown = pageOf(members, page, PAGE_SIZE);
  return t("discipline.choose", { org: orgName, page: shown.current + 1, pages: shown.pages });
}

function listKeyboard(t: Translate, members: DisciplineListEntry[], page: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const shown = pageOf(members, page, PAGE_SIZE);
  for (const m of shown.items) {
    const label = m.decisions > 0 ? t("discipline.member_with", { name: m.fullName, count: m.decisions }) : m.fullName;
    keyboard.text(label, disciplineBoard.pack({ kind: "member", memberId: m.memberId })).row();
  }
  return addPageButtons(keyboard, t, shown, (p) => disciplineBoard.pack({ kind: "page", page: p }));
}

/** A member's decisions on record, with the buttons to record another or remove one. */
async function showMember(ctx: BotContext, memberId: string, edit = false) {
  const member = await memberBranch(ctx.deps.db, memberId);
  if (!member) return;
  const decisions = await recordedDisciplines(ctx.deps.db, { memberId });
  const lines = decisions.map((d, i) => `${i + 1}. ${describeDecision(ctx.t, d)}`);
  const text = [
    ctx.t("discipline.member_title", { name: member.fullName }),
    ...(lines.length > 0 ? lines : [ctx.t("discipline.none")]),
    "",
    ctx.t("discipline.explain"),
  ].join("\n");
  const keyboard = new InlineKeyboard().text(ctx.t("discipline.button.add"), disciplineBoard.pack({ kind: "add", memberId })).row();
  for (const [i, d] of decisions.entries()) {
    const label = ctx.t("discipline.button.remove", { index: i + 1, level: ctx.t(`rating.discipline.${d.level}`) });
    keyboard.text(label, disciplineBoard.pack({ kind: "remove", disciplineId: d.id })).row();
  }
  keyboard.text(ctx.t("discipline.button.back"), disciplineBoard.pack({ kind: "page", page: 0 }));
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}

async function startRecording(ctx: BotContext, memberId: string) {
  const member = (await memberBranch(ctx.deps.db, memberId))!;
  const period = await currentPeriod(ctx.deps.db, member.orgId);
  const args: DisciplineArgs = {
    lang: ctx.lang,
    orgId: member.orgId,
    memberId,
    memberName: member.fullName,
    rulebookId: period?.rulebookId ?? DEFAULT_RULEBOOK_ID,
    periodId: period?.id ?? null,
    year: period?.year ?? null,
    timeZone: ctx.deps.timeZone,
  };
  await ctx.conversation.enter(DISCIPLINE, args);
}

/** The decision as it stands on record, or null once removed. */
async function decisionOf(ctx: BotContext, memberId: string, disciplineId: string) {
  return (await recordedDisciplines(ctx.deps.db, { memberId })).find((d) => d.id === disciplineId) ?? null;
}

async function askRemoval(ctx: BotContext, memberId: string, disciplineId: string) {
  const decision = await decisionOf(ctx, memberId, disciplineId);
  if (!decision) return void (await ctx.reply(ctx.t("discipline.already_removed")));
  const name = (await memberBranch(ctx.deps.db, memberId))?.fullName ?? "";
  const keyboard = new InlineKeyboard().text(
    ctx.t("discipline.button.remove_confirm"),
    disciplineBoard.pack({ kind: "confirm", disciplineId }),
  );
  await ctx.reply(ctx.t("discipline.remove_ask", { name, decision: describeDecision(ctx.t, decision) }), { reply_markup: keyboard });
}

/** Removes a decision entered by mistake (kept, marked removed and audited), then re-rates the branch. */
async function remove(ctx: BotContext, memberId: string, disciplineId: string) {
  const { db, clock } = ctx.deps;
  const decision = await decisionOf(ctx, memberId, disciplineId);
  const member = (await memberBranch(db, memberId))!;
  if (!decision || !(await removeDiscipline(db, disciplineId, ctx.identity.userId, clock()))) {
    return void (await ctx.reply(ctx.t("discipline.already_removed")));
  }
  const period = await currentPeriod(db, member.orgId);
  if (period) {
    const pass = await evaluateBranch(db, { periodId: period.id, actorId: ctx.identity.userId }, clock(), ctx.deps.timeZone.offsetMinutes);
    await reportPass(ctx.api, db, member.orgId, pass, clock());
  }
  await ctx.reply(ctx.t("discipline.removed", { name: member.fullName, decision: describeDecision(ctx.t, decision) }));
}
