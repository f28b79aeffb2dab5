// M8, M14, M15: the branch-wide rating pass and the versions of each member's result (never overwritten).
import {
  getRulebook,
  isMemberLevel,
  reviewYearDays,
  rateMember,
  reason,
  type CapEntry,
  type MemberOutcome,
  type MemberRatingInput,
  type Reason,
  type ResultState,
  type TallyInput,
} from "../domain";
import { recordAudit } from "./audit";
import { capOfBranch, type BranchCap } from "./branch-cap-unit";
import { inTransaction, type Db, type Tx } from "./client";
import { loadBranchInputs, type BranchInputs, type MemberInputs } from "./rating-inputs";
import type { TallyRow } from "./tallies";

export type StoredResult = {
  id: string;
  memberId: string;
  version: number;
  outcome: MemberOutcome;
  state: ResultState;
  inputs: Record<string, unknown>;
  createdAt: string;
  recognizedAt: string | null;
  revokedAt: string | null;
  revokedById: string | null;
  revokeReason: string | null;
};

export type CapTie = { candidates: Array<{ memberId: string; fullName: string }>; seatsLeft: number; votes: number };
export type BranchPass = {
  changed: string[];
  tie: CapTie | null;
  /** Double entry: members whose two entries disagree, with both entries. */
  disagreements: Array<{ memberId: string; fullName: string; entries: TallyRow[] }>;
  final: boolean;
  /** Members still to be counted: the L1 cap (M8) waits for them. */
  waitingForTally: Array<{ memberId: string; fullName: string }>;
};

type ResultRecord = {
  id: string;
  memberId: string;
  version: number;
  outcome: string;
  reasons: string;
  inputs: string;
  state: string;
  createdAt: Date;
  recognizedAt: Date | null;
  revokedAt: Date | null;
  revokedById: string | null;
  revokeReason: string | null;
};

/** A stored outcome code (a level, or the kind of a pending outcome) back as the domain's outcome. */
export function outcomeFrom(code: string, reasons: Reason[], note?: string): MemberOutcome {
  if (isMemberLevel(code))
    return note && code === "L3" ? { kind: "level", level: code, reasons, note } : { kind: "level", level: code, reasons };
  return { kind: code as Exclude<MemberOutcome["kind"], "level">, reasons };
}

export function toStoredResult(r: ResultRecord): StoredResult {
  const inputs = JSON.parse(r.inputs) as Record<string, unknown>;
  const note = typeof inputs.l3Note === "string" ? inputs.l3Note : undefined;
  return {
    id: r.id,
    memberId: r.memberId,
    version: r.version,
    state: r.state as ResultState,
    inputs,
    outcome: outcomeFrom(r.outcome, JSON.parse(r.reasons) as Reason[], note),
    createdAt: r.createdAt.toISOString(),
    recognizedAt: r.recognizedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedById: r.revokedById,
    revokeReason: r.revokeReason,
  };
}

/** How an outcome is stored: its level, or the kind of a pending outcome. */
export const outcomeCode = (o: MemberOutcome) => (o.kind === "level" ? o.level : o.kind);

/** The newest version of each member's result in a period. */
export async function latestResults(db: Db | Tx, periodId: string): Promise<Map<string, StoredResult>> {
  const rows = await db.memberResult.findMany({ where: { periodId }, orderBy: { version: "asc" } });
  const latest = new Map<string, StoredResult>();
  for (const row of rows) latest.set(row.memberId, toStoredResult(row));
  return latest;
}

export async function resultHistory(db: Db, periodId: string, memberId: string): Promise<StoredResult[]> {
  const rows = await db.memberResult.findMany({ where: { periodId, memberId }, orderBy: { version: "asc" } });
  return rows.map(toStoredResult);
}

function ratingInputsJson(m: MemberInputs, l3Note: string | undefined) {
  return {
    status: m.status,
    absent: m.absent,
    hcmActions: m.hcmActions,
    hcmAcknowledged: m.hcmAcknowledged,
    disciplines: m.disciplines,
    tally: m.tally,
    ...(l3Note ? { l3Note } : {}),
  };
}

/** A new version is written only when something changed; a recognized result changes only by revoking it (M14). */
function needsNewVersion(latest: StoredResult | undefined, outcome: MemberOutcome, inputs: string): boolean {
  if (!latest) return outcome.kind !== "awaiting-tally";
  if (latest.state === "recognized") return false;
  const sameInputs = JSON.stringify(latest.inputs) === inputs;
  if (latest.state === "revoked") return !sameInputs;
  return !sameInputs || JSON.stringify(latest.outcome) !== JSON.stringify(outcome);
}

/**
 * Rates every member of the branch (M1–M13), applies the L1 cap (M8: the branch's own with the secretary's tie
 * decisions, or its base committee's recorded cut: ./branch-cap-unit.ts), and stores a new proposed version for
 * each member whose result changed. `notes` are new M11 notes.
 */
export async function evaluateBranch(
  db: Db | Tx,
  input: { periodId: string; actorId: string; notes?: Record<string, string> },
  now: Date,
  /** The review time zone's offset (Deps.timeZone): local days of M9 and M10. */
  offsetMinutes: number,
): Promise<BranchPass> {
  // One transaction from the first read to the last write: two confirmations at the same moment run one after the
  // other (the adapter holds one transaction at a time), so each numbers its versions after the other's.
  return inTransaction(db, (tx) => evaluateBranchIn(tx, input, now, offsetMinutes));
}

async function evaluateBranchIn(
  tx: Tx,
  input: { periodId: string; actorId: string; notes?: Record<string, string> },
  now: Date,
  offsetMinutes: number,
): Promise<BranchPass> {
  const asOf = now.toISOString();
  const branch = await loadBranchInputs(tx, input.periodId, { at: asOf, offsetMinutes });
  const latest = await latestResults(tx, input.periodId);
  // N7: under 366 the branch's proposals are its appraisals' (store/appraisals.ts); a ballot there decides nothing.
  if (isAppraisal(branch)) return proposalsPass(branch, latest);
  const noteOf = (m: MemberInputs) => input.notes?.[m.id] ?? (latest.get(m.id)?.inputs.l3Note as string | undefined);

  const cap = await rateBranch(tx, branch, noteOf);

  const changed: string[] = [];
  for (const m of branch.members) {
    const outcome = cap.outcomes[m.id]!;
    const inputs = JSON.stringify({ ...ratingInputsJson(m, noteOf(m)), cap: cap.capInputs(m.id) });
    const previous = latest.get(m.id);
    if (!needsNewVersion(previous, outcome, inputs)) continue;
    const version = (previous?.version ?? 0) + 1;
    await writeProposedVersion(tx, { periodId: input.periodId, memberId: m.id, version, outcome, inputs, actorId: input.actorId }, now);
    changed.push(m.id);
  }
  const names = new Map(branch.members.map((m) => [m.id, m.fullName]));
  const tie =
    cap.tie && !cap.final
      ? {
          candidates: cap.tie.candidates.map((id) => ({ memberId: id, fullName: names.get(id) ?? "" })),
          seatsLeft: cap.tie.seatsLeft,
          votes: cap.tie.votes,
        }
      : null;
  return {
    changed,
    tie,
    final: cap.final,
    waitingForTally: (cap.waitingForTally ?? []).map((id) => ({ memberId: id, fullName: names.get(id) ?? "" })),
    disagreements: branch.members.filter((m) => m.disagreement).map((m) => ({ memberId: m.id, fullName: m.fullName, entries: m.entries })),
  };
}

const isAppraisal = (branch: BranchInputs) => getRulebook(branch.rulebookId).procedure === "appraisal";

/**
 * N7, N6 (RULES-2025): a 366 period's outcomes are the branch's proposals as stored, uncapped (the cap is applied where
 * the decision is taken); a member without one waits for the appraisal.
 */
function proposalsAsCap(branch: BranchInputs, latest: Map<string, StoredResult>): BranchCap {
  const waiting: MemberOutcome = { kind: "awaiting-tally", reasons: [reason("appraisal.missing")] };
  const outcomes = Object.fromEntries(branch.members.map((m) => [m.id, latest.get(m.id)?.outcome ?? waiting]));
  const waitingForTally = branch.members.filter((m) => !latest.has(m.id)).map((m) => m.id);
  // N6: the cap is the deciding level's (a previewed count names it as the committee's, as under a base committee).
  return { outcomes, final: waitingForTally.length === 0, waitingForTally, capInputs: () => ({ committee: null }) };
}

/** The pass of a 366 period: nothing is rated or written; the members not yet proposed hold the sending back. */
function proposalsPass(branch: BranchInputs, latest: Map<string, StoredResult>): BranchPass {
  const cap = proposalsAsCap(branch, latest);
  const names = new Map(branch.members.map((m) => [m.id, m.fullName]));
  return {
    changed: [],
    tie: null,
    final: cap.final,
    waitingForTally: (cap.waitingForTally ?? []).map((id) => ({ memberId: id, fullName: names.get(id) ?? "" })),
    disagreements: [],
  };
}

/**
 * Every member's outcome with the L1 cap applied (M8: the branch's own, or its base committee's cut) and the tie
 * decisions; writes nothing (the branch-wide pass stores it; the preview of a whole branch's counts shows it).
 */
export async function rateBranch(tx: Tx, branch: BranchInputs, noteOf: (m: MemberInputs) => string | undefined): Promise<BranchCap> {
  if (isAppraisal(branch)) return proposalsAsCap(branch, await latestResults(tx, branch.periodId));
  const rulebook = getRulebook(branch.rulebookId);
  const entries: CapEntry[] = branch.members.map((m) => ({
    memberId: m.id,
    l1Votes: m.tally?.votes.L1 ?? 0,
    outcome: rateMember(ratingInputOf(branch, m, m.tally, noteOf(m)), rulebook),
  }));
  return capOfBranch(tx, branch, entries, rulebook);
}

/**
 * The rating the domain gives one member for counts not yet stored (the preview before confirming), and, when
 * given, the meeting's acknowledgement of their Ho Chi Minh actions about to be confirmed with them (M12).
 */
export async function previewMemberOutcome(
  db: Db,
  input: { periodId: string; memberId: string; tally: TallyInput; l3Note?: string; hcmAcknowledged?: boolean },
  now: Date,
  offsetMinutes: number,
): Promise<MemberOutcome> {
  const branch = await loadBranchInputs(db, input.periodId, { at: now.toISOString(), offsetMinutes });
  const m = branch.members.find((x) => x.id === input.memberId);
  if (!m) throw new Error("member not in this period's branch");
  // N7: a ballot under 366 is information; what stands is the branch's proposal.
  if (isAppraisal(branch)) return proposalsAsCap(branch, await latestResults(db, input.periodId)).outcomes[m.id]!;
  const member = input.hcmAcknowledged === undefined ? m : { ...m, hcmAcknowledged: input.hcmAcknowledged };
  return rateMember(ratingInputOf(branch, member, input.tally, input.l3Note), getRulebook(branch.rulebookId));
}

/** What the domain rates a member from: their roster facts, the branch's year and zone, and counts if any. */
export function ratingInputOf(
  branch: BranchInputs,
  m: MemberInputs,
  tally: TallyInput | null | undefined,
  l3Note: string | undefined,
): MemberRatingInput {
  return {
    member: m.status,
    absentFromMeeting: m.absent,
    hcmActions: m.hcmActions,
    hcmAcknowledged: m.hcmAcknowledged,
    disciplines: m.disciplines,
    reviewYear: reviewYearDays(branch.year),
    ...(tally ? { tally } : {}),
    l3Note,
  };
}

/**
 * A new recognized version of a member's result (M15 as proposed, or N7's decision otherwise), audited by `action`
 * with `data` (never the decision's words). Returns the row as stored.
 */
export async function writeRecognizedVersion(
  tx: Tx,
  v: { periodId: string; memberId: string; version: number; outcome: MemberOutcome; inputs: unknown; actorId: string },
  audit: { action: "result.recognized" | "result.decided-otherwise"; data: Record<string, unknown> },
  now: Date,
) {
  const row = await tx.memberResult.create({
    data: {
      periodId: v.periodId,
      memberId: v.memberId,
      version: v.version,
      outcome: outcomeCode(v.outcome),
      reasons: JSON.stringify(v.outcome.reasons),
      inputs: JSON.stringify(v.inputs),
      state: "recognized",
      createdById: v.actorId,
      createdAt: now,
      recognizedAt: now,
      recognizedById: v.actorId,
    },
  });
  const data = { memberId: v.memberId, version: row.version, ...audit.data };
  await recordAudit(tx, { actorId: v.actorId, action: audit.action, entity: "MemberResult", entityId: row.id, data }, now);
  return row;
}

/** A new proposed version of a member's result, audited (the outcome only: no text of the review). */
export async function writeProposedVersion(
  tx: Tx,
  v: { periodId: string; memberId: string; version: number; outcome: MemberOutcome; inputs: string; actorId: string | null },
  now: Date,
): Promise<void> {
  const outcome = outcomeCode(v.outcome);
  const row = await tx.memberResult.create({
    data: {
      periodId: v.periodId,
      memberId: v.memberId,
      version: v.version,
      outcome,
      reasons: JSON.stringify(v.outcome.reasons),
      inputs: v.inputs,
      state: "proposed",
      createdById: v.actorId,
      createdAt: now,
    },
  });
  const data = { memberId: v.memberId, version: v.version, outcome };
  await recordAudit(tx, { actorId: v.actorId, action: "result.proposed", entity: "MemberResult", entityId: row.id, data }, now);
}
