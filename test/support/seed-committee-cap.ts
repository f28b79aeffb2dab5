// Seeds for the M8 cap across a base committee: a committee with branches of official members (each with Ho Chi Minh
// actions recorded, so a vote alone decides), and a standalone base branch under a bloc.
import type { TallyInput } from "../../domain";
import type { Db } from "../../store/client";
import { createOrganization } from "../../store/orgs";
import { evaluateBranch } from "../../store/results";
import { recordHcmPresented, recordTally, setHcmAcknowledged } from "../../store/tallies";
import type { Role } from "../../store/users";
import { seedBranch, type SeedMember } from "./seed";
import { REVIEW_OFFSET } from "./time-zone";

const SEEDED_AT = new Date("2026-12-01T02:00:00Z");

export type CapBranchSeed = {
  name: string;
  size: number;
  /** Telegram id of the branch secretary (the first member). */
  secretary?: number;
  /** Telegram id of the first member after the secretary (e.g. someone who also sits on the committee). */
  firstMember?: number;
  kind?: "branch" | "base-branch";
};

/** Official members named `<branch> 01…`, the first the branch's secretary when one is given. */
function rosterOf(b: CapBranchSeed): SeedMember[] {
  return Array.from({ length: b.size }, (_, i) => {
    const member: SeedMember = { fullName: `${b.name} ${String(i + 1).padStart(2, "0")}`, kind: "official" };
    if (i === 0 && b.secretary !== undefined) return { ...member, telegramId: b.secretary, roles: ["secretary"] };
    if (i === 1 && b.firstMember !== undefined) return { ...member, telegramId: b.firstMember };
    return member;
  });
}

async function seedOne(db: Db, b: CapBranchSeed, parentId: string, outsiders: Array<{ telegramId: number; roles: Role[] }>) {
  const roster = rosterOf(b);
  const seeded = await seedBranch(db, { name: b.name, members: roster, parentId, outsiders });
  if (b.kind === "base-branch") await db.organization.update({ where: { id: seeded.orgId }, data: { kind: "base-branch" } });
  const ids = roster.map((m) => seeded.memberIds[m.fullName]!);
  for (const id of ids) await recordHcmPresented(db, seeded.periodId, id, "seed", SEEDED_AT);
  // M12: the meeting acknowledged the actions too, so only the votes and the cap decide these levels.
  await setHcmAcknowledged(db, { periodId: seeded.periodId, memberIds: ids, acknowledged: true }, "seed", SEEDED_AT);
  return { ...seeded, name: b.name, ids };
}

/** A base committee with its branches; `committee` users hold the committee role on it. */
export async function seedCapCommittee(db: Db, input: { name: string; branches: CapBranchSeed[]; committee: number[] }) {
  const committee = await createOrganization(db, { name: input.name, kind: "base-committee" }, null, SEEDED_AT);
  const outsiders = input.committee.map((telegramId) => ({ telegramId, roles: ["committee"] as Role[] }));
  const branches = [];
  for (const [i, b] of input.branches.entries()) branches.push(await seedOne(db, b, committee.id, i === 0 ? outsiders : []));
  return { committeeId: committee.id, branches };
}

/** A standalone base branch (chi bộ cơ sở) under a bloc whose `bloc` users hold the committee role. */
export async function seedStandaloneBaseBranch(db: Db, input: CapBranchSeed & { bloc: number[] }) {
  const bloc = await createOrganization(db, { name: "Đảng ủy Khối", kind: "bloc" }, null, SEEDED_AT);
  const outsiders = input.bloc.map((telegramId) => ({ telegramId, roles: ["committee"] as Role[] }));
  return { blocId: bloc.id, branch: await seedOne(db, { ...input, kind: "base-branch" }, bloc.id, outsiders) };
}

/** Every official present and voting: `l1` ballots for excellent, the rest for good. */
export const ballots = (official: number, l1: number): TallyInput => ({
  method: "secret",
  official,
  present: official,
  valid: official,
  votes: { L1: l1, L2: official - l1, L3: 0, L4: 0 },
});

/**
 * Counts every member of a seeded branch as its secretary would at the meeting — the first ones with these ballots
 * for excellent, the rest good — then runs the branch's pass.
 */
export async function voteBranch(db: Db, branch: { periodId: string; ids: string[] }, l1Ballots: number[], now: Date) {
  const official = branch.ids.length;
  for (const [i, memberId] of branch.ids.entries())
    await recordTally(
      db,
      { periodId: branch.periodId, memberId, slot: 1, tally: ballots(official, l1Ballots[i] ?? 0), enteredById: "sec" },
      now,
    );
  return evaluateBranch(db, { periodId: branch.periodId, actorId: "sec" }, now, REVIEW_OFFSET);
}
