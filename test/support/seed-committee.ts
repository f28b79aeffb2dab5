// Committees above branches (issue 12): a base committee or the bloc with the people who sit on it, members' results
// in a chosen state, organizations' ratings. For the tests of /status, /report and the report reminders.
import type { Db } from "../../store/client";
import { createOrganization, grantRole } from "../../store/orgs";
import { loadIdentity, type Role } from "../../store/users";
import { seedBranch } from "./seed";

export async function seedCommittee(
  db: Db,
  input: { name: string; kind: "base-committee" | "bloc"; parentId?: string | null; people?: Array<{ telegramId: number; role: Role }> },
  now = new Date("2026-12-01T02:00:00Z"),
): Promise<{ orgId: string }> {
  const org = await createOrganization(db, { name: input.name, kind: input.kind, parentId: input.parentId ?? null }, null, now);
  for (const person of input.people ?? []) {
    const identity = await loadIdentity(db, { id: person.telegramId });
    await grantRole(db, identity.userId, org.id, person.role, null, now);
  }
  return { orgId: org.id };
}

/** Results of version 1 for the named members: level (or other outcome) and state. */
export async function seedResults(
  db: Db,
  branch: { periodId: string; memberIds: Record<string, string> },
  results: Record<string, { outcome: string; state: "proposed" | "recognized" | "revoked" }>,
) {
  await db.memberResult.createMany({
    data: Object.entries(results).map(([name, r]) => ({
      periodId: branch.periodId,
      memberId: branch.memberIds[name]!,
      version: 1,
      outcome: r.outcome,
      state: r.state,
      reasons: "[]",
      inputs: "{}",
    })),
  });
}

/** An organization's rating of the year, as the level above left it. */
export async function seedOrgScore(
  db: Db,
  input: { orgId: string; year?: number; level: string; exemplary?: boolean; state?: "proposed" | "recognized" | "revoked" },
) {
  await db.orgScore.create({
    data: {
      orgId: input.orgId,
      year: input.year ?? 2026,
      scores: "{}",
      conditions: "{}",
      level: input.level,
      exemplary: input.exemplary ?? false,
      state: input.state ?? "recognized",
    },
  });
}

/** Telegram ids of the people of seedBlocTree's committees. */
export const TREE_PEOPLE = {
  blocSecretary: 7001,
  baseSecretary: 7002,
  accountsSecretary: 7003,
  officeSecretary: 7004,
  schoolSecretary: 7005,
};

/**
 * A bloc with one base committee of two branches and one standalone base branch, 9 members with results in every
 * state, and the organizations' ratings (one branch exemplary, the base committee's not yet recognized):
 *
 *   Đảng ủy Khối các cơ quan tỉnh
 *   ├─ Đảng ủy Sở Tài chính (rating proposed)
 *   │   ├─ Chi bộ Kế toán (TSVM, exemplary): An L1 ✓, Bình L2 ✓, Cường L3 proposed, Dũng exempt
 *   │   └─ Chi bộ Văn phòng (good): Em L2 ✓, Phúc deferred
 *   └─ Chi bộ cơ sở Trường Kim Đồng (TSVM): Giang L1 ✓, Hà L2 ✓, Inh L2 ✓
 */
export async function seedBlocTree(db: Db, options: { reportDeadline?: string } = {}) {
  const p = TREE_PEOPLE;
  const bloc = await seedCommittee(db, {
    name: "Đảng ủy Khối các cơ quan tỉnh",
    kind: "bloc",
    people: [{ telegramId: p.blocSecretary, role: "secretary" }],
  });
  const base = await seedCommittee(db, {
    name: "Đảng ủy Sở Tài chính",
    kind: "base-committee",
    parentId: bloc.orgId,
    people: [{ telegramId: p.baseSecretary, role: "secretary" }],
  });
  const branch = (name: string, parentId: string, secretary: number, members: Array<{ fullName: string; exempt?: boolean }>) =>
    seedBranch(db, {
      name,
      parentId,
      reportDeadline: options.reportDeadline,
      members: members.map((m, i) => ({
        ...m,
        kind: "official" as const,
        ...(i === 0 && { telegramId: secretary, roles: ["secretary" as const] }),
      })),
    });
  const accounts = await branch("Chi bộ Kế toán", base.orgId, p.accountsSecretary, [
    { fullName: "Nguyễn Văn An" },
    { fullName: "Trần Thị Bình" },
    { fullName: "Lê Văn Cường" },
    { fullName: "Phạm Văn Dũng", exempt: true },
  ]);
  const office = await branch("Chi bộ Văn phòng", base.orgId, p.officeSecretary, [
    { fullName: "Hoàng Thị Em" },
    { fullName: "Vũ Văn Phúc" },
  ]);
  const school = await branch("Chi bộ cơ sở Trường Kim Đồng", bloc.orgId, p.schoolSecretary, [
    { fullName: "Đỗ Thị Giang" },
    { fullName: "Bùi Thị Hà" },
    { fullName: "Ngô Văn Inh" },
  ]);
  await db.organization.update({ where: { id: school.orgId }, data: { kind: "base-branch" } });
  await seedResults(db, accounts, {
    "Nguyễn Văn An": { outcome: "L1", state: "recognized" },
    "Trần Thị Bình": { outcome: "L2", state: "recognized" },
    "Lê Văn Cường": { outcome: "L3", state: "proposed" },
  });
  await seedResults(db, office, {
    "Hoàng Thị Em": { outcome: "L2", state: "recognized" },
    "Vũ Văn Phúc": { outcome: "deferred", state: "proposed" },
  });
  await seedResults(db, school, {
    "Đỗ Thị Giang": { outcome: "L1", state: "recognized" },
    "Bùi Thị Hà": { outcome: "L2", state: "recognized" },
    "Ngô Văn Inh": { outcome: "L2", state: "recognized" },
  });
  await seedOrgScore(db, { orgId: accounts.orgId, level: "tsvm", exemplary: true });
  await seedOrgScore(db, { orgId: office.orgId, level: "good" });
  await seedOrgScore(db, { orgId: base.orgId, level: "tsvm", state: "proposed" });
  await seedOrgScore(db, { orgId: school.orgId, level: "tsvm" });
  return { bloc, base, accounts, office, school };
}
