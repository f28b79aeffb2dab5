// B.I, O1–O7: an organization's self-scoring of a year. What it types is rated together with the figures read here
// from recognized results (never typed); each save is a new version, proposed to the level above. Under 366 (NO1,
// NO2) it answers general and task points and the two facts of "xuất sắc"; the figures are then information only, and
// the answers go in the same JSON columns (scores: the points; conditions: the facts with the rulebook's id).
import {
  countMemberLevels,
  DEFAULT_RULEBOOK_ID,
  countOrgLevels,
  getRulebook,
  isOrgKind,
  proposeOrgRating,
  rateOrganization,
  rateOrganizationByScore,
  type LevelCounts,
  type Meeting,
  type MemberLevel,
  type OrgKind as EvaluatedKind,
  type OrgLevel,
  type OrgLevelCounts,
  type OrgRating,
  type OrgScoreFacts,
  type OrgScorePoints,
  type OrgScores,
  type Reason,
  type ResultErrorCode,
  type ResultState,
} from "../domain";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { latestResults } from "./results";

/** What the organization answers at /score (O1, O3, O4, O5). */
export type OrgScoreAnswers = {
  scores: OrgScores;
  conditions: { unitsStrong: boolean; leaderDisciplined: boolean; meetsRegularly: boolean; attendance: Meeting[] };
  defects: { prolongedDisunity: boolean; corruptionDiscipline: boolean };
  /** O5: the concrete actions as typed; null when there are none. */
  hcmActions: string | null;
};

/** What the organization answers at /score under 366 (NO1). */
export type OrgScoreAnswers2025 = { points: OrgScorePoints; facts: OrgScoreFacts };
export type OrgAnswers = OrgScoreAnswers | OrgScoreAnswers2025;
const byScore = (answers: OrgAnswers): answers is OrgScoreAnswers2025 => "points" in answers;

/** O3: read from recognized results. `branchLevels` only for the units judged on their branches (a base committee). */
export type DerivedFigures = { memberLevels: LevelCounts; branchLevels: OrgLevelCounts | null; unratedBranches: number };

/** The organization being scored, the year and the rulebook of its (or its branches') newest review period. */
export type ScoringTarget = { orgId: string; orgName: string; kind: EvaluatedKind; year: number; rulebookId: string };

export type StoredOrgScore = {
  id: string;
  orgId: string;
  year: number;
  version: number;
  /** The rulebook the rating was made by (stored with a 366 rating's facts; the 2011 one otherwise). */
  rulebookId: string;
  level: OrgLevel;
  total: number;
  reasons: Reason[];
  /** Empty for a rating stored without them (an earlier year's, imported). */
  derived: Partial<DerivedFigures>;
  hcmActions: string | null;
  exemplary: boolean;
  state: ResultState;
  revokeReason: string | null;
};

/** Branches, sub-committees and base committees nest at most this deep under an organization (O7). */
const MAX_DEPTH = 3;

/** The organization and the organizations under it (a base committee's members are its branches' members). */
async function withDescendants(db: Db | Tx, orgId: string): Promise<string[]> {
  const all = [orgId];
  let level = [orgId];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const children = await db.organization.findMany({ where: { parentId: { in: level } }, select: { id: true } });
    level = children.map((c) => c.id);
    all.push(...level);
  }
  return all;
}

/** Null for an organization that is not evaluated (the bloc, O7) or with no review period in it or under it. */
export async function scoringTarget(db: Db, orgId: string): Promise<ScoringTarget | null> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true, kind: true } });
  if (!org || !isOrgKind(org.kind)) return null;
  const period = await db.reviewPeriod.findFirst({
    where: { orgId: { in: await withDescendants(db, orgId) }, quarter: 0 },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { year: true, rulebookId: true },
  });
  return period && { orgId: org.id, orgName: org.name, kind: org.kind, year: period.year, rulebookId: period.rulebookId };
}

/** O3: members per level of their recognized results of the year; for a base committee, its branches' ratings. */
export async function derivedFigures(db: Db | Tx, target: ScoringTarget): Promise<DerivedFigures> {
  const periods = await db.reviewPeriod.findMany({
    where: { year: target.year, quarter: 0, orgId: { in: await withDescendants(db, target.orgId) } },
    select: { id: true },
  });
  const levels: MemberLevel[] = [];
  for (const period of periods)
    for (const result of (await latestResults(db, period.id)).values())
      if (result.state === "recognized" && result.outcome.kind === "level") levels.push(result.outcome.level);
  const memberLevels = countMemberLevels(levels);
  if (!getRulebook(target.rulebookId).org.tsvm.branchConditionsFor.includes(target.kind))
    return { memberLevels, branchLevels: null, unratedBranches: 0 };
  const branches = await db.organization.findMany({ where: { parentId: target.orgId }, select: { id: true, kind: true } });
  const evaluated = branches.filter((b) => isOrgKind(b.kind)).map((b) => b.id);
  const latest = await latestOrgScores(db, evaluated, target.year);
  const recognized = evaluated.flatMap((id) => {
    const score = latest.get(id);
    return score?.state === "recognized" ? [score.level] : [];
  });
  return { memberLevels, branchLevels: countOrgLevels(recognized), unratedBranches: evaluated.length - recognized.length };
}

/** O2 (NO1 under 366): the level the answers and the stored figures give. */
export function rateAnswers(target: ScoringTarget, derived: DerivedFigures, answers: OrgAnswers): OrgRating {
  if (byScore(answers)) return rateOrganizationByScore(answers, getRulebook(target.rulebookId));
  return rateOrganization(
    {
      kind: target.kind,
      scores: answers.scores,
      conditions: answers.conditions,
      defects: answers.defects,
      hcmConcreteActions: answers.hcmActions !== null,
      memberLevels: derived.memberLevels,
      ...(derived.branchLevels ? { branchLevels: derived.branchLevels, unratedBranches: derived.unratedBranches } : {}),
    },
    getRulebook(target.rulebookId),
  );
}

export async function previewOrgScore(db: Db, target: ScoringTarget, answers: OrgAnswers) {
  const derived = await derivedFigures(db, target);
  return { derived, rating: rateAnswers(target, derived, answers) };
}

/**
 * Saves the answers as a new proposed version. The figures are read again in the same transaction, so the stored
 * level is the one of what is stored now (a branch recognized since the preview counts).
 */
export async function saveOrgScore(
  db: Db,
  input: { target: ScoringTarget; answers: OrgAnswers; actorId: string },
  now: Date,
): Promise<{ ok: true; score: StoredOrgScore } | { ok: false; error: ResultErrorCode }> {
  const { target, answers } = input;
  return inTransaction(db, async (tx) => {
    const last = (await latestOrgScores(tx, [target.orgId], target.year)).get(target.orgId) ?? null;
    const refused = proposeOrgRating(last);
    if (refused) return { ok: false, error: refused };
    const derived = await derivedFigures(tx, target);
    const rating = rateAnswers(target, derived, answers);
    const row = await tx.orgScore.create({
      data: {
        orgId: target.orgId,
        year: target.year,
        version: (last?.version ?? 0) + 1,
        ...answerColumns(target, answers),
        level: rating.level,
        total: rating.total,
        derived: JSON.stringify(derived),
        reasons: JSON.stringify(rating.reasons),
        state: "proposed",
        createdById: input.actorId,
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: "org-score.proposed",
        entity: "OrgScore",
        entityId: row.id,
        data: { orgId: target.orgId, year: target.year, version: row.version, level: rating.level },
      },
      now,
    );
    return { ok: true, score: toStoredOrgScore(row) };
  });
}

/** The answers in the rating's JSON columns (the rulebook's id only with the 366 facts: 2011 rows stay as they were). */
function answerColumns(target: ScoringTarget, answers: OrgAnswers) {
  if (byScore(answers))
    return {
      scores: JSON.stringify(answers.points),
      conditions: JSON.stringify({ rulebookId: target.rulebookId, ...answers.facts }),
      hcmActions: null,
    };
  const conditions = JSON.stringify({ ...answers.conditions, ...answers.defects });
  return { scores: JSON.stringify(answers.scores), conditions, hcmActions: answers.hcmActions };
}

/** The rulebook a stored rating names in its conditions, or the default one (2011 rows name none). */
function rulebookIdOf(conditions: string): string {
  try {
    const id = (JSON.parse(conditions) as { rulebookId?: unknown }).rulebookId;
    return typeof id === "string" ? id : DEFAULT_RULEBOOK_ID;
  } catch {
    return DEFAULT_RULEBOOK_ID;
  }
}

/** The newest rating of the organization's year, if any (a recognized one is not scored again, B.I.4). */
export async function currentOrgScore(db: Db, target: ScoringTarget): Promise<StoredOrgScore | null> {
  return (await latestOrgScores(db, [target.orgId], target.year)).get(target.orgId) ?? null;
}

type OrgScoreRecord = {
  id: string;
  orgId: string;
  year: number;
  version: number;
  conditions: string;
  level: string;
  total: number;
  reasons: string;
  derived: string;
  hcmActions: string | null;
  exemplary: boolean;
  state: string;
  revokeReason: string | null;
};

export function toStoredOrgScore(r: OrgScoreRecord): StoredOrgScore {
  return {
    id: r.id,
    orgId: r.orgId,
    year: r.year,
    version: r.version,
    rulebookId: rulebookIdOf(r.conditions),
    level: r.level as OrgLevel,
    total: r.total,
    reasons: JSON.parse(r.reasons) as Reason[],
    derived: JSON.parse(r.derived) as Partial<DerivedFigures>,
    hcmActions: r.hcmActions,
    exemplary: r.exemplary,
    state: r.state as ResultState,
    revokeReason: r.revokeReason,
  };
}

/** The newest version of each organization's rating of the year (or, without a year, of its newest year). */
export async function latestOrgScores(db: Db | Tx, orgIds: readonly string[], year?: number): Promise<Map<string, StoredOrgScore>> {
  const rows = await db.orgScore.findMany({
    where: { orgId: { in: [...orgIds] }, ...(year === undefined ? {} : { year }) },
    orderBy: [{ year: "desc" }, { version: "desc" }],
  });
  const latest = new Map<string, StoredOrgScore>();
  for (const row of rows) if (!latest.has(row.orgId)) latest.set(row.orgId, toStoredOrgScore(row));
  return latest;
}
