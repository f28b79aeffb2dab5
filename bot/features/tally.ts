// /tally: the paged member list (✓ counts entered, ✗ absent), each member's card (enter counts, absent from the
// meeting — M3, Ho Chi Minh actions presented and acknowledged by the meeting — M12), and the entry into the counts
// dialog.
import { Composer, InlineKeyboard } from "grammy";
import { reportPass } from "../../conversations/tally-report";
import { tallyConversation, TALLY, type TallyArgs } from "../../conversations/tally";
import { entrySlotFor, exemptOfficialsLeftOut, getRulebook, officialVoterCeiling, officialVoterCount } from "../../domain";
import { currentPeriod, getPeriod, type PeriodRow } from "../../store/periods";
import { awaitingHcmAcknowledgement, loadBranchInputs, type MemberInputs } from "../../store/rating-inputs";
import { evaluateBranch } from "../../store/results";
import { memberBranch, recordHcmPresented, setHcmAcknowledged, setMeetingAbsence } from "../../store/tallies";
import { progressLine } from "../../conversations/tally-progress";
import { tallyAllStart, tallyBoard } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";
import { requireBranchRole } from "../branch-role";
import { BRANCH_KINDS, orgsWithRole, refuse } from "../roles";
import { dialog } from "./dialog";

const PAGE_SIZE = 8;
const ENTRANTS = ["secretary", "committee"] as const;

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(tallyConversation, TALLY)];

export function tallyFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("tally", async (ctx) => {
    const org = await requireBranchRole(ctx, ENTRANTS);
    if (!org) return;
    const board = await loadBoard(ctx, org.orgId, org.orgName);
    if (board) await ctx.reply(board.text, { reply_markup: board.keyboard });
  });
  onButton(feature, tallyBoard, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    if (button.kind === "page") return showPage(ctx, button.page);
    if (button.kind === "ackall") return acknowledgeAll(ctx, button.periodId);
    const place = await memberBranch(ctx.deps.db, button.memberId);
    if (!place || !orgsWithRole(ctx, ENTRANTS).some((o) => o.orgId === place.orgId)) {
      await refuse(ctx, ENTRANTS);
      return;
    }
    await onMember(ctx, button.kind, button.memberId, place.orgId);
  });
  return feature;
}

type Board = { period: PeriodRow; members: MemberInputs[]; orgName: string; doubleEntry: boolean };

async function loadMembers(ctx: BotContext, orgId: string, orgName: string): Promise<Board | null> {
  const period = await currentPeriod(ctx.deps.db, orgId);
  if (!period) {
    await ctx.reply(ctx.t("tally.no_period", { org: orgName }));
    return null;
  }
  const inputs = await loadBranchInputs(ctx.deps.db, period.id, {
    at: ctx.deps.clock().toISOString(),
    offsetMinutes: ctx.deps.timeZone.offsetMinutes,
  });
  if (inputs.members.length === 0) {
    await ctx.reply(ctx.t("tally.no_members", { org: orgName }));
    return null;
  }
  return { period, members: inputs.members, orgName, doubleEntry: inputs.doubleEntry };
}

async function loadBoard(ctx: BotContext, orgId: string, orgName: string, page = 0) {
  const board = await loadMembers(ctx, orgId, orgName);
  if (!board) return null;
  const { items, current, pages } = pageOf(board.members, page, PAGE_SIZE);
  // Counting the whole branch at once is the short way: it comes first.
  const keyboard = new InlineKeyboard().text(ctx.t("tally_all.button.start"), tallyAllStart.pack({ orgId })).row();
  for (const m of items) {
    const mark = m.absent ? "✗ " : m.entries.length > 0 ? "✓ " : "";
    keyboard.text(`${mark}${m.fullName}`, tallyBoard.pack({ kind: "card", memberId: m.id })).row();
  }
  addPageButtons(keyboard, ctx.t, { current, pages }, (p) => tallyBoard.pack({ kind: "page", page: p }));
  const waiting = awaitingHcmAcknowledgement(board.members).length;
  if (waiting > 0)
    keyboard
      .row()
      .text(ctx.t("tally.button.ack_board", { count: waiting }), tallyBoard.pack({ kind: "ackall", periodId: board.period.id }));
  const text = `${ctx.t("tally.choose_member", { org: orgName, year: board.period.year, page: current + 1, pages })}\n${progressLine(ctx.t, board.members)}`;
  return { text, keyboard };
}

async function showPage(ctx: BotContext, page: number) {
  const org = orgsWithRole(ctx, ENTRANTS, BRANCH_KINDS)[0];
  if (!org) return void (await requireBranchRole(ctx, ENTRANTS));
  const board = await loadBoard(ctx, org.orgId, org.orgName, page);
  if (board) await ctx.editMessageText(board.text, { reply_markup: board.keyboard });
}

function cardText(ctx: BotContext, m: MemberInputs): string {
  return [
    ctx.t("tally.card.title", { name: m.fullName }),
    ctx.t(m.entries.length > 0 ? "tally.card.counted" : "tally.card.not_counted"),
    ...(m.absent ? [ctx.t("tally.card.absent")] : []),
    ctx.t(m.hcmActions ? "tally.card.hcm_yes" : "tally.card.hcm_no"),
    ctx.t(m.hcmAcknowledged ? "tally.card.ack_yes" : "tally.card.ack_no"),
  ].join("\n");
}

function cardKeyboard(ctx: BotContext, m: MemberInputs): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (!m.absent) keyboard.text(ctx.t("tally.button.enter"), tallyBoard.pack({ kind: "enter", memberId: m.id })).row();
  keyboard
    .text(ctx.t(m.absent ? "tally.button.not_absent" : "tally.button.absent"), tallyBoard.pack({ kind: "absent", memberId: m.id }))
    .row();
  if (!m.hcmActions) keyboard.text(ctx.t("tally.button.hcm"), tallyBoard.pack({ kind: "hcm", memberId: m.id })).row();
  const ack = m.hcmAcknowledged ? "tally.button.ack_withdraw" : "tally.button.ack";
  keyboard.text(ctx.t(ack), tallyBoard.pack({ kind: "ack", memberId: m.id })).row();
  return keyboard.text(ctx.t("tally.button.back"), tallyBoard.pack({ kind: "page", page: 0 }));
}

async function onMember(ctx: BotContext, action: "card" | "enter" | "absent" | "hcm" | "ack", memberId: string, orgId: string) {
  const orgName = orgsWithRole(ctx, ENTRANTS).find((o) => o.orgId === orgId)!.orgName;
  const board = await loadMembers(ctx, orgId, orgName);
  const member = board?.members.find((m) => m.id === memberId);
  if (!board || !member) return;
  const { db, clock } = ctx.deps;
  const actor = ctx.identity.userId;
  if (action === "enter") return enterCounts(ctx, board, member, orgId);
  if (action === "absent") {
    await setMeetingAbsence(db, board.period.id, memberId, !member.absent, actor, clock());
    await ctx.reply(ctx.t(member.absent ? "tally.not_absent_done" : "tally.absent_done", { name: member.fullName }));
  }
  if (action === "hcm") {
    await recordHcmPresented(db, board.period.id, memberId, actor, clock());
    await ctx.reply(ctx.t("tally.hcm_done", { name: member.fullName }));
  }
  if (action === "ack") {
    const acknowledged = !member.hcmAcknowledged;
    await setHcmAcknowledged(db, { periodId: board.period.id, memberIds: [memberId], acknowledged }, actor, clock());
    await ctx.reply(ctx.t(acknowledged ? "tally.ack_done" : "tally.ack_withdrawn", { name: member.fullName }));
  }
  if (action === "absent" || action === "hcm" || action === "ack") {
    const pass = await evaluateBranch(db, { periodId: board.period.id, actorId: actor }, clock(), ctx.deps.timeZone.offsetMinutes);
    await reportPass(ctx.api, db, orgId, pass, clock());
    return;
  }
  await ctx.editMessageText(cardText(ctx, member), { reply_markup: cardKeyboard(ctx, member) });
}

/** M12: the meeting acknowledged the Ho Chi Minh actions of every member waiting for it (one tap on the list). */
async function acknowledgeAll(ctx: BotContext, periodId: string) {
  const period = await getPeriod(ctx.deps.db, periodId);
  const org = period && orgsWithRole(ctx, ENTRANTS).find((o) => o.orgId === period.orgId);
  if (!period || !org) return refuse(ctx, ENTRANTS);
  const board = await loadMembers(ctx, org.orgId, org.orgName);
  if (!board || board.period.id !== periodId) return void (await ctx.reply(ctx.t("unhandled.stale_period")));
  const { db, clock } = ctx.deps;
  const waiting = awaitingHcmAcknowledgement(board.members).map((m) => m.id);
  const count = await setHcmAcknowledged(db, { periodId, memberIds: waiting, acknowledged: true }, ctx.identity.userId, clock());
  const pass = await evaluateBranch(db, { periodId, actorId: ctx.identity.userId }, clock(), ctx.deps.timeZone.offsetMinutes);
  await reportPass(ctx.api, db, org.orgId, pass, clock());
  await ctx.reply(ctx.t("tally.ack_all_done", { count }));
}

async function enterCounts(ctx: BotContext, board: Board, member: MemberInputs, orgId: string) {
  const statuses = board.members.map((m) => m.status);
  const rulebook = getRulebook(board.period.rulebookId);
  const args: TallyArgs = {
    lang: ctx.lang,
    orgId,
    periodId: board.period.id,
    rulebookId: board.period.rulebookId,
    memberId: member.id,
    memberName: member.fullName,
    slot: entrySlotFor(member.entries, board.doubleEntry, ctx.identity.userId),
    doubleEntry: board.doubleEntry,
    official: officialVoterCount(statuses, rulebook),
    exemptLeftOut: exemptOfficialsLeftOut(statuses, rulebook),
    voters: officialVoterCeiling(statuses),
    timeZone: ctx.deps.timeZone,
  };
  await ctx.conversation.enter(TALLY, args);
}
