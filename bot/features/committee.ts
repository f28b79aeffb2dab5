import { Composer, InlineKeyboard } from "grammy";
import { committeeCandidates, toggleCommittee, type CommitteeCandidate } from "../../store/branches";
import { requireBranchRole } from "../branch-role";
import { committeePage, committeeToggle } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import type { Translate } from "../kit/i18n";
import { onButton } from "../kit/on-button";
import { addPageButtons, pageOf } from "../kit/paging";

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
  onButton(feature, committeePage, async (ctx, { page }) => {
    const branch = await requireBranchRole(ctx, ["secretary"]);
    await ctx.answerCallbackQuery();
    if (!branch) return;
    const members = await committeeCandidates(ctx.deps.db, branch.orgId);
    await ctx.editMessageReplyMarkup({ reply_markup: committeeKeyboard(ctx.t, members, page) });
  });
  onButton(feature, committeeToggle, async (ctx, { memberId }) => {
    // The button may be old and the sender's role gone since: check again on every press.
    const branch = await requireBranchRole(ctx, ["secretary"]);
    if (!branch) return void (await ctx.answerCallbackQuery());
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
    keyboard
      .text(t(m.committee ? "committee.on" : "committee.off", { name: m.fullName }), committeeToggle.pack({ memberId: m.memberId }))
      .row();
  }
  return addPageButtons(keyboard, t, shown, (p) => committeePage.pack({ page: p }));
}
