// M8, revised Decision: a base committee's L1 cap across its branches for a year — the figure each branch previews,
// the cut the committee records (a new result version for each member it moves), the ties its members decide, and
// recognition that holds L1 results back until the cut is recorded.
import {
  committeeCap,
  getRulebook,
  l1ShareOf,
  localDateKey,
  rateMember,
  type CommitteeBranch,
  type CommitteeCap,
  type CommitteeCapState,
  type CapRule,
  type L1Share,
} from "../domain";
import type { ZonedInstant } from "../domain/calendar";
import { recordAudit } from "./audit";
import { parseOpenPoints } from "../domain/open-points";
import { appraisalCapMembers, applyCutToProposals } from "./appraisal-cap";
import { capCommitteeOf, decisionFromRow } from "./branch-cap-unit";
import { inTransaction, type Db, type Tx } from "./client";
import { loadBranchInputs } from "./rating-inputs";
import { branchResults, recognizeResults, type ResultWithMember } from "./recognition";
import { evaluateBranch, latestResults, ratingInputOf } from "./results";

export type CapPerson = { memberId: string; fullName: string; branchId: string; branchName: string; share: L1Share };

export type CommitteeCapView = CommitteeCap & {
  committeeId: string;
  committeeName: string;
  year: number;
  branchNames: Map<string, string>;
  /** The L1 candidates by name and branch. */
  people: Map<string, CapPerson>;
  rulebookTitles: string[];
  /** The periods of the year of the committee's branches. */
  periods: Array<{ periodId: string; branchId: string; rulebookId: string }>;
};

/** The committee's figure for a year, read from every branch's vote (null: not a base committee). */
export async function loadCommitteeCap(
  db: Db | Tx,
  committeeId: string,
  year: number,
  asOf: ZonedInstant,
): Promise<CommitteeCapView | null> {
  const committee = await db.organization.findUnique({ where: { id: committeeId }, select: { name: true, kind: true } });
  if (committee?.kind !== "base-committee") return null;
  const orgs = await db.organization.findMany({
    where: { parentId: committeeId, kind: "branch" },
    select: { id: true, name: true, periods: { where: { year, quarter: 0 }, select: { id: true, rulebookId: true, openPoints: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const people = new Map<string, CapPerson>();
  const branches: CommitteeBranch[] = [];
  const periods: CommitteeCapView["periods"] = [];
  for (const org of orgs) {
    const period = org.periods[0];
    if (!period) {
      branches.push({ branchId: org.id, rulebookId: null, members: [] });
      continue;
    }
    const periodId = period.id;
    periods.push({ periodId, branchId: org.id, rulebookId: period.rulebookId });
    const periodRulebook = getRulebook(period.rulebookId);
    if (periodRulebook.procedure === "appraisal") {
      // N6: the branch's proposals, ranked by score (./appraisal-cap.ts).
      // N1's months are counted to the day of the figure, as the appraisal counts them to its own day.
      const own = await appraisalCapMembers(db, periodId, org.id, periodRulebook, localDateKey(asOf.at, asOf.offsetMinutes));
      for (const p of own.people) people.set(p.memberId, { ...p, branchId: org.id, branchName: org.name });
      branches.push({
        branchId: org.id,
        rulebookId: period.rulebookId,
        openPoints: parseOpenPoints(period.openPoints) ?? {},
        members: own.members,
      });
      continue;
    }
    const inputs = await loadBranchInputs(db, periodId, asOf);
    const rulebook = getRulebook(inputs.rulebookId);
    const latest = await latestResults(db, periodId);
    const members: CommitteeBranch["members"] = [];
    for (const m of inputs.members) {
      const stored = latest.get(m.id);
      // A revoked result is outside the cap until the branch votes again (its next pass proposes a new version).
      if (stored?.state === "revoked") continue;
      const recognized = stored?.state === "recognized";
      const share = m.tally ? l1ShareOf(m.tally, rulebook) : null;
      const outcome = recognized ? stored.outcome : rateMember(ratingInputOf(inputs, m, m.tally, undefined), rulebook);
      members.push({ memberId: m.id, outcome, recognized, share });
      if (share) people.set(m.id, { memberId: m.id, fullName: m.fullName, branchId: org.id, branchName: org.name, share });
    }
    branches.push({ branchId: org.id, rulebookId: inputs.rulebookId, members });
  }
  const rows = await db.committeeCapDecision.findMany({ where: { committeeId, year } });
  const cap = committeeCap(branches, rows.map(decisionFromRow), getRulebook);
  return {
    ...cap,
    committeeId,
    committeeName: committee.name,
    year,
    branchNames: new Map(orgs.map((o) => [o.id, o.name])),
    people,
    rulebookTitles: cap.rulebookIds.map((id) => getRulebook(id).title),
    periods,
  };
}

/** The base committee and year whose cap a period's branch counts in, or null when the branch counts its own. */
export async function capUnitOfPeriod(db: Db | Tx, periodId: string): Promise<{ committeeId: string; year: number } | null> {
  const period = await db.reviewPeriod.findUnique({ where: { id: periodId }, select: { orgId: true, year: true } });
  const committeeId = period && (await capCommitteeOf(db, period.orgId));
  return committeeId && period ? { committeeId, year: period.year } : null;
}

/** The years of the open periods of a committee's branches (the figures /recognize shows). */
export async function openCapYears(db: Db, committeeId: string): Promise<number[]> {
  const periods = await db.reviewPeriod.findMany({
    where: { closedAt: null, quarter: 0, org: { parentId: committeeId, kind: "branch" } },
    select: { year: true },
    distinct: ["year"],
    orderBy: { year: "desc" },
  });
  return periods.map((p) => p.year);
}

type CutInput = { committeeId: string; year: number; actorId: string };
/** The branches whose members' results the cut changed, and how many of them (to tell their secretaries). */
export type CutChanges = Array<{ branchId: string; members: number }>;

/** One member's decision, with the vote it was taken on (a new vote makes it stale) and the cap when decided. */
function decisionRow(
  view: CommitteeCapView,
  by: { committeeId: string; year: number; actorId: string },
  decided: { memberId: string; level: "L1" | "L2"; chosen: boolean },
  now: Date,
) {
  const { share } = view.people.get(decided.memberId)!;
  return {
    committeeId: by.committeeId,
    year: by.year,
    ...decided,
    votesL1: share.votes,
    denominator: share.of,
    cap: view.cap,
    base: view.base,
    decidedById: by.actorId,
    decidedAt: now,
  };
}

/**
 * Records the cut as it stands (moved members L2 by the ranking; a tie's choices kept) and writes each changed
 * member's new result version through their branch's pass, in one transaction. Done only in state "to-apply".
 */
async function recordCut(tx: Tx, view: CommitteeCapView, input: CutInput, now: Date, offsetMinutes: number) {
  const { committeeId, year, actorId } = input;
  const tied = view.tie?.candidates ?? [];
  await tx.committeeCapDecision.deleteMany({ where: { committeeId, year, memberId: { notIn: tied } } });
  for (const memberId of view.demote) {
    await tx.committeeCapDecision.create({ data: decisionRow(view, input, { memberId, level: "L2", chosen: false }, now) });
  }
  const changed: CutChanges = [];
  for (const { periodId, branchId, rulebookId } of view.periods) {
    const rulebook = getRulebook(rulebookId);
    // Under 366 the proposals are the appraisal's, not a vote to rate again: only the cut is written on them.
    const members =
      rulebook.procedure === "appraisal" && view.rule
        ? await applyCutToProposals(tx, { periodId, committeeId, year, actorId, rule: view.rule, rulebook }, now)
        : (await evaluateBranch(tx, { periodId, actorId }, now, offsetMinutes)).changed;
    if (members.length > 0) changed.push({ branchId, members: members.length });
  }
  await recordAudit(
    tx,
    {
      actorId,
      action: "cap.committee-cut",
      entity: "Organization",
      entityId: committeeId,
      data: { year, cap: view.cap, base: view.base, kept: view.keep.length, moved: view.demote.length },
    },
    now,
  );
  return changed;
}

const asOf = (now: Date, offsetMinutes: number): ZonedInstant => ({ at: now.toISOString(), offsetMinutes });

/** The committee applies the cut its figure shows. Returns the figure after, and whether anything was recorded. */
export async function applyCommitteeCut(db: Db, input: CutInput, now: Date, offsetMinutes: number) {
  return inTransaction(db, async (tx) => {
    const view = await loadCommitteeCap(tx, input.committeeId, input.year, asOf(now, offsetMinutes));
    if (view?.state !== "to-apply") return { applied: false, view, changed: [] as CutChanges };
    const changed = await recordCut(tx, view, input, now, offsetMinutes);
    return { applied: true, view: await loadCommitteeCap(tx, input.committeeId, input.year, asOf(now, offsetMinutes)), changed };
  });
}

/**
 * A committee member picks one tied member to keep L1. Once as many are picked as there are seats, the others of
 * the tie are recorded L2 and the whole cut is recorded. A choice for a tie that has changed starts it over.
 */
export async function chooseCommitteeKeeper(
  db: Db,
  input: CutInput & { memberId: string },
  now: Date,
  offsetMinutes: number,
): Promise<{ outcome: "stale" | "chosen" | "done"; changed: CutChanges }> {
  return inTransaction(db, async (tx) => {
    const { committeeId, year, memberId, actorId } = input;
    const view = await loadCommitteeCap(tx, committeeId, year, asOf(now, offsetMinutes));
    const tie = view?.state === "tie" ? view.tie : undefined;
    if (!view || !tie?.candidates.includes(memberId)) return { outcome: "stale", changed: [] };
    let keepers = [...new Set([...tie.chosen, memberId])];
    if (keepers.length > tie.seatsLeft) keepers = [memberId];
    const done = keepers.length === tie.seatsLeft;
    await tx.committeeCapDecision.deleteMany({ where: { committeeId, year, memberId: { in: tie.candidates } } });
    for (const id of tie.candidates) {
      if (!keepers.includes(id) && !done) continue;
      const level = keepers.includes(id) ? "L1" : "L2";
      await tx.committeeCapDecision.create({ data: decisionRow(view, input, { memberId: id, level, chosen: true }, now) });
    }
    await recordAudit(
      tx,
      { actorId, action: "cap.committee-chose", entity: "Organization", entityId: committeeId, data: { year, keeper: memberId, done } },
      now,
    );
    if (!done) return { outcome: "chosen", changed: [] };
    const decided = await loadCommitteeCap(tx, committeeId, year, asOf(now, offsetMinutes));
    // The choices alone may already make the cut whole ("applied"): the results are written either way.
    const recorded = decided?.state === "to-apply" || decided?.state === "applied";
    return { outcome: "done", changed: recorded ? await recordCut(tx, decided, input, now, offsetMinutes) : [] };
  });
}

/**
 * M15 under the committee's cap: recognizes the period's proposed results (all, or the listed members), except the
 * L1 results while the committee's cut is unknown, undecided or not recorded; those are returned as held.
 */
export async function recognizeWithinCap(
  db: Db,
  input: { periodId: string; memberIds?: string[]; actorId: string },
  now: Date,
  offsetMinutes: number,
): Promise<{ recognized: ResultWithMember[]; held: string[]; state: CommitteeCapState | null; rule: CapRule | null }> {
  return inTransaction(db, async (tx) => {
    const unit = await capUnitOfPeriod(tx, input.periodId);
    const view = unit && (await loadCommitteeCap(tx, unit.committeeId, unit.year, asOf(now, offsetMinutes)));
    const rule = view?.rule ?? null;
    if (!view?.l1Held) return { recognized: await recognizeResults(tx, input, now), held: [], state: view?.state ?? null, rule };
    const asked = (await branchResults(tx, input.periodId)).filter((r) => !input.memberIds || input.memberIds.includes(r.memberId));
    const isHeld = (r: ResultWithMember) => r.state === "proposed" && r.outcome.kind === "level" && r.outcome.level === "L1";
    const held = asked.filter(isHeld).map((r) => r.memberId);
    const free = asked.filter((r) => !isHeld(r)).map((r) => r.memberId);
    return { recognized: await recognizeResults(tx, { ...input, memberIds: free }, now), held, state: view.state, rule };
  });
}
