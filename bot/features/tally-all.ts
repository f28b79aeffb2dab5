// /tally_all (also the first button of the /tally board): the whole branch's counts in one message or one file, and
// the counting sheet's template (XLSX) prefilled with the roster.
import { Composer, InputFile } from "grammy";
import { TALLY_ALL, tallyAllConversation, type TallyAllArgs } from "../../conversations/tally-all";
import { getRulebook, officialVoterCeiling, officialVoterCount } from "../../domain";
import { currentPeriod } from "../../store/periods";
import { loadBranchInputs } from "../../store/rating-inputs";
import { tallySheetXlsx } from "../documents/tally-sheet-xlsx";
import { tallyAllStart, tallyTemplate } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";
import { orgsWithRole, refuse, requireRole } from "../roles";
import { dialog } from "./dialog";

const ENTRANTS = ["secretary", "committee"] as const;

/** The dialogs this feature starts (installed before every command handler: ./index.ts). */
export const dialogs = [dialog(tallyAllConversation, TALLY_ALL)];

export function tallyAllFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("tally_all", async (ctx) => {
    const org = await requireRole(ctx, ENTRANTS);
    if (org) await startCounting(ctx, org.orgId, org.orgName);
  });
  onButton(feature, tallyAllStart, async (ctx, { orgId }) => {
    await ctx.answerCallbackQuery();
    const org = entrantOrg(ctx, orgId);
    if (!org) return refuse(ctx, ENTRANTS);
    await startCounting(ctx, org.orgId, org.orgName);
  });
  onButton(feature, tallyTemplate, async (ctx, { orgId }) => {
    await ctx.answerCallbackQuery();
    const org = entrantOrg(ctx, orgId);
    if (!org) return refuse(ctx, ENTRANTS);
    const branch = await countingBranch(ctx, org.orgId, org.orgName);
    if (!branch) return;
    const names = branch.inputs.members.filter((m) => !m.absent && !m.status.exempt).map((m) => m.fullName);
    const bytes = await tallySheetXlsx(ctx.t, { orgName: org.orgName, year: branch.period.year, official: branch.official, names });
    await ctx.replyWithDocument(new InputFile(bytes, `bien-ban-kiem-phieu-${branch.period.year}.xlsx`), {
      caption: ctx.t("tally_all.template_caption"),
    });
  });
  return feature;
}

/** Button data is user input: the organization must be one where the sender holds an entrant's role. */
const entrantOrg = (ctx: BotContext, orgId: string) => orgsWithRole(ctx, ENTRANTS).find((o) => o.orgId === orgId);

async function countingBranch(ctx: BotContext, orgId: string, orgName: string) {
  const period = await currentPeriod(ctx.deps.db, orgId);
  if (!period) return void (await ctx.reply(ctx.t("tally.no_period", { org: orgName })));
  const inputs = await loadBranchInputs(ctx.deps.db, period.id, {
    at: ctx.deps.clock().toISOString(),
    offsetMinutes: ctx.deps.timeZone.offsetMinutes,
  });
  if (inputs.members.length === 0) return void (await ctx.reply(ctx.t("tally.no_members", { org: orgName })));
  const statuses = inputs.members.map((m) => m.status);
  return { period, inputs, official: officialVoterCount(statuses, getRulebook(period.rulebookId)), voters: officialVoterCeiling(statuses) };
}

async function startCounting(ctx: BotContext, orgId: string, orgName: string) {
  const branch = await countingBranch(ctx, orgId, orgName);
  if (!branch) return;
  const args: TallyAllArgs = {
    lang: ctx.lang,
    orgId,
    orgName,
    periodId: branch.period.id,
    year: branch.period.year,
    rulebookId: branch.period.rulebookId,
    official: branch.official,
    voters: branch.voters,
    doubleEntry: branch.inputs.doubleEntry,
    exampleNames: branch.inputs.members.slice(0, 2).map((m) => m.fullName),
    timeZone: ctx.deps.timeZone,
  };
  await ctx.conversation.enter(TALLY_ALL, args);
}
