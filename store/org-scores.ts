// B.I, O1–O7: an organization's self-scoring of a year. What it types is rated together with the figures read here
// from recognized results (never typed); each save is a new version, proposed to the level above.
import {
  countMemberLevels,
  countOrgLevels,
  getRulebook,
  isOrgKind,
  proposeOrgRating,
  rateOrganization,
  type LevelCounts,
  type Meeting,
  type MemberLevel,
  type OrgKind as EvaluatedKind,
  type OrgLevel,
  type OrgLevelCounts,
  type OrgRating,
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

/** O3: read from recognized results. `branchLevels` only for the units judged on their branches (a base committee). */
export type DerivedFigures = { memberLevels: LevelCounts; branchLevels: OrgLevelCounts | null; unratedBranches: number };

/** The organization being scored, the year and the rulebook of its (or its branches') newest review period. */
export type ScoringTarget = { orgId: string; orgName: string; kind: EvaluatedKind; year: number; rulebookId: string };

export type StoredOrgScore = {
  id: string;
  orgId: string;
  year: number;
  version: number;
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

/** O2: the level the answers and the stored figures give. */
export function rateAnswers(target: ScoringTarget, derived: DerivedFigures, answers: OrgScoreAnswers): OrgRating {
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

export async function previewOrgScore(db: Db, target: ScoringTarget, answers: OrgScoreAnswers) {
  const derived = await derivedFigures(db, target);
  return { derived, rating: rateAnswers(target, derived, answers) };
}

/**
 * Saves the answers as a new proposed version. The figures are read again in the same transaction, so the stored
 * level is the one of what is stored now (a branch recognized since the preview counts).
 */
export async function saveOrgScore(
  db: Db,
  input: { target: ScoringTarget; answers: OrgScoreAnswers; actorId: string },
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
        scores: JSON.stringify(answers.scores),
        conditions: JSON.stringify({ ...answers.conditions, ...answers.defects }),
        level: rating.level,
        total: rating.total,
        hcmActions: answers.hcmActions,
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

/** The newest rating of the organization's year, if any (a recognized one is not scored again, B.I.4). */
export async function currentOrgScore(db: Db, target: ScoringTarget): Promise<StoredOrgScore | null> {
  return (await latestOrgScores(db, [target.orgId], target.year)).get(target.orgId) ?? null;
}

type OrgScoreRecord = {
  id: string;
  orgId: string;
  year: number;
  version: number;
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
