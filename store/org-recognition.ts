// B.I.4, O6: the level above recognizes or revokes an organization's rating, and marks exemplary ones within the
// share of its TSVM organizations. Each change is a new version: the old ones stay, with who, when and why. Under 366
// (NO1, NO2) recognizing "xuất sắc" keeps the count within the cap among the organizations it decides for, and the
// level above may decide another level with a reason (./org-cap-standing.ts reads the figures).
import {
  checkDecisionOtherwise,
  checkExemplary,
  checkOrgExcellent,
  exemplaryQuota,
  getRulebook,
  isOrgKind,
  recognizeOrgRating,
  revokeOrgRating,
  type DecisionErrorCode,
  type OrgCapFigures,
  type OrgCapRule,
  type OrgLevel,
  type Reason,
  type ResultErrorCode,
} from "../domain";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { orgCapStanding } from "./org-cap-standing";
import { latestOrgScores, toStoredOrgScore, type StoredOrgScore } from "./org-scores";
import { DEFAULT_RULEBOOK_ID } from "../domain/rulebooks";

export type RatedOrg = { orgId: string; orgName: string; parentId: string; score: StoredOrgScore };

/** A version of a rating with its organization; null when unknown. `latest` is false for a version since replaced. */
export async function orgScoreVersion(db: Db | Tx, scoreId: string) {
  const row = await db.orgScore.findUnique({ where: { id: scoreId }, include: { org: { select: { name: true, parentId: true } } } });
  if (!row) return null;
  const newer = await db.orgScore.count({ where: { orgId: row.orgId, year: row.year, version: { gt: row.version } } });
  return { orgId: row.orgId, orgName: row.org.name, parentId: row.org.parentId, latest: newer === 0, score: toStoredOrgScore(row) };
}

/** The evaluated organizations directly under the committees, each with its newest rating (of its newest year). */
export async function ratingsBelow(db: Db, committeeIds: readonly string[]): Promise<RatedOrg[]> {
  const orgs = await db.organization.findMany({
    where: { parentId: { in: [...committeeIds] } },
    select: { id: true, name: true, kind: true, parentId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const evaluated = orgs.filter((o) => isOrgKind(o.kind));
  const latest = await latestOrgScores(
    db,
    evaluated.map((o) => o.id),
  );
  return evaluated.flatMap((o) => {
    const score = latest.get(o.id);
    return score ? [{ orgId: o.id, orgName: o.name, parentId: o.parentId!, score }] : [];
  });
}

/** O6: the committee's recognized TSVM ratings of the year and how many of them are exemplary. */
export async function exemplaryStanding(db: Db | Tx, committeeId: string, year: number, except?: string) {
  const children = await db.organization.findMany({ where: { parentId: committeeId }, select: { id: true } });
  const latest = await latestOrgScores(
    db,
    children.map((c) => c.id).filter((id) => id !== except),
    year,
  );
  const recognizedTsvm = [...latest.values()].filter((s) => s.state === "recognized" && s.level === "tsvm");
  const tsvm = recognizedTsvm.length + (except ? 1 : 0);
  const rulebook = getRulebook(await rulebookOfYear(db, committeeId, year));
  return { tsvm, exemplary: recognizedTsvm.filter((s) => s.exemplary).length, quota: exemplaryQuota(tsvm, rulebook), rulebook };
}

export type OrgRatingChange =
  | { ok: true; score: StoredOrgScore }
  | {
      ok: false;
      error: ResultErrorCode | DecisionErrorCode | "stale" | "org.exemplary-not-tsvm" | "org.exemplary-not-scored" | "org.cap-mixed";
    }
  | { ok: false; error: "org.exemplary-over-quota"; quota: number; tsvm: number; marked: number }
  | { ok: false; error: "org.cap-full"; figures: OrgCapFigures; rule: OrgCapRule };

/** `level` and `reasons`: a decision otherwise (NO2), whose reasons start with decision.differs. */
type Change = { state?: "recognized" | "revoked"; exemplary?: boolean; why?: string; level?: OrgLevel; reasons?: Reason[] };

/** A new version of the pressed one, refused when the pressed one is no longer the newest (a stale button). */
async function appendVersion(
  db: Db,
  input: { scoreId: string; actorId: string },
  now: Date,
  decide: (tx: Tx, current: StoredOrgScore, parentId: string | null) => Promise<OrgRatingChange | Change>,
): Promise<OrgRatingChange> {
  return inTransaction(db, async (tx) => {
    const found = await orgScoreVersion(tx, input.scoreId);
    if (!found) return { ok: false, error: "result.none" };
    if (!found.latest) return { ok: false, error: "stale" };
    const decided = await decide(tx, found.score, found.parentId);
    if ("ok" in decided) return decided;
    const base = await tx.orgScore.findUniqueOrThrow({ where: { id: input.scoreId } });
    const state = decided.state ?? base.state;
    const row = await tx.orgScore.create({
      data: {
        orgId: base.orgId,
        year: base.year,
        version: base.version + 1,
        scores: base.scores,
        conditions: base.conditions,
        level: decided.level ?? base.level,
        total: base.total,
        hcmActions: base.hcmActions,
        derived: base.derived,
        reasons: decided.reasons ? JSON.stringify(decided.reasons) : base.reasons,
        // A revoked rating is no longer exemplary (O6 counts recognized ones only).
        exemplary: state === "revoked" ? false : (decided.exemplary ?? base.exemplary),
        state,
        createdById: input.actorId,
        createdAt: now,
        recognizedAt: decided.state === "recognized" ? now : base.recognizedAt,
        recognizedById: decided.state === "recognized" ? input.actorId : base.recognizedById,
        revokedAt: decided.state === "revoked" ? now : null,
        revokedById: decided.state === "revoked" ? input.actorId : null,
        revokeReason: decided.state === "revoked" ? (decided.why ?? null) : null,
      },
    });
    // The reason is the committee's official wording; the audit keeps only that there was one.
    const action = decided.level
      ? "org-score.decided-otherwise"
      : decided.state
        ? `org-score.${decided.state}`
        : `org-score.exemplary-${row.exemplary ? "marked" : "unmarked"}`;
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action,
        entity: "OrgScore",
        entityId: row.id,
        data: { orgId: row.orgId, year: row.year, version: row.version, ...(decided.level ? { level: decided.level } : {}) },
      },
      now,
    );
    return { ok: true, score: toStoredOrgScore(row) };
  });
}

/** B.I.4: the level above recognizes the pressed (newest, proposed) rating; under 366 "xuất sắc" within the cap (NO1). */
export function recognizeOrgScore(db: Db, input: { scoreId: string; actorId: string }, now: Date) {
  return appendVersion(db, input, now, async (tx, current, parentId) => {
    const error = recognizeOrgRating(current);
    if (error) return { ok: false, error };
    const refused = current.level === "tsvm" ? await capRefusal(tx, current, parentId) : null;
    return refused ?? { state: "recognized" };
  });
}

/** NO2: the level above decides another level than proposed, with its reason: a new recognized version. */
export function decideOrgScoreOtherwise(db: Db, input: { scoreId: string; actorId: string; level: OrgLevel; note: string }, now: Date) {
  return appendVersion(db, input, now, async (tx, current, parentId) => {
    if (!getRulebook(current.rulebookId).org.score) return { ok: false, error: "decision.not-appraisal" };
    const checked = checkDecisionOtherwise(current, { level: input.level, note: input.note });
    if (!checked.ok) return checked;
    const refused = input.level === "tsvm" ? await capRefusal(tx, current, parentId) : null;
    return refused ?? { state: "recognized", level: input.level, reasons: [checked.differs] };
  });
}

/** NO1: why one more "xuất sắc" cannot be recognized among the organizations of the level above; null when it can. */
async function capRefusal(tx: Tx, current: StoredOrgScore, parentId: string | null): Promise<OrgRatingChange | null> {
  if (!parentId || !getRulebook(current.rulebookId).org.score) return null;
  const cap = await orgCapStanding(tx, parentId, current.year, current.rulebookId);
  if (!cap.rule) return { ok: false, error: "org.cap-mixed" };
  const checked = checkOrgExcellent(cap.standing, cap.rule);
  return checked.ok ? null : { ok: false, error: "org.cap-full", figures: checked.figures, rule: cap.rule };
}

/** B.I.4: the level above revokes the rating with a reason; the revoked version keeps who, when and why. */
export function revokeOrgScore(db: Db, input: { scoreId: string; actorId: string; why: string }, now: Date) {
  return appendVersion(db, input, now, async (_tx, current) => {
    const error = revokeOrgRating(current, input.why);
    return error ? { ok: false, error } : { state: "revoked", why: input.why.trim() };
  });
}

/** O6: marks (within the committee's quota) or unmarks a recognized TSVM rating as exemplary. */
export function toggleExemplary(db: Db, input: { scoreId: string; actorId: string }, now: Date) {
  return appendVersion(db, input, now, async (tx, current, parentId) => {
    if (current.exemplary) return { exemplary: false };
    if (!parentId) return { ok: false, error: "result.none" };
    // NO1: the 366 levels have no "tiêu biểu"; its 20% caps "xuất sắc" itself (capRefusal).
    if (getRulebook(current.rulebookId).org.score) return { ok: false, error: "org.exemplary-not-scored" };
    const standing = await exemplaryStanding(tx, parentId, current.year, current.orgId);
    const checked = checkExemplary(current, standing, standing.rulebook);
    return checked.ok ? { exemplary: true } : checked;
  });
}

/** The rulebook of the organization's (or its branches') review of the year; the default one otherwise. */
async function rulebookOfYear(tx: Db | Tx, orgId: string, year: number): Promise<string> {
  const period = await tx.reviewPeriod.findFirst({
    where: { year, quarter: 0, OR: [{ orgId }, { org: { parentId: orgId } }] },
    select: { rulebookId: true },
  });
  return period?.rulebookId ?? DEFAULT_RULEBOOK_ID;
}
