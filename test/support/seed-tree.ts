// A committee with its branches (until the org tree's own seeding lands): the committee's people hold roles on it,
// each branch is a seeded branch under it. Also recognized member results and organizations' ratings as the level
// above would have left them.
import type { MemberLevel, OrgLevel } from "../../domain";
import type { Db } from "../../store/client";
import { createOrganization, grantRole, type OrgKind, type Role } from "../../store/orgs";
import { loadIdentity } from "../../store/users";
import { seedBranch, type SeedMember } from "./seed";

type CommitteePerson = { telegramId: number; role: Role };

export async function seedCommitteeTree(
  db: Db,
  input: {
    name?: string;
    kind?: Extract<OrgKind, "base-committee" | "bloc">;
    parentId?: string | null;
    people: CommitteePerson[];
    branches: Array<{ name: string; members: SeedMember[]; kind?: Extract<OrgKind, "branch" | "base-branch"> }>;
    now?: Date;
    /** The branches' periods' rulebook (the default one when absent). */
    rulebookId?: string;
  },
) {
  const now = input.now ?? new Date("2026-12-01T02:00:00Z");
  const committee = await createOrganization(
    db,
    { name: input.name ?? "Đảng ủy Sở", kind: input.kind ?? "base-committee", parentId: input.parentId ?? null },
    null,
    now,
  );
  for (const person of input.people) {
    const identity = await loadIdentity(db, { id: person.telegramId });
    await grantRole(db, identity.userId, committee.id, person.role, null, now);
  }
  const branches = [];
  for (const branch of input.branches) {
    const seeded = await seedBranch(db, {
      name: branch.name,
      members: branch.members,
      parentId: committee.id,
      now,
      ...(input.rulebookId ? { rulebookId: input.rulebookId } : {}),
    });
    if (branch.kind && branch.kind !== "branch") await db.organization.update({ where: { id: seeded.orgId }, data: { kind: branch.kind } });
    branches.push(seeded);
  }
  return { committeeId: committee.id, branches };
}

/** Every member of a seeded branch with a recognized result at the given level (L2 when not listed). */
export async function seedRecognizedResults(
  db: Db,
  branch: { periodId: string; memberIds: Record<string, string> },
  levels: Record<string, MemberLevel> = {},
) {
  await db.memberResult.createMany({
    data: Object.entries(branch.memberIds).map(([name, memberId]) => ({
      periodId: branch.periodId,
      memberId,
      version: 1,
      outcome: levels[name] ?? "L2",
      reasons: "[]",
      inputs: "{}",
      state: "recognized",
    })),
  });
}

/** An organization's rating of the year, as /score and the level above would have stored it. */
export async function seedOrgScore(
  db: Db,
  input: { orgId: string; year?: number; level: OrgLevel; total?: number; state?: "proposed" | "recognized"; rulebookId?: string },
) {
  const row = await db.orgScore.create({
    data: {
      orgId: input.orgId,
      year: input.year ?? 2026,
      version: 1,
      scores: "{}",
      // A 366 rating names its rulebook with its facts (store/org-scores.ts).
      conditions: input.rulebookId ? JSON.stringify({ rulebookId: input.rulebookId }) : "{}",
      level: input.level,
      total: input.total ?? 92,
      state: input.state ?? "recognized",
    },
  });
  return row.id;
}
