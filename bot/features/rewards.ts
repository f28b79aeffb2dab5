// /rewards (a base committee or the bloc, secretary or committee member): one list per reward of R1 with its
// candidates, the reasons of the ineligible, the quota use (R2, R4) and the money (R1); each eligible proposal's file
// (R6) with the documents ticked present; the lists as XLSX. /rewardyear (the bloc): the year's base wage and
// provincial quotas. /rewardimport: earlier years from the committee's spreadsheet (a dialog).
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { historyImportConversation, HISTORY_IMPORT } from "../../conversations/reward-import";
import type { Candidate, RewardList } from "../../domain/reward-lists";
import { checkProposalFile } from "../../domain/rewards";
import { getRulebook, type RewardKey } from "../../domain";
import { DEFAULT_RULEBOOK_ID } from "../../domain/rulebooks";
import { holdsRoleOver } from "../../store/authority";
import { loadRewardLists, rewardYear, setYearParameters, toggleProposalDocument, type CommitteeRewards } from "../../store/rewards";
import { FILE_DOCUMENTS, rewardsButton } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { describeReasons } from "../kit/describe-result";
import { translatorFor, type Translate } from "../kit/i18n";
import { onButton } from "../kit/on-button";
import { replyInParts } from "../kit/outgoing";
import { historyTemplateXlsx, quotaLine, rewardListsXlsx } from "../documents/reward-lists-xlsx";
import { HISTORY_COLUMNS, historyExampleRows } from "../../domain/reward-import";
import { committeesOf, requireCommittee } from "../roles";
import { dialog } from "./dialog";

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(historyImportConversation, HISTORY_IMPORT)];

/** A list shows at most this many file buttons (Telegram allows 100 a keyboard); the XLSX holds everyone. */
const FILE_BUTTONS_PER_LIST = 30;
/** Candidates named in the chat per list, the eligible first: a bloc's thousands of L1 members go to the XLSX. */
const LINES_PER_LIST = 60;
const COMMITTEE_ROLES = ["secretary", "committee"] as const;

export function rewardsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("rewards", async (ctx) => {
    if (!(await requireCommittee(ctx))) return;
    // Someone on a base committee and on the bloc sees both: each committee's lists are its own.
    for (const committee of committeesOf(ctx)) {
      const loaded = await load(ctx, committee.orgId);
      if (loaded) await showLists(ctx, loaded);
    }
  });
  feature.command("rewardimport", async (ctx) => {
    const committee = await requireCommittee(ctx);
    if (!committee) return;
    const year = await rewardYear(ctx.deps.db, committee.orgId, ctx.deps.clock());
    // The template in Vietnamese, whatever the reader's language: the headers are what the import reads.
    const vi = translatorFor("vi");
    const headers = HISTORY_COLUMNS.map((c) => vi(`rewards.column.${c}`));
    const template = await historyTemplateXlsx(headers, historyExampleRows(year), vi("rewards.xlsx.template_sheet"));
    await ctx.replyWithDocument(new InputFile(template, "mau-nhap-thi-dua-khen-thuong.xlsx"), {
      caption: ctx.t("rewards.import.template_caption"),
    });
    await ctx.conversation.enter(HISTORY_IMPORT, { lang: ctx.lang, orgId: committee.orgId, orgName: committee.orgName, year });
  });
  feature.command("rewardyear", async (ctx) => {
    // The bloc sets the year's figures (R1, R2); a base committee reads them.
    const bloc = committeesOf(ctx).find((o) => o.orgKind === "bloc");
    if (!bloc) return void (await ctx.reply(ctx.t("rewards.year.bloc_only")));
    const year = await rewardYear(ctx.deps.db, bloc.orgId, ctx.deps.clock());
    const book = getRulebook(DEFAULT_RULEBOOK_ID);
    const parsed = parseYearArguments(ctx.match, book.rewards.yearDefaults.provincialQuota);
    if (!parsed) return void (await ctx.reply(ctx.t("rewards.year.usage", { year })));
    await setYearParameters(ctx.deps.db, bloc.orgId, { year, ...parsed }, ctx.identity.userId, ctx.deps.clock());
    await ctx.reply(
      ctx.t("rewards.year.saved", {
        year,
        wage: parsed.baseWageDong,
        orgs: parsed.provincialQuota.organizations,
        members: parsed.provincialQuota.members,
      }),
    );
  });
  onButton(feature, rewardsButton, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    // Checked on every press: the sender sits on this committee now (the data is user input).
    const allowed = await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { org: button.committeeId }, COMMITTEE_ROLES);
    const loaded = allowed ? await load(ctx, button.committeeId) : null;
    if (!loaded) return void (await ctx.reply(ctx.t("rewards.not_found")));
    if (button.kind === "export") {
      const file = await rewardListsXlsx(ctx.t, loaded, ctx.lang, ctx.deps.timeZone);
      return void (await ctx.replyWithDocument(new InputFile(file, `khen-thuong-${loaded.year}.xlsx`), {
        caption: ctx.t("rewards.caption", { year: loaded.year, org: loaded.committee.name }),
      }));
    }
    const list = loaded.lists.find((l) => l.key === button.key);
    const candidate = list?.candidates.find((c) => c.id === button.recipientId && c.eligible);
    if (!list || !candidate) return void (await ctx.reply(ctx.t("rewards.not_found")));
    if (button.kind === "tick") {
      const concerns = relevantDocuments(list).includes(button.document);
      if (!concerns) return void (await ctx.reply(ctx.t("rewards.not_found")));
      const target = {
        committeeId: loaded.committee.id,
        year: loaded.year,
        rewardKey: list.key,
        recipientId: candidate.id,
        document: button.document,
      };
      await toggleProposalDocument(ctx.deps.db, target, ctx.identity.userId, ctx.deps.clock());
      const reloaded = await load(ctx, button.committeeId);
      const fresh = reloaded?.lists.find((l) => l.key === list.key)?.candidates.find((c) => c.id === candidate.id);
      if (!fresh) return;
      return void (await ctx.editMessageText(fileText(ctx.t, list, fresh), {
        reply_markup: fileKeyboard(ctx.t, loaded.committee.id, list, fresh),
      }));
    }
    await ctx.reply(fileText(ctx.t, list, candidate), { reply_markup: fileKeyboard(ctx.t, loaded.committee.id, list, candidate) });
  });
  return feature;
}

async function load(ctx: BotContext, committeeId: string): Promise<CommitteeRewards | null> {
  const year = await rewardYear(ctx.deps.db, committeeId, ctx.deps.clock());
  return loadRewardLists(ctx.deps.db, committeeId, year);
}

/** `/rewardyear 2.340.000 7 10`: the base wage in đồng, then the provincial quotas (organizations, members). */
export function parseYearArguments(text: string, defaults: { organizations: number; members: number }) {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 3) return null;
  const numbers = words.map((w) => (/^\d{1,3}([.,\s]?\d{3})*$/.test(w) ? Number(w.replace(/[.,\s]/g, "")) : Number.NaN));
  if (numbers.some((n) => !Number.isSafeInteger(n)) || numbers[0]! <= 0) return null;
  return {
    baseWageDong: numbers[0]!,
    provincialQuota: { organizations: numbers[1] ?? defaults.organizations, members: numbers[2] ?? defaults.members },
  };
}

async function showLists(ctx: BotContext, loaded: CommitteeRewards) {
  const { t } = ctx;
  const head = [t("rewards.title", { year: loaded.year, org: loaded.committee.name })];
  head.push(
    loaded.parameters
      ? t("rewards.wage", { year: loaded.year, wage: loaded.parameters.baseWageDong })
      : t("rewards.no_wage", { year: loaded.year }),
  );
  await ctx.reply(head.join("\n"));
  for (const [index, list] of loaded.lists.entries()) {
    const keyboard = new InlineKeyboard();
    for (const c of list.candidates.filter((x) => x.eligible).slice(0, FILE_BUTTONS_PER_LIST))
      keyboard
        .text(
          t("rewards.button.file", { name: c.name }),
          rewardsButton.pack({ kind: "file", committeeId: loaded.committee.id, key: list.key, recipientId: c.id }),
        )
        .row();
    await replyInParts(ctx, listText(ctx, list, index + 1), keyboard);
  }
  const exportKeyboard = new InlineKeyboard().text(
    t("rewards.button.export"),
    rewardsButton.pack({ kind: "export", committeeId: loaded.committee.id }),
  );
  await ctx.reply(t("rewards.export_hint"), { reply_markup: exportKeyboard });
}

export function rewardTitle(t: Translate, key: RewardKey): string {
  return t(`rewards.reward.${key}`);
}

function listText(ctx: BotContext, list: RewardList, number: number): string {
  const { t } = ctx;
  const lines = [`${number}. ${rewardTitle(t, list.key)}`];
  const multiple = list.multipleTenths / 10;
  lines.push(list.amountDong === null ? t("rewards.money_unset", { multiple }) : t("rewards.money", { multiple, amount: list.amountDong }));
  for (const q of list.quotas) lines.push(quotaLine(t, list, q));
  if (list.candidates.length === 0) lines.push(t("rewards.no_candidates"));
  const ordered = [...list.candidates.filter((c) => c.eligible), ...list.candidates.filter((c) => !c.eligible)];
  for (const c of ordered.slice(0, LINES_PER_LIST)) lines.push(candidateLine(ctx, c));
  if (ordered.length > LINES_PER_LIST) lines.push(t("rewards.more", { count: ordered.length - LINES_PER_LIST }));
  return lines.join("\n");
}

function candidateLine(ctx: BotContext, c: Candidate): string {
  const { t } = ctx;
  if (!c.eligible)
    return t("rewards.ineligible", { name: c.name, unit: c.unit, reasons: describeReasons(t, c.reasons, ctx.lang, ctx.deps.timeZone) });
  return t(c.file?.complete ? "rewards.eligible_complete" : "rewards.eligible", {
    name: c.name,
    unit: c.unit,
    missing: c.file?.missing.length ?? 0,
  });
}

/** R6: the documents that concern the list's recipient, and the accepted alternatives of those. */
function relevantDocuments(list: RewardList): (typeof FILE_DOCUMENTS)[number][] {
  const { documents, documentAlternatives } = getRulebook(DEFAULT_RULEBOOK_ID).rewards;
  const accepted = new Set<string>(documents[list.recipient].flatMap((d) => [d, ...(documentAlternatives[d] ?? [])]));
  return FILE_DOCUMENTS.filter((d) => accepted.has(d));
}

function fileText(t: Translate, list: RewardList, c: Candidate): string {
  const check = c.file ?? checkProposalFile([], list.recipient, getRulebook(DEFAULT_RULEBOOK_ID));
  const lines = [t("rewards.file.title", { name: c.name, reward: rewardTitle(t, list.key) })];
  for (const d of check.present) lines.push(t("rewards.file.present", { document: t(`rewards.document.${d}`) }));
  for (const d of check.missing) lines.push(t("rewards.file.missing", { document: t(`rewards.document.${d}`) }));
  lines.push(t(check.complete ? "rewards.file.complete" : "rewards.file.incomplete", { count: check.missing.length }));
  return lines.join("\n");
}

function fileKeyboard(t: Translate, committeeId: string, list: RewardList, c: Candidate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const present = new Set<string>(c.ticked);
  for (const document of relevantDocuments(list)) {
    const mark = present.has(document) ? "☑" : "☐";
    keyboard
      .text(
        `${mark} ${t(`rewards.document.${document}`)}`,
        rewardsButton.pack({ kind: "tick", committeeId, key: list.key, recipientId: c.id, document }),
      )
      .row();
  }
  return keyboard;
}
