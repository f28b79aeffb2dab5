import { describe, expect, it } from "vitest";
import type { TallyInput } from "../domain";
import { freshDbForEachTest } from "../test/support/fresh-db-each";
import { seedBranch } from "../test/support/seed";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { chooseCapKeeper, recognizeResults, revokeMemberResult } from "./recognition";
import { evaluateBranch, resultHistory } from "./results";
import { activeTallies, recordHcmPresented, recordTally, setHcmAcknowledged, setMeetingAbsence } from "./tallies";
import { REVIEW_OFFSET } from "../test/support/time-zone";

const NOW = new Date("2026-12-25T10:00:00Z");
let db: Db;
freshDbForEachTest((fresh) => (db = fresh));

function counts(official: number, votes: Partial<TallyInput["votes"]>): TallyInput {
  return { method: "secret", official, present: official, valid: official, votes: { L1: 0, L2: 0, L3: 0, L4: 0, ...votes } };
}

/** A branch of `size` official members, all of whom presented Ho Chi Minh actions, acknowledged by the meeting (M12). */
async function branch(size: number, doubleEntry = false) {
  const members = Array.from({ length: size }, (_, i) => ({ fullName: `Đảng viên ${i + 1}`, kind: "official" as const }));
  const seeded = await seedBranch(db, { members, doubleEntry });
  const ids = members.map((m) => seeded.memberIds[m.fullName]!);
  for (const id of ids) await recordHcmPresented(db, seeded.periodId, id, "secretary", NOW);
  await setHcmAcknowledged(db, { periodId: seeded.periodId, memberIds: ids, acknowledged: true }, "secretary", NOW);
  return { ...seeded, ids };
}

describe("tallies (M13)", () => {
  it("M13 a correction supersedes the previous entry of the same slot and both stay stored", async () => {
    const b = await branch(3);
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[0]!, slot: 1, tally: counts(3, { L2: 3 }), enteredById: "u" }, NOW);
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[0]!, slot: 1, tally: counts(3, { L1: 3 }), enteredById: "u" }, NOW);
    const active = await activeTallies(db, b.periodId, b.ids[0]);
    expect(active).toHaveLength(1);
    expect(active[0]!.votes.L1).toBe(3);
    expect(await db.ballotTally.count()).toBe(2);
  });
});

describe("evaluateBranch (M8, M14)", () => {
  it("M14 stores a new version for a changed result and keeps the old one", async () => {
    const b = await branch(3);
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[0]!, slot: 1, tally: counts(3, { L3: 2 }), enteredById: "u" }, NOW);
    expect((await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET)).changed).toEqual([b.ids[0]]);
    expect((await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET)).changed).toEqual([]);
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[0]!, slot: 1, tally: counts(3, { L2: 2 }), enteredById: "u" }, NOW);
    await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);
    const history = await resultHistory(db, b.periodId, b.ids[0]!);
    expect(history.map((r) => r.outcome.kind === "level" && r.outcome.level)).toEqual(["L3", "L2"]);
    const audit = await listAudit(db, "MemberResult", history[1]!.id);
    expect(audit[0]!.action).toBe("result.proposed");
  });

  it("M3 an absent member is deferred", async () => {
    const b = await branch(3);
    await setMeetingAbsence(db, b.periodId, b.ids[1]!, true, "u", NOW);
    await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);
    expect((await resultHistory(db, b.periodId, b.ids[1]!))[0]!.outcome.kind).toBe("deferred");
  });

  it("M8 a tie at the cap boundary waits for the secretary, then the others become L2 with the cap reason", async () => {
    // 14 members reach L2 or better: cap floor(0.15 × 14) = 2; three L1 candidates with equal votes for 2 seats.
    const b = await branch(14);
    for (const [i, id] of b.ids.entries())
      await recordTally(
        db,
        { periodId: b.periodId, memberId: id, slot: 1, tally: counts(14, i < 3 ? { L1: 12 } : { L2: 12 }), enteredById: "u" },
        NOW,
      );
    const pass = await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);
    expect(pass.final).toBe(false);
    expect(pass.tie?.seatsLeft).toBe(2);
    const candidates = pass.tie!.candidates.map((c) => c.memberId);
    expect((await resultHistory(db, b.periodId, b.ids[0]!)).at(-1)!.outcome.kind).toBe("undecided");

    const tie = { periodId: b.periodId, candidates, seatsLeft: 2, actorId: "u" };
    expect(await chooseCapKeeper(db, { ...tie, memberId: b.ids[0]! }, NOW)).toBe(false);
    expect(await chooseCapKeeper(db, { ...tie, memberId: b.ids[2]! }, NOW)).toBe(true);
    const resolved = await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);
    expect(resolved.final).toBe(true);
    const demoted = (await resultHistory(db, b.periodId, b.ids[1]!)).at(-1)!.outcome;
    expect(demoted).toMatchObject({ kind: "level", level: "L2" });
    expect(demoted.reasons.map((r) => r.code)).toContain("cap.demoted");
    expect((await resultHistory(db, b.periodId, b.ids[2]!)).at(-1)!.outcome).toMatchObject({ kind: "level", level: "L1" });
  });

  it("double entry: the result stands only when both entries agree", async () => {
    const b = await branch(3, true);
    const member = b.ids[0]!;
    await recordTally(db, { periodId: b.periodId, memberId: member, slot: 1, tally: counts(3, { L2: 2 }), enteredById: "a" }, NOW);
    await recordTally(db, { periodId: b.periodId, memberId: member, slot: 2, tally: counts(3, { L2: 3 }), enteredById: "b" }, NOW);
    const pass = await evaluateBranch(db, { periodId: b.periodId, actorId: "a" }, NOW, REVIEW_OFFSET);
    expect(pass.disagreements.map((d) => [d.memberId, d.entries.length])).toEqual([[member, 2]]);
    expect(await resultHistory(db, b.periodId, member)).toEqual([]);
    await recordTally(db, { periodId: b.periodId, memberId: member, slot: 2, tally: counts(3, { L2: 2 }), enteredById: "b" }, NOW);
    expect((await evaluateBranch(db, { periodId: b.periodId, actorId: "a" }, NOW, REVIEW_OFFSET)).disagreements).toHaveLength(0);
    expect((await resultHistory(db, b.periodId, member))[0]!.outcome).toMatchObject({ level: "L2" });
  });
});

describe("recognition (M14, M15)", () => {
  it("M15 recognizes proposed levels; M14 a revocation keeps who, when and why as a new version", async () => {
    const b = await branch(3);
    await recordTally(db, { periodId: b.periodId, memberId: b.ids[0]!, slot: 1, tally: counts(3, { L2: 2 }), enteredById: "u" }, NOW);
    await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET);
    const recognized = await recognizeResults(db, { periodId: b.periodId, actorId: "upper" }, NOW);
    expect(recognized.map((r) => [r.memberId, r.state])).toEqual([[b.ids[0], "recognized"]]);
    expect(await recognizeResults(db, { periodId: b.periodId, actorId: "upper" }, NOW)).toEqual([]);

    expect(await revokeMemberResult(db, { periodId: b.periodId, memberId: b.ids[0]!, why: "  ", actorId: "upper" }, NOW)).toEqual({
      ok: false,
      error: "result.why-required",
    });
    const revoked = await revokeMemberResult(db, { periodId: b.periodId, memberId: b.ids[0]!, why: "Sai số phiếu", actorId: "upper" }, NOW);
    expect(revoked.ok && revoked.result).toMatchObject({
      state: "revoked",
      revokedById: "upper",
      revokeReason: "Sai số phiếu",
      version: 3,
    });
    const history = await resultHistory(db, b.periodId, b.ids[0]!);
    expect(history.map((r) => r.state)).toEqual(["proposed", "recognized", "revoked"]);
    // Nothing changed since the revocation: no new proposal until the counts are entered again.
    expect((await evaluateBranch(db, { periodId: b.periodId, actorId: "u" }, NOW, REVIEW_OFFSET)).changed).toEqual([]);
  });
});

// Issue 9 point 6: two people confirming at the same moment collided on the version number and one got no answer.
describe("concurrent confirmations (M14: versions numbered one after the other, never twice)", () => {
  /** What the tally dialog does on "confirm": store the counts, then the branch-wide pass. */
  async function confirm(periodId: string, memberId: string, tally: TallyInput, actorId: string) {
    await recordTally(db, { periodId, memberId, slot: 1, tally, enteredById: actorId }, NOW);
    return evaluateBranch(db, { periodId, actorId }, NOW, REVIEW_OFFSET);
  }
  const versionsOf = async (periodId: string, memberId: string) => (await resultHistory(db, periodId, memberId)).map((r) => r.version);

  it("counts for different members confirmed at the same moment give each member version 1", async () => {
    const b = await branch(3);
    await Promise.all(b.ids.map((id, i) => confirm(b.periodId, id, counts(3, { L2: 3 }), `committee-${i}`)));
    for (const id of b.ids) expect(await versionsOf(b.periodId, id)).toEqual([1]);
  });

  it("two entries for one member at the same moment both succeed; the counts that stand are rated", async () => {
    const b = await branch(3);
    await Promise.all([
      confirm(b.periodId, b.ids[0]!, counts(3, { L2: 3 }), "a"),
      confirm(b.periodId, b.ids[0]!, counts(3, { L3: 3 }), "b"),
    ]);
    const history = await resultHistory(db, b.periodId, b.ids[0]!);
    expect(history.map((r) => r.version)).toEqual(history.map((_, i) => i + 1));
    const [standing] = await activeTallies(db, b.periodId, b.ids[0]);
    expect(history.at(-1)!.inputs.tally).toMatchObject({ votes: standing!.votes });
  });

  it("a recognition and a revocation of one result at the same moment both answer, with distinct versions", async () => {
    const b = await branch(3);
    await confirm(b.periodId, b.ids[0]!, counts(3, { L2: 3 }), "secretary");
    const [recognized, revoked] = await Promise.all([
      recognizeResults(db, { periodId: b.periodId, actorId: "upper-1" }, NOW),
      revokeMemberResult(db, { periodId: b.periodId, memberId: b.ids[0]!, why: "Sai số phiếu", actorId: "upper-2" }, NOW),
    ]);
    expect(recognized).toHaveLength(1);
    expect(revoked.ok).toBe(true);
    expect(await versionsOf(b.periodId, b.ids[0]!)).toEqual([1, 2, 3]);
  });
});
