// /scoreitems (N3, issue 15 point 2): the committee above — a base committee, the bloc, or a base branch for its own
// branches — splits the 30 and the 70 points into items for a year or a quarter. It sees the items in force for each
// form and where they come from (its own version N, a committee above, the rulebook's example), then types a new list,
// sends an XLSX (the template holds the items in force) and saves it as its next version (conversations/score-items.ts).
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { SCORE_ITEMS, scoreItemsConversation, type ScoreItemsArgs } from "../../conversations/score-items";
import type { ReviewForm } from "../../domain/levels";
import { getRulebook, qd366_2025 } from "../../domain/rulebooks";
import { foldVietnamese } from "../../domain/text";
import { holdsRoleOver } from "../../store/authority";
import { getOrganization } from "../../store/orgs";
import { rewardYear } from "../../store/rewards";
import { scoreItemsInForce, scoreItemVersions } from "../../store/score-item-lists";
import type { ResolvedScoreItems } from "../../store/score-items";
import { scoreItemsTemplateXlsx } from "../documents/score-items-xlsx";
import { scoreItemsButton } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { formatInstant } from "../kit/format-date";
import { translatorFor } from "../kit/i18n";
import { onButton } from "../kit/on-button";
import { replyInParts } from "../kit/outgoing";
import { formWords, itemLines, periodWords, sameItems, scoreItemTable, sourceWords } from "../kit/score-items-words";
import { orgsWithRole, SCORE_ITEM_KINDS } from "../roles";
import { dialog } from "./dialog";

export const dialogs = [dialog(scoreItemsConversation, SCORE_ITEMS)];

const ROLES = ["secretary", "committee"] as const;
/** Versions named in the overview, newest first. */
const VERSIONS_SHOWN = 5;
const RULES = getRulebook(qd366_2025.id).score!;

type Where = { orgId: string; orgName: string; year: number; quarter: number };

export function scoreItemsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("scoreitems", async (ctx) => {
    const orgs = orgsWithRole(ctx, ROLES, SCORE_ITEM_KINDS);
    if (orgs.length === 0) return void (await ctx.reply(ctx.t("scoreItems.refused")));
    const chosen = parseScoreItemsArguments(ctx.match);
    if (!chosen) return void (await ctx.reply(ctx.t("scoreItems.usage")));
    // Someone on a base committee and on the bloc sees both: each sets its own split.
    for (const org of orgs) {
      const year = chosen.year ?? (await rewardYear(ctx.deps.db, org.orgId, ctx.deps.clock()));
      await showOverview(ctx, { orgId: org.orgId, orgName: org.orgName, year, quarter: chosen.quarter });
    }
  });
  onButton(feature, scoreItemsButton, async (ctx, button) => {
    await ctx.answerCallbackQuery();
    // Button data is user input: the sender's seat on this organization, and its kind, are read now.
    const org = await getOrganization(ctx.deps.db, button.orgId);
    const allowed =
      org && SCORE_ITEM_KINDS.includes(org.kind) && (await holdsRoleOver(ctx.deps.db, ctx.identity.userId, { org: button.orgId }, ROLES));
    if (!org || !allowed) return void (await ctx.reply(ctx.t("scoreItems.refused")));
    const where: Where = { orgId: org.id, orgName: org.name, year: button.year, quarter: button.quarter };
    if (button.kind !== "type") await sendTemplate(ctx, where);
    if (button.kind === "template") return;
    if (button.kind === "type") await sendTypedExample(ctx, where);
    const args: ScoreItemsArgs = { lang: ctx.lang, ...where, mode: button.kind };
    await ctx.conversation.enter(SCORE_ITEMS, args);
  });
  return feature;
}

/** `/scoreitems`, `/scoreitems 2027`, `/scoreitems 2026 quý 2` (or q2); null for anything else. */
export function parseScoreItemsArguments(text: string): { year?: number; quarter: number } | null {
  const match = /^(?:(20\d\d))?\s*(?:(?:quy|q)\s*([1-4]))?$/.exec(foldVietnamese(text));
  if (!match) return null;
  return { ...(match[1] && { year: Number(match[1]) }), quarter: match[2] ? Number(match[2]) : 0 };
}

async function showOverview(ctx: BotContext, where: Where) {
  const { t } = ctx;
  const { db, timeZone } = ctx.deps;
  const when = periodWords(t, where.year, where.quarter);
  const inForce = await scoreItemsInForce(db, where.orgId, where.year, where.quarter);
  const blocks = [
    t("scoreItems.title", { org: where.orgName, when }),
    t("scoreItems.intro", { general: RULES.generalMax, tasks: RULES.taskMax }),
  ];
  for (const [i, form] of inForce.entries()) {
    const head = `${formWords(t, form.form)}: ${sourceWords(t, form.from, where.orgId)}`;
    const previous = inForce[i - 1];
    if (previous && sameList(previous, form)) blocks.push(`${head}\n${t("scoreItems.same_as", { form: previous.form })}`);
    else blocks.push([head, ...itemLines(t, form.items, RULES)].join("\n"));
  }
  const versions = await scoreItemVersions(db, where.orgId, where.year, where.quarter);
  const versionLines = versions.slice(0, VERSIONS_SHOWN).map((v) =>
    t("scoreItems.version_line", {
      version: v.version,
      forms: v.forms.map((f) => formWords(t, f)).join(", "),
      how: t(`scoreItems.source.${v.source === "imported" ? "imported" : "typed"}`),
      at: formatInstant(v.createdAt, ctx.lang, timeZone),
    }),
  );
  blocks.push(
    versions.length === 0
      ? t("scoreItems.no_versions", { org: where.orgName, when })
      : [t("scoreItems.versions", { org: where.orgName, when }), ...versionLines].join("\n"),
  );
  blocks.push(t("scoreItems.other_period"));
  const data = { orgId: where.orgId, year: where.year, quarter: where.quarter as 0 | 1 | 2 | 3 | 4 };
  const keyboard = new InlineKeyboard()
    .text(t("scoreItems.button.type"), scoreItemsButton.pack({ kind: "type", ...data }))
    .row()
    .text(t("scoreItems.button.file"), scoreItemsButton.pack({ kind: "file", ...data }))
    .row()
    .text(t("scoreItems.button.template"), scoreItemsButton.pack({ kind: "template", ...data }));
  await replyInParts(ctx, blocks.join("\n\n"), keyboard);
}

const sameList = (a: ResolvedScoreItems, b: ResolvedScoreItems) =>
  sameItems(a.items, b.items) && JSON.stringify(a.from) === JSON.stringify(b.from);

/** The items in force as rows, in Vietnamese whatever the reader's language: the import reads these words. */
async function rowsInForce(ctx: BotContext, where: Where, forms?: readonly ReviewForm[]): Promise<string[][]> {
  const inForce = await scoreItemsInForce(ctx.deps.db, where.orgId, where.year, where.quarter);
  return scoreItemTable(
    translatorFor("vi"),
    inForce.filter((f) => !forms || forms.includes(f.form)),
  );
}

async function sendTemplate(ctx: BotContext, where: Where) {
  const rows = await rowsInForce(ctx, where);
  const file = await scoreItemsTemplateXlsx(rows, translatorFor("vi")("scoreItems.xlsx.sheet"));
  const name = `diem-thanh-phan-${where.year}${where.quarter === 0 ? "" : `-quy${where.quarter}`}.xlsx`;
  const when = periodWords(ctx.t, where.year, where.quarter);
  await ctx.replyWithDocument(new InputFile(file, name), { caption: ctx.t("scoreItems.template_caption", { org: where.orgName, when }) });
}

/** Form 2B's items in force as lines to copy, change and send back. */
async function sendTypedExample(ctx: BotContext, where: Where) {
  const [, ...lines] = await rowsInForce(ctx, where, ["2B"]);
  await replyInParts(ctx, [ctx.t("scoreItems.example_title"), ...lines.map((cells) => cells.join(" | "))].join("\n"));
}
