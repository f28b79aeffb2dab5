// A database from before issue 12: /setup created a base committee from a typed name and gave the branch's own
// secretary the "upper" role on it. After the migrations the committee keeps its branch, nobody holds a role on it,
// and its real first secretary comes through a link the branch's secretary makes (and cannot use).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { holdsRoleOver } from "./authority";
import { openDb } from "./client";
import { applyMigrations } from "./migrate";
import { claimOrgInvite, committeesWithoutSecretary, issueOrgInvite } from "./org-invites";
import { loadIdentity } from "./users";

const dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-legacy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MIGRATIONS = path.resolve(import.meta.dirname, "../prisma/migrations");
/** The first migration of issue 12: everything before it is the schema the legacy data was written under. */
const ISSUE_12 = "20261202151500_committee_roles";

/** The migrations folder as it stood before issue 12. */
function migrationsBeforeIssue12(): string {
  const target = path.join(dir, "migrations");
  mkdirSync(target);
  for (const name of readdirSync(MIGRATIONS)) {
    if (name < ISSUE_12 || name === "migration_lock.toml")
      cpSync(path.join(MIGRATIONS, name), path.join(target, name), { recursive: true });
  }
  return target;
}

describe("a committee /setup created from a typed name (migrations of issue 12)", () => {
  it("keeps its branch, loses the branch secretary's upper role, and gets its first secretary by a link", async () => {
    const file = path.join(dir, "legacy.db");
    const url = `file:${file}`;
    applyMigrations(url, migrationsBeforeIssue12());
    const legacy = new Database(file);
    const at = "2026-11-30T02:00:00.000Z";
    legacy.exec(`
      INSERT INTO "User" ("id", "telegramId", "language", "createdAt") VALUES ('cuser0000000000000000000a', '42', 'vi', '${at}');
      INSERT INTO "Organization" ("id", "name", "kind", "createdAt") VALUES ('corg00000000000000000000c', 'Đảng ủy Sở Tài chính', 'base-committee', '${at}');
      INSERT INTO "Organization" ("id", "name", "kind", "parentId", "createdAt")
        VALUES ('corg00000000000000000000b', 'Chi bộ Kế toán', 'branch', 'corg00000000000000000000c', '${at}');
      INSERT INTO "RoleGrant" ("id", "userId", "orgId", "role", "createdAt") VALUES
        ('cgrant00000000000000000001', 'cuser0000000000000000000a', 'corg00000000000000000000b', 'secretary', '${at}'),
        ('cgrant00000000000000000002', 'cuser0000000000000000000a', 'corg00000000000000000000c', 'upper', '${at}');
      INSERT INTO "ReviewPeriod" ("id", "orgId", "year", "rulebookId", "selfReviewDeadline", "reportDeadline", "createdAt")
        VALUES ('cperiod000000000000000001', 'corg00000000000000000000b', 2026, 'hd07-2011', '${at}', '${at}', '${at}');
    `);
    legacy.close();

    expect(applyMigrations(url)).toContain(ISSUE_12);
    const db = await openDb(url);
    try {
      const branch = await db.organization.findUniqueOrThrow({ where: { id: "corg00000000000000000000b" } });
      expect(branch.parentId).toBe("corg00000000000000000000c");
      expect(await db.roleGrant.findMany({ select: { orgId: true, role: true } })).toEqual([
        { orgId: "corg00000000000000000000b", role: "secretary" },
      ]);
      const secretary = "cuser0000000000000000000a";
      expect(await holdsRoleOver(db, secretary, { periodAbove: "cperiod000000000000000001" }, ["secretary", "committee"])).toBe(false);

      expect(await committeesWithoutSecretary(db, secretary)).toEqual([
        { orgId: "corg00000000000000000000c", orgName: "Đảng ủy Sở Tài chính" },
      ]);
      const now = new Date("2026-12-01T02:00:00.000Z");
      const link = await issueOrgInvite(db, { orgId: "corg00000000000000000000c", kind: "first-secretary" }, secretary, now);
      expect(await claimOrgInvite(db, { inviteId: link!.id, userId: secretary }, now)).toEqual({ ok: false, reason: "own-issued" });
      const chosen = (await loadIdentity(db, { id: 43 })).userId;
      expect(await claimOrgInvite(db, { inviteId: link!.id, userId: chosen }, now)).toMatchObject({ ok: true });
      expect(await holdsRoleOver(db, chosen, { periodAbove: "cperiod000000000000000001" }, ["secretary", "committee"])).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });
});
