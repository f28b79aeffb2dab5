// /openpoints: the RULES-2025 open points of a period (N6: whether the cap's base counts the excellent, the
// rounding, an outstanding unit), each with the rulebook's default, the value in force and where it decides an
// outcome. The branch's secretary changes its own period's; a committee member above changes those of its branches.
import { Composer, InlineKeyboard } from "grammy";
import {
  isOpenPointValue,
  OPEN_POINT_KEYS,
  OPEN_POINT_VALUES,
  openPointDefaults,
  openPointsInForce,
  type OpenPointKey,
  type OpenPointValue,
} from "../../domain/open-point-choices";
import { getRulebook } from "../../domain/rulebooks";
import { holdsRoleOver } from "../../store/authority";
import { openPeriodsUnder, periodOpenPoints, setOpenPoint, type PeriodOpenPoints } from "../../store/open-points";
import { currentPeriod } from "../../store/periods";
import { type OPEN_POINT_WORDS, openPointSet, openPointsShow } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";
import { periodLabel } from "../kit/period-label";
import { BRANCH_KINDS, committeesOf, orgsWithRole, refuse } from "../roles";

type Word = (typeof OPEN_POINT_WORDS)[number];
const wordOf = (value: OpenPointValue): Word => (value === true ? "yes" : value === false ? "no" : value);
const pointValue = (word: Word): OpenPointValue => (word === "yes" ? true : word === "no" ? false : word);

export function openPointsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("openpoints", async (ctx) => {
    const [branch] = orgsWithRole(ctx, ["secretary"], BRANCH_KINDS);
    if (branch) {
      const period = await currentPeriod(ctx.deps.db, branch.orgId);
      if (!period) return void (await ctx.reply(ctx.t("status.no_period", { org: branch.orgName })));
      return showPoints(ctx, period.id);
    }
    const [committee] = committeesOf(ctx);
    if (!committee) return refuse(ctx, ["secretary", "upper"]);
    const periods = (await openPeriodsUnder(ctx.deps.db, committee.orgId)).filter((p) => openPointDefaults(getRulebook(p.rulebookId)));
    if (periods.length === 0) return void (await ctx.reply(ctx.t("openpoints.none-under", { org: committee.orgName })));
    const keyboard = new InlineKeyboard();
    for (const p of periods)
      keyboard.text(`${p.orgName} — ${periodLabel(ctx.t, p.year, p.quarter)}`, openPointsShow.pack({ periodId: p.periodId })).row();
    await ctx.reply(ctx.t("openpoints.choose", { org: committee.orgName }), { reply_markup: keyboard });
  });
  onButton(feature, openPointsShow, async (ctx, { periodId }) => {
    await ctx.answerCallbackQuery();
    if (!(await mayChange(ctx, periodId))) return refuse(ctx, ["secretary", "upper"]);
    await showPoints(ctx, periodId);
  });
  onButton(feature, openPointSet, async (ctx, { periodId, key, value }) => {
    const point = pointValue(value);
    const loaded = await periodOpenPoints(ctx.deps.db, periodId);
    const defaults = loaded && openPointDefaults(getRulebook(loaded.rulebookId));
    if (!loaded || !defaults || !isOpenPointValue(key, point)) return void (await ctx.answerCallbackQuery());
    if (!(await mayChange(ctx, periodId))) {
      await ctx.answerCallbackQuery();
      return refuse(ctx, ["secretary", "upper"]);
    }
    const stored = await setOpenPoint(ctx.deps.db, periodId, key, point, ctx.identity.userId, ctx.deps.clock());
    await ctx.answerCallbackQuery({ text: ctx.t("openpoints.saved") });
    const view = pointsView(ctx, { ...loaded, stored });
    await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
  });
  return feature;
}

/** The branch's secretary, or a secretary or member of the committee above it (never someone of the branch itself). */
async function mayChange(ctx: BotContext, periodId: string): Promise<boolean> {
  const { db } = ctx.deps;
  const userId = ctx.identity.userId;
  return (
    (await holdsRoleOver(db, userId, { period: periodId }, ["secretary"])) ||
    (await holdsRoleOver(db, userId, { periodAbove: periodId }, ["secretary", "committee"]))
  );
}

async function showPoints(ctx: BotContext, periodId: string) {
  const loaded = await periodOpenPoints(ctx.deps.db, periodId);
  if (!loaded) return;
  if (!openPointDefaults(getRulebook(loaded.rulebookId)))
    return void (await ctx.reply(
      ctx.t("openpoints.not-applicable", { org: loaded.orgName, rulebook: getRulebook(loaded.rulebookId).title }),
    ));
  const view = pointsView(ctx, loaded);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

function pointsView(ctx: BotContext, loaded: PeriodOpenPoints): { text: string; keyboard: InlineKeyboard } {
  const rulebook = getRulebook(loaded.rulebookId);
  const defaults = openPointDefaults(rulebook)!;
  const inForce = openPointsInForce(defaults, loaded.stored);
  const valueText = (key: OpenPointKey, value: OpenPointValue) => ctx.t(`openpoints.value.${key}.${wordOf(value)}`);
  const lines = [
    ctx.t("openpoints.title", { org: loaded.orgName, period: periodLabel(ctx.t, loaded.year, loaded.quarter), rulebook: rulebook.title }),
  ];
  const keyboard = new InlineKeyboard();
  OPEN_POINT_KEYS.forEach((key, i) => {
    lines.push(
      "",
      ctx.t("openpoints.point", {
        n: i + 1,
        name: ctx.t(`openpoints.name.${key}`),
        default: valueText(key, defaults[key]),
        current: valueText(key, inForce[key]),
        where: ctx.t(`openpoints.where.${key}`),
      }),
    );
    const other = OPEN_POINT_VALUES[key].find((v) => v !== inForce[key])!;
    const label = ctx.t("openpoints.change", { n: i + 1, value: valueText(key, other) });
    keyboard.text(label, openPointSet.pack({ periodId: loaded.periodId, key, value: wordOf(other) })).row();
  });
  lines.push("", ctx.t("openpoints.footer"));
  return { text: lines.join("\n"), keyboard };
}
