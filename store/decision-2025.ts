// N7 step 3 in the store: the competent level decides a member's level otherwise than proposed, with its reason, in
// one transaction with the checks (the proposal it decides on, the committee's cap for "xuất sắc").
import { decideOtherwise, getRulebook, hasSeatForExcellent, type Decision, type MemberLevel } from "../domain";
import { inTransaction, type Db } from "./client";
import { capUnitOfPeriod, loadCommitteeCap } from "./committee-cap";
import { branchResults, type ResultWithMember } from "./recognition";
import { toStoredResult, writeRecognizedVersion } from "./results";

export type DecidedOtherwise = { ok: true; result: ResultWithMember } | Extract<Decision, { ok: false }>;

export async function decideLevelOtherwise(
  db: Db,
  input: { periodId: string; memberId: string; level: MemberLevel; note: string; actorId: string },
  now: Date,
  offsetMinutes: number,
): Promise<DecidedOtherwise> {
  return inTransaction(db, async (tx) => {
    const period = await tx.reviewPeriod.findUniqueOrThrow({ where: { id: input.periodId }, select: { rulebookId: true } });
    if (getRulebook(period.rulebookId).procedure !== "appraisal") return { ok: false, error: "decision.not-appraisal" };
    const current = (await branchResults(tx, input.periodId)).find((r) => r.memberId === input.memberId);
    const version = current && { version: current.version, state: current.state, outcome: current.outcome, by: "", at: current.createdAt };
    const decided = decideOtherwise(version ?? null, { level: input.level, note: input.note });
    if (!decided.ok) return decided;
    if (input.level === "L1") {
      const unit = await capUnitOfPeriod(tx, input.periodId);
      const cap = unit && (await loadCommitteeCap(tx, unit.committeeId, unit.year, { at: now.toISOString(), offsetMinutes }));
      if (cap && !hasSeatForExcellent(cap, current!.outcome)) return { ok: false, error: "decision.no-seat" };
    }
    const { outcome } = decided;
    // The note is the committee's official wording; the audit keeps only that a decision was taken, and its level.
    const next = { periodId: input.periodId, memberId: input.memberId, version: current!.version + 1, outcome, inputs: current!.inputs };
    const audit = { action: "result.decided-otherwise" as const, data: { level: input.level } };
    const row = await writeRecognizedVersion(tx, { ...next, actorId: input.actorId }, audit, now);
    return { ok: true, result: { ...current!, ...toStoredResult(row) } };
  });
}
