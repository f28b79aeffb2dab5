// /appraise and the secretary's assignments of appraisers work only in the branch's current period, and only when
// its rulebook rates by appraisal (366).
import { getRulebook } from "../../domain";
import { currentPeriod, type PeriodRow } from "../../store/periods";
import type { BotContext } from "../kit/context";

/** The branch's current period when its rulebook rates by appraisal (366); otherwise the reason, said. */
export async function appraisalPeriod(ctx: BotContext, orgId: string, orgName: string): Promise<PeriodRow | null> {
  const period = await currentPeriod(ctx.deps.db, orgId);
  if (!period) {
    await ctx.reply(ctx.t("tally.no_period", { org: orgName }));
    return null;
  }
  if (getRulebook(period.rulebookId).procedure !== "appraisal") {
    await ctx.reply(ctx.t("appraise.not_this_rulebook", { year: period.year }));
    return null;
  }
  return period;
}
