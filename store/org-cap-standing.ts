// NO1: the figures of the cap on "xuất sắc" among the organizations a committee decides for in a year: their newest
// recognized ratings per level, and the rule as the periods of the year read the open points (N6's, set with
// /openpoints on the committee's or its organizations' periods; the rulebook's defaults where none is set). Periods
// that read them differently give no rule: the committee makes them the same first.
import { getRulebook, orgCapRule, ORG_LEVELS, type OrgCapRule, type OrgCapStanding } from "../domain";
import { parseOpenPoints } from "../domain/open-points";
import type { Db, Tx } from "./client";
import { latestOrgScores } from "./org-scores";

export type OrgCapView = { rule: OrgCapRule | null; standing: OrgCapStanding };

export async function orgCapStanding(db: Db | Tx, committeeId: string, year: number, rulebookId: string): Promise<OrgCapView> {
  const children = await db.organization.findMany({ where: { parentId: committeeId }, select: { id: true } });
  const latest = await latestOrgScores(
    db,
    children.map((c) => c.id),
    year,
  );
  const standing = Object.fromEntries(ORG_LEVELS.map((l) => [l, 0])) as OrgCapStanding;
  // NO1 "among comparable organizations": those rated under the same rules; a 2011 rating (its TSVM is another
  // scale) does not count in a 366 committee's figure.
  for (const score of latest.values()) if (score.state === "recognized" && score.rulebookId === rulebookId) standing[score.level]++;
  const periods = await db.reviewPeriod.findMany({
    where: { year, quarter: 0, rulebookId, OR: [{ orgId: committeeId }, { org: { parentId: committeeId } }] },
    select: { openPoints: true },
  });
  const rulebook = getRulebook(rulebookId);
  const rules = new Map<string, OrgCapRule>();
  for (const p of periods) {
    const rule = orgCapRule(rulebook, parseOpenPoints(p.openPoints) ?? {});
    if (rule) rules.set(JSON.stringify(rule), rule);
  }
  if (rules.size === 0) return { rule: orgCapRule(rulebook), standing };
  return { rule: rules.size === 1 ? [...rules.values()][0]! : null, standing };
}
