import { Composer, InlineKeyboard } from "grammy";
import { committeeCandidates, toggleCommittee, type CommitteeCandidate } from "../../store/branches";
import { requireBranchRole } from "../branch-role";
import { callbackData } from "../kit/callback-data";
import type { BotContext } from "../kit/context";
import type { Translate } from "../kit/i18n";
import { addPageButtons, pageOf } from "../kit/paging";

/** committee:<memberId> toggles the chi ủy role of a joined member (member ids are 25-character cuids). */
const toggle = callbackData("committee");
/** cmtpage:<n> shows another page of a big branch. */
const turn = callbackData("cmtpage");
const PAGE_SIZE = 20;

/** /committee: the secretary grants or withdraws the branch committee (chi ủy) role, one button per member. */
export function committeeFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("committee", async (ctx) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (!branch) return;
    const members = await committeeCandidates(ctx.deps.db, branch.orgId);
    if (members.length === 0) return void (await ctx.reply(ctx.t("committee.nobody")));
    await ctx.reply(ctx.t("committee.choose", { branch: branch.orgName }), { reply_markup: committeeKeyboard(ctx.t, members, 0) });
  });
  feature.callbackQuery(turn.pattern, async (ctx) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    await ctx.answerCallbackQuery();
    if (!branch) return;
    const members = await committeeCandidates(ctx.deps.db, branch.orgId);
    await ctx.editMessageReplyMarkup({ reply_markup: committeeKeyboard(ctx.t, members, Number(turn.parse(ctx.callbackQuery.data))) });
  });
  feature.callbackQuery(toggle.pattern, async (ctx) => {
    // The button may be old and the sender's role gone since: check again on every press.
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (!branch) return void (await ctx.answerCallbackQuery());
    const memberId = toggle.parse(ctx.callbackQuery.data)!;
    const nowCommittee = await toggleCommittee(ctx.deps.db, branch.orgId, memberId, ctx.identity.userId, ctx.deps.clock());
    if (nowCommittee === null) return void (await ctx.answerCallbackQuery({ text: ctx.t("unhandled.button") }));
    await ctx.answerCallbackQuery({ text: ctx.t(nowCommittee ? "committee.granted" : "committee.revoked") });
    const members = await committeeCandidates(ctx.deps.db, branch.orgId);
    // Stay on the page of the member just pressed.
    const page = Math.floor(members.findIndex((m) => m.memberId === memberId) / PAGE_SIZE);
    await ctx.editMessageReplyMarkup({ reply_markup: committeeKeyboard(ctx.t, members, page) });
  });
  return feature;
}

function committeeKeyboard(t: Translate, members: CommitteeCandidate[], page: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const shown = pageOf(members, page, PAGE_SIZE);
  for (const m of shown.items) {
    keyboard.text(t(m.committee ? "committee.on" : "committee.off", { name: m.fullName }), toggle.data(m.memberId)).row();
  }
  return addPageButtons(keyboard, t, shown, (p) => turn.data(String(p)));
}
