import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { claimInvite, hashInviteCode, issueInvites } from "./invites";
import { loadIdentity } from "./users";

const NOW = new Date("2026-12-01T02:00:00.000Z");
const DAY = 86_400_000;

describe("store/invites", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let orgId: string;
  let memberIds: Record<string, string>;

  beforeEach(async () => {
    ({ db, cleanup } = await freshDb());
    ({ orgId, memberIds } = await seedBranch(db, {
      members: [
        { fullName: "Nguyễn Văn An", kind: "official" },
        { fullName: "Trần Thị Bình", kind: "official" },
        { fullName: "Lê Văn Cường", kind: "probationary", telegramId: 303 },
      ],
    }));
  });
  afterEach(() => cleanup());

  const userId = async (telegramId: number) => (await loadIdentity(db, { id: telegramId })).userId;

  it("issues codes of at least 128 random bits that fit a Telegram start parameter, to members not yet joined", async () => {
    const issued = await issueInvites(db, { orgId }, null, NOW);
    expect(issued.map((i) => i.fullName)).toEqual(["Nguyễn Văn An", "Trần Thị Bình"]);
    for (const { code } of issued) {
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(code.length).toBeLessThanOrEqual(64);
      expect(Buffer.from(code, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(issued.map((i) => i.code)).size).toBe(2);
    // A week past the seeded self-review deadline (20/12), later than the rulebook's 14 days.
    expect(issued[0].expiresAt).toBe("2026-12-27T16:59:59.000Z");
  });

  it("stores only the SHA-256 of the code", async () => {
    const [invite] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    const rows = await db.invite.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].codeHash).toBe(hashInviteCode(invite.code));
    expect(rows[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(invite.code);
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(invite.code);
  });

  it("links the member once; the same code cannot be used again by anyone", async () => {
    const [invite] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    const an = await userId(101);
    const claimed = await claimInvite(db, invite.code, an, NOW);
    expect(claimed).toMatchObject({ ok: true, memberId: memberIds["Nguyễn Văn An"], orgId, fullName: "Nguyễn Văn An" });
    expect((await db.member.findUnique({ where: { id: memberIds["Nguyễn Văn An"] } }))?.userId).toBe(an);
    expect(await claimInvite(db, invite.code, await userId(999), NOW)).toEqual({ ok: false, reason: "used" });
    expect(await claimInvite(db, invite.code, an, NOW)).toMatchObject({ ok: false, reason: "own" });
    expect(await db.auditEvent.count({ where: { action: "invite.claimed" } })).toBe(1);
  });

  it("refuses an expired code, at the exact expiry instant too", async () => {
    const [invite] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]], validDays: 14 }, null, NOW);
    const later = new Date(NOW.getTime() + 14 * DAY);
    expect(await claimInvite(db, invite.code, await userId(101), later)).toEqual({ ok: false, reason: "expired" });
    expect((await db.member.findUnique({ where: { id: memberIds["Nguyễn Văn An"] } }))?.userId).toBeNull();
  });

  it("refuses a wrong or tampered code", async () => {
    const [invite] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    const tampered = (invite.code[0] === "A" ? "B" : "A") + invite.code.slice(1);
    expect(await claimInvite(db, tampered, await userId(101), NOW)).toEqual({ ok: false, reason: "unknown" });
    expect(await claimInvite(db, "", await userId(101), NOW)).toEqual({ ok: false, reason: "unknown" });
  });

  it("fresh codes invalidate the earlier ones", async () => {
    const [first] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    const [second] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    expect(await claimInvite(db, first.code, await userId(101), NOW)).toEqual({ ok: false, reason: "expired" });
    expect(await claimInvite(db, second.code, await userId(101), NOW)).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findMany({ where: { action: "invites.issued" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((e) => JSON.parse(String(e.data)))).toEqual([
      { count: 1, revoked: 0 },
      { count: 1, revoked: 1 },
    ]);
  });

  it("only an entry's newest invite is claimable, even when an older one was left live", async () => {
    const [older] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    const [newer] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, new Date(NOW.getTime() + 1000));
    // As if the invalidation of the older code had been lost: both rows unused and unexpired.
    await db.invite.updateMany({ where: { codeHash: hashInviteCode(older.code) }, data: { expiresAt: new Date(NOW.getTime() + DAY) } });
    expect(await claimInvite(db, older.code, await userId(101), NOW)).toEqual({ ok: false, reason: "expired" });
    expect(await claimInvite(db, newer.code, await userId(101), NOW)).toMatchObject({ ok: true });
  });

  it("refuses a user who already holds another entry of the branch", async () => {
    const [invite] = await issueInvites(db, { orgId, memberIds: [memberIds["Nguyễn Văn An"]] }, null, NOW);
    expect(await claimInvite(db, invite.code, await userId(303), NOW)).toEqual({ ok: false, reason: "already-member" });
  });

  it("grants the role the invite carries", async () => {
    const [invite] = await issueInvites(db, { orgId, memberIds: [memberIds["Trần Thị Bình"]], role: "committee" }, null, NOW);
    const binh = await userId(202);
    expect(await claimInvite(db, invite.code, binh, NOW)).toMatchObject({ ok: true, role: "committee" });
    expect(await db.roleGrant.count({ where: { userId: binh, orgId, role: "committee" } })).toBe(1);
  });
});
