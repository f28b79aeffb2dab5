// /score (B.I, O1–O7): a branch's committee or a base committee scores its organization's year. The seven tasks,
// the O3 conditions and O4 defects, the attendance and the Ho Chi Minh actions are asked; the shares of members and
// the branches' levels are read from recognized results. The level and why are shown, and saved on confirmation as a
// new version proposed to the level above. Under 366 (NO1, NO2: the period's rulebook, `target.rulebookId`) it asks
// the general and task points and the two facts of "xuất sắc" instead; the figures are shown as information.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { describeOrgLevel, describeOrgRating } from "../bot/kit/describe-org";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import { getRulebook, TASK_KEYS, type OrgScoreRules, type OrgScores } from "../domain";
import type { ReviewTimeZone } from "../domain/calendar";
import { usersWithRole } from "../store/orgs";
import {
  previewOrgScore,
  saveOrgScore,
  type OrgAnswers,
  type OrgScoreAnswers,
  type OrgScoreAnswers2025,
  type ScoringTarget,
} from "../store/org-scores";
import { askActions, askAttendance, askOrgScorePart, askSave, askTaskScore, askYesNo, type Asking } from "./score-org-questions";
import { writeWithRole } from "./role-checked-write";

export const SCORE_ORG = "score-org";

/** Plain data passed to `enter`. */
export type ScoreOrgArgs = { lang: string; target: ScoringTarget; parentId: string | null; timeZone: ReviewTimeZone };

export async function scoreOrgConversation(conversation: BotConversation, ctx: ConvContext, args: ScoreOrgArgs) {
  const a: Asking = { conversation, ctx, t: translatorFor(args.lang) };
  const { target } = args;
  const rules = getRulebook(target.rulebookId).org.score;
  const named = { org: target.orgName, year: target.year };
  await ctx.reply(rules ? a.t("score.intro_score", { ...named, ...rules }) : a.t("score.intro", named));
  for (;;) {
    const answers = rules ? await askScoreAnswers(a, rules) : await askAnswers(a, target);
    const preview = await conversation.external((c) => previewOrgScore(c.deps.db, target, answers));
    const words = {
      orgName: target.orgName,
      year: target.year,
      rulebookId: target.rulebookId,
      ...preview.rating,
      derived: preview.derived,
    };
    const text = `${describeOrgRating(a.t, words, args.lang, args.timeZone)}\n\n${a.t("score.confirm")}`;
    if (await askSave(a, text)) return save(a, args, answers);
  }
}

async function askAnswers(a: Asking, target: ScoringTarget): Promise<OrgScoreAnswers> {
  const rulebook = getRulebook(target.rulebookId);
  const scores = {} as OrgScores;
  for (const [i, task] of TASK_KEYS.entries()) scores[task] = await askTaskScore(a, task, rulebook, i + 1);
  const hcmActions = await askActions(a);
  const unitsStrong = await askYesNo(a, "units_strong");
  const leaderDisciplined = await askYesNo(a, "leader_disciplined");
  const meetsRegularly = await askYesNo(a, "meets_regularly");
  const attendance = await askAttendance(a);
  const prolongedDisunity = await askYesNo(a, "prolonged_disunity");
  const corruptionDiscipline = await askYesNo(a, "corruption_discipline");
  return {
    scores,
    conditions: { unitsStrong, leaderDisciplined, meetsRegularly, attendance },
    defects: { prolongedDisunity, corruptionDiscipline },
    hcmActions,
  };
}

/** NO1: the points of the two parts and the facts the conditions of "xuất sắc" read. */
async function askScoreAnswers(a: Asking, rules: OrgScoreRules): Promise<OrgScoreAnswers2025> {
  const general = await askOrgScorePart(a, "general", rules);
  const tasks = await askOrgScorePart(a, "tasks", rules);
  const subordinateDisciplined = await askYesNo(a, "subordinate_disciplined");
  const leaderDisciplined = await askYesNo(a, "leadership_disciplined");
  return { points: { general, tasks }, facts: { subordinateDisciplined, leaderDisciplined } };
}

/** Saved, then the committee above is told there is a rating to recognize; the reply comes after the commit. */
async function save(a: Asking, args: ScoreOrgArgs, answers: OrgAnswers) {
  const { target } = args;
  const check = { target: { org: target.orgId }, roles: ["secretary", "committee"] } as const;
  const saved = await writeWithRole(a.conversation, a.ctx, a.t, check, async (c) => {
    const now = c.deps.clock();
    const done = await saveOrgScore(c.deps.db, { target, answers, actorId: c.identity.userId }, now);
    if (!done.ok) return done;
    const { score } = done;
    if (args.parentId) {
      // Someone on both levels needs no notice of what they just did.
      const above = (await usersWithRole(c.deps.db, args.parentId, ["secretary", "committee"])).filter(
        (u) => u.userId !== c.identity.userId,
      );
      const notice = (t: Translate) => ({
        text: t("score.upper_notice", {
          org: target.orgName,
          year: target.year,
          total: score.total,
          level: describeOrgLevel(t, score.level, false, target.rulebookId),
        }),
      });
      await notify(c.api, c.deps.db, above, notice, now);
    }
    return { ok: true as const, version: score.version, level: score.level, total: score.total };
  });
  if (!saved.allowed) return;
  // Recognized meanwhile (the dialog may have been open for hours): the level above must revoke it first.
  if (!saved.value.ok) return void (await a.ctx.reply(a.t("score.recognized_already", { org: target.orgName, year: target.year })));
  const { version, level, total } = saved.value;
  const levelText = describeOrgLevel(a.t, level, false, target.rulebookId);
  await a.ctx.reply(a.t("score.saved", { org: target.orgName, year: target.year, version, total, level: levelText }));
}
