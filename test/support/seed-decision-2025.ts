// Seeds for N7 step 3 and N6 (366): a base committee over branches on the 366 rulebook, and each member's proposal as
// the branch's appraisal leaves it (a MemberResult, state proposed, with the 366 inputs), seeded directly.
import type { MemberLevel, OpenPoints } from "../../domain";
import { qd366_2025 } from "../../domain/rulebooks";
import type { Db } from "../../store/client";
import { createOrganization } from "../../store/orgs";
import type { Role } from "../../store/users";
import { seedBranch, type SeedMember } from "./seed";

const SEEDED_AT = new Date("2026-12-01T02:00:00Z");

export type Branch2025Seed = {
  name: string;
  /** Each member's proposed level and score, in roster order (named `<branch> 01…`). */
  proposals: Array<{ level: MemberLevel; score: number }>;
  secretary?: number;
  /** Telegram ids of other members by roster index (they are told their decided level). */
  telegram?: Record<number, number>;
  openPoints?: OpenPoints;
};

/** A proposal as the branch's appraisal writes it (N7 step 2). */
export function proposalRow(periodId: string, memberId: string, p: { level: MemberLevel; score: number }, version = 1) {
  return {
    periodId,
    memberId,
    version,
    outcome: p.level,
    state: "proposed",
    reasons: JSON.stringify([{ code: "score.reached", params: { level: p.level, score: p.score } }]),
    inputs: JSON.stringify({ rulebookId: qd366_2025.id, score: p.score, tasks: null, fixStatus: "none", grounds: [], appraisalVersion: 1 }),
    createdAt: SEEDED_AT,
  };
}

async function seedOne(db: Db, b: Branch2025Seed, parentId: string, outsiders: Array<{ telegramId: number; roles: Role[] }>) {
  const roster: SeedMember[] = b.proposals.map((_, i) => ({
    fullName: `${b.name} ${String(i + 1).padStart(2, "0")}`,
    kind: "official",
    ...(i === 0 && b.secretary !== undefined ? { telegramId: b.secretary, roles: ["secretary" as Role] } : {}),
    ...(b.telegram?.[i] !== undefined ? { telegramId: b.telegram[i] } : {}),
  }));
  const seeded = await seedBranch(db, { name: b.name, members: roster, parentId, outsiders, rulebookId: qd366_2025.id });
  if (b.openPoints) await db.reviewPeriod.update({ where: { id: seeded.periodId }, data: { openPoints: JSON.stringify(b.openPoints) } });
  const ids = roster.map((m) => seeded.memberIds[m.fullName]!);
  await db.memberResult.createMany({ data: b.proposals.map((p, i) => proposalRow(seeded.periodId, ids[i]!, p)) });
  return { ...seeded, name: b.name, ids };
}

/** A base committee over 366 branches with their proposals; `committee` users hold the committee role on it. */
export async function seed2025Committee(db: Db, input: { name: string; branches: Branch2025Seed[]; committee: number[] }) {
  const committee = await createOrganization(db, { name: input.name, kind: "base-committee" }, null, SEEDED_AT);
  const outsiders = input.committee.map((telegramId) => ({ telegramId, roles: ["committee"] as Role[] }));
  const branches = [];
  for (const [i, b] of input.branches.entries()) branches.push(await seedOne(db, b, committee.id, i === 0 ? outsiders : []));
  return { committeeId: committee.id, branches };
}
