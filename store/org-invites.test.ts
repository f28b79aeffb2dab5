import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_OPEN_ORG_INVITES, ORG_INVITE_VALID_DAYS } from "../domain/org-tree";
import { freshDb } from "../test/support/db";
import { seedBranch, seedCommittee } from "../test/support/seed";
import type { Db } from "./client";
import { hashInviteCode } from "./invites";
import {
  attachableOrgs,
  claimOrgInvite,
  committeesWithoutSecretary,
  findOrgInvite,
  issueOrgInvite,
  openOrgInvites,
  revokeOrgInvite,
} from "./org-invites";
import { createOrganization } from "./orgs";
import { loadIdentity } from "./users";

const NOW = new Date("2026-12-01T02:00:00.000Z");
const DAY = 86_400_000;
const SECRETARY = 1;
const BRANCH_SECRETARY = 2;

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const userId = async (telegramId: number) => (await loadIdentity(db, { id: telegramId })).userId;

/** A base committee with its secretary, and a branch (not under it) whose secretary is BRANCH_SECRETARY. */
async function world() {
  const committee = await seedCommittee(db, { name: "Đảng ủy Sở Tài chính", secretary: SECRETARY });
  const branch = await seedBranch(db, {
    members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] }],
  });
  const issue = (kind: "subordinate" | "committee") =>
    issueOrgInvite(db, { orgId: committee.orgId, kind }, committee.userIds[SECRETARY], NOW);
  return { committee, branch, issue };
}

describe("store/org-invites", () => {
  it("codes of at least 128 random bits fit a start parameter; only their SHA-256 is stored; they last ORG_INVITE_VALID_DAYS", async () => {
    const { issue } = await world();
    const issued = (await issue("committee"))!;
    expect(issued.code).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(Buffer.from(issued.code, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const row = await db.orgInvite.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.codeHash).toBe(hashInviteCode(issued.code));
    expect(JSON.stringify(row)).not.toContain(issued.code);
    expect(row.expiresAt.getTime()).toBe(NOW.getTime() + ORG_INVITE_VALID_DAYS * DAY);
    const audit = await db.auditEvent.findMany({ where: { action: "org-invite.issued" } });
    expect(audit.map((e) => JSON.parse(e.data))).toEqual([{ inviteId: issued.id, kind: "committee" }]);
  });

  it("a committee link grants the committee role once; reused, expired and revoked links are refused and change nothing", async () => {
    const { committee, issue } = await world();
    const first = (await issue("committee"))!;
    const member = await userId(10);
    expect(await claimOrgInvite(db, { inviteId: first.id, userId: member }, NOW)).toMatchObject({ ok: true, kind: "committee" });
    expect(await db.roleGrant.findMany({ where: { userId: member }, select: { orgId: true, role: true } })).toEqual([
      { orgId: committee.orgId, role: "committee" },
    ]);
    expect(await claimOrgInvite(db, { inviteId: first.id, userId: await userId(11) }, NOW)).toEqual({ ok: false, reason: "used" });
    expect(await findOrgInvite(db, first.code, NOW)).toMatchObject({ ok: false, reason: "used" });

    const late = (await issue("committee"))!;
    const afterExpiry = new Date(NOW.getTime() + ORG_INVITE_VALID_DAYS * DAY);
    expect(await claimOrgInvite(db, { inviteId: late.id, userId: await userId(11) }, afterExpiry)).toEqual({
      ok: false,
      reason: "expired",
    });

    const revoked = (await issue("committee"))!;
    expect(await revokeOrgInvite(db, revoked.id, committee.userIds[SECRETARY], NOW)).toBe(true);
    expect(await revokeOrgInvite(db, revoked.id, committee.userIds[SECRETARY], NOW)).toBe(false);
    expect(await claimOrgInvite(db, { inviteId: revoked.id, userId: await userId(11) }, NOW)).toEqual({ ok: false, reason: "revoked" });
    expect(await db.roleGrant.count({ where: { orgId: committee.orgId } })).toBe(2);
    expect(await openOrgInvites(db, committee.orgId, NOW)).toEqual([expect.objectContaining({ id: late.id })]);
    expect(await findOrgInvite(db, "not-a-code", NOW)).toMatchObject({ ok: false, reason: "unknown" });
  });

  it("a subordinate link attaches only an organization its claimant runs, of a kind the committee takes, once", async () => {
    const { committee, branch, issue } = await world();
    const invite = (await issue("subordinate"))!;
    const secretaryId = await userId(BRANCH_SECRETARY);
    const stranger = await userId(12);
    const baseCommittee = { orgId: committee.orgId, orgKind: "base-committee" };
    expect(await attachableOrgs(db, secretaryId, baseCommittee)).toEqual([{ orgId: branch.orgId, orgName: "Chi bộ Văn phòng" }]);
    // Someone else's branch, or an organization of a kind a base committee does not take, is refused.
    expect(await claimOrgInvite(db, { inviteId: invite.id, userId: stranger, attachOrgId: branch.orgId }, NOW)).toEqual({
      ok: false,
      reason: "not-attachable",
    });
    const claimed = await claimOrgInvite(db, { inviteId: invite.id, userId: secretaryId, attachOrgId: branch.orgId }, NOW);
    expect(claimed).toMatchObject({ ok: true, attached: { orgId: branch.orgId } });
    expect(await db.organization.findUniqueOrThrow({ where: { id: branch.orgId } })).toMatchObject({ parentId: committee.orgId });
    // No role on the committee comes with it: its secretary acts on the branch, not the branch's.
    expect(await db.roleGrant.count({ where: { userId: secretaryId, orgId: committee.orgId } })).toBe(0);
    expect(await attachableOrgs(db, secretaryId, baseCommittee)).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "org-invite.claimed" } });
    expect(JSON.parse(audit.data)).toEqual({ inviteId: invite.id, kind: "subordinate", attached: branch.orgId, from: null });
  });

  it("a committee holds at most MAX_OPEN_ORG_INVITES open links", async () => {
    const { issue } = await world();
    for (let i = 0; i < MAX_OPEN_ORG_INVITES; i++) expect(await issue("committee")).not.toBeNull();
    expect(await issue("committee")).toBeNull();
  });

  it("a committee set up by name before issue 12 gets its first secretary from a branch's secretary, who cannot take it", async () => {
    const legacy = await createOrganization(db, { name: "Đảng ủy Cũ", kind: "base-committee" }, null, NOW);
    await seedBranch(db, {
      parentId: legacy.id,
      members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] }],
    });
    const issuer = await userId(BRANCH_SECRETARY);
    expect(await committeesWithoutSecretary(db, issuer)).toEqual([{ orgId: legacy.id, orgName: "Đảng ủy Cũ" }]);
    const older = (await issueOrgInvite(db, { orgId: legacy.id, kind: "first-secretary" }, issuer, NOW))!;
    const link = (await issueOrgInvite(db, { orgId: legacy.id, kind: "first-secretary" }, issuer, NOW))!;
    // A new first-secretary link replaces the older one.
    expect(await claimOrgInvite(db, { inviteId: older.id, userId: await userId(20) }, NOW)).toEqual({ ok: false, reason: "revoked" });
    expect(await claimOrgInvite(db, { inviteId: link.id, userId: issuer }, NOW)).toEqual({ ok: false, reason: "own-issued" });
    const chosen = await userId(20);
    expect(await claimOrgInvite(db, { inviteId: link.id, userId: chosen }, NOW)).toMatchObject({ ok: true, kind: "first-secretary" });
    expect(await db.roleGrant.findMany({ where: { orgId: legacy.id }, select: { userId: true, role: true } })).toEqual([
      { userId: chosen, role: "secretary" },
    ]);
    expect(await committeesWithoutSecretary(db, issuer)).toEqual([]);
    // Once it has a secretary, another first-secretary link cannot make a second one.
    const late = (await issueOrgInvite(db, { orgId: legacy.id, kind: "first-secretary" }, issuer, NOW))!;
    expect(await claimOrgInvite(db, { inviteId: late.id, userId: await userId(21) }, NOW)).toEqual({ ok: false, reason: "has-secretary" });
  });
});
