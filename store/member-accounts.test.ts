// Issue 14: one roster entry, one account per channel. A member joined on Telegram opens a fresh invite on Zalo: the
// Zalo account is bound to the same entry and acts as the same person; a second account on a channel is refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { holdsRoleOver } from "./authority";
import type { Db } from "./client";
import { claimInvite, invitableMembers, issueInvites } from "./invites";
import { chooseNotifyChannel, deliveriesOf, notifyChoiceOf } from "./member-accounts";
import { periodInfo, periodProgress } from "./period-progress";
import { loadStatusInputs } from "./status";
import { loadIdentity, markUnreachable, setLanguage } from "./users";
import { ZALO_NUMBER_BASE } from "./zalo";

const NOW = new Date("2026-12-10T02:00:00.000Z");
const AN_TELEGRAM = 201;
const AN_ZALO = ZALO_NUMBER_BASE + 1;
const OTHER_ZALO = ZALO_NUMBER_BASE + 2;

let db: Db;
let cleanup: () => Promise<void>;
let branch: Awaited<ReturnType<typeof seedBranch>>;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  branch = await seedBranch(db, {
    members: [
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: AN_TELEGRAM, roles: ["secretary"] },
      { fullName: "Trần Thị Bình", kind: "official" },
    ],
  });
});
afterEach(() => cleanup());

const account = async (id: number) => (await loadIdentity(db, { id })).accountId;
const an = () => branch.memberIds["Nguyễn Văn An"];

/** A fresh invite for An, joined on Telegram: the secretary's /invites where the bot serves both channels. */
async function bindInvite(): Promise<string> {
  const [invite] = await issueInvites(db, { orgId: branch.orgId, memberIds: [an()], otherChannel: true }, null, NOW);
  expect(invite).toMatchObject({ fullName: "Nguyễn Văn An", joinedOn: "telegram" });
  return invite.code;
}

describe("a roster entry binds one account per channel", () => {
  it("a fresh invite opened on Zalo binds the Zalo account to the same entry: memberships and roles from both", async () => {
    const code = await bindInvite();
    const claimed = await claimInvite(db, code, await account(AN_ZALO), NOW);
    expect(claimed).toMatchObject({ ok: true, memberId: an(), bound: "zalo", personId: branch.userIds["Nguyễn Văn An"] });
    expect(await db.member.count()).toBe(2); // no second entry
    expect((await db.member.findUniqueOrThrow({ where: { id: an() } })).userId).toBe(branch.userIds["Nguyễn Văn An"]);

    const onTelegram = await loadIdentity(db, { id: AN_TELEGRAM });
    const onZalo = await loadIdentity(db, { id: AN_ZALO });
    expect(onZalo.userId).toBe(onTelegram.userId);
    expect(onZalo.accountId).not.toBe(onTelegram.accountId);
    expect(onZalo.memberships).toEqual(onTelegram.memberships);
    expect(onZalo.memberships.map((m) => m.memberId)).toEqual([an()]);
    expect(onZalo.roles).toEqual([expect.objectContaining({ orgId: branch.orgId, role: "secretary" })]);
    expect(await holdsRoleOver(db, onZalo.userId, { member: branch.memberIds["Trần Thị Bình"] }, ["secretary"])).toBe(true);
    // Opened again from either account: their own.
    for (const id of [AN_TELEGRAM, AN_ZALO]) expect(await claimInvite(db, code, await account(id), NOW)).toMatchObject({ reason: "own" });
  });

  it("a second account on the same channel is refused, before and after the other channel is bound", async () => {
    const code = await bindInvite();
    expect(await claimInvite(db, code, await account(202), NOW)).toEqual({ ok: false, reason: "taken" });
    expect(await claimInvite(db, code, await account(AN_ZALO), NOW)).toMatchObject({ ok: true, bound: "zalo" }); // still claimable
    // An is on a second roster too: a fresh invite of that entry cannot bring the person a second Zalo account.
    const second = await seedBranch(db, {
      name: "Chi bộ Hai",
      members: [{ fullName: "Nguyễn Văn An", kind: "official", telegramId: AN_TELEGRAM }],
    });
    const entry = second.memberIds["Nguyễn Văn An"];
    const fresh = async () => (await issueInvites(db, { orgId: second.orgId, memberIds: [entry], otherChannel: true }, null, NOW))[0].code;
    expect(await claimInvite(db, await fresh(), await account(OTHER_ZALO), NOW)).toEqual({ ok: false, reason: "taken" });
    expect(await claimInvite(db, await fresh(), await account(AN_ZALO), NOW)).toMatchObject({ ok: false, reason: "own" });
    expect(await db.memberAccount.count()).toBe(1);
    expect((await loadIdentity(db, { id: OTHER_ZALO })).memberships).toEqual([]);
    expect((await loadIdentity(db, { id: AN_ZALO })).memberships.map((m) => m.orgName).sort()).toEqual(["Chi bộ Hai", "Chi bộ Văn phòng"]);
  });

  it("an account that already is someone on the roster is not bound to another entry (no takeover, nothing hidden)", async () => {
    const [binh] = await issueInvites(db, { orgId: branch.orgId, memberIds: [branch.memberIds["Trần Thị Bình"]] }, null, NOW);
    expect(await claimInvite(db, binh.code, await account(OTHER_ZALO), NOW)).toMatchObject({ ok: true, bound: null });
    expect(await claimInvite(db, await bindInvite(), await account(OTHER_ZALO), NOW)).toEqual({ ok: false, reason: "account-in-use" });
    expect((await loadIdentity(db, { id: OTHER_ZALO })).memberships.map((m) => m.fullName)).toEqual(["Trần Thị Bình"]);
  });

  it("/invites lists an entry joined on one channel for the other, until both are bound; reissuing all is for the unjoined", async () => {
    const names = async () => (await invitableMembers(db, branch.orgId, true)).map((m) => `${m.fullName}:${m.joinedOn}`);
    expect(await names()).toEqual(["Trần Thị Bình:null", "Nguyễn Văn An:telegram"]);
    expect((await invitableMembers(db, branch.orgId, false)).map((m) => m.fullName)).toEqual(["Trần Thị Bình"]);
    await claimInvite(db, await bindInvite(), await account(AN_ZALO), NOW);
    expect(await names()).toEqual(["Trần Thị Bình:null"]);
    expect(await issueInvites(db, { orgId: branch.orgId, memberIds: [an()], otherChannel: true }, null, NOW)).toEqual([]);
  });
});

describe("where a person's messages go", () => {
  const person = () => branch.userIds["Nguyễn Văn An"];

  it("the channel joined on first until the member chooses a bound one; only bound channels can be chosen", async () => {
    expect(await notifyChoiceOf(db, person())).toEqual({ channels: ["telegram"], chosen: "telegram" });
    expect(await chooseNotifyChannel(db, person(), "zalo", NOW)).toBe(false);
    await claimInvite(db, await bindInvite(), await account(AN_ZALO), NOW);
    expect(await notifyChoiceOf(db, person())).toEqual({ channels: ["telegram", "zalo"], chosen: "telegram" });
    expect((await deliveriesOf(db, [person()])).get(person())?.telegramId).toBe(String(AN_TELEGRAM));

    expect(await chooseNotifyChannel(db, person(), "zalo", NOW)).toBe(true);
    expect(await notifyChoiceOf(db, person())).toEqual({ channels: ["telegram", "zalo"], chosen: "zalo" });
    const delivery = (await deliveriesOf(db, [person()])).get(person());
    expect(delivery).toMatchObject({ telegramId: String(AN_ZALO), accountId: await account(AN_ZALO), unreachable: false });
  });

  it("reachability and language follow the account messages go to", async () => {
    await claimInvite(db, await bindInvite(), await account(AN_ZALO), NOW);
    await setLanguage(db, (await loadIdentity(db, { id: AN_ZALO })).userId, "en");
    expect((await loadIdentity(db, { id: AN_TELEGRAM })).language).toBe("en");
    expect((await db.user.findUniqueOrThrow({ where: { id: await account(AN_ZALO) } })).language).toBe("en");

    await markUnreachable(db, person(), NOW); // blocked the bot on Telegram, and moved to Zalo
    await chooseNotifyChannel(db, person(), "zalo", NOW);
    const period = (await periodInfo(db, branch.periodId))!;
    const progress = async () => (await periodProgress(db, period, NOW)).find((m) => m.memberId === an())?.unreachable;
    const listed = async () =>
      (await loadStatusInputs(db, branch.orgId, { at: NOW.toISOString(), offsetMinutes: REVIEW_OFFSET }))?.members.find(
        (m) => m.id === an(),
      )?.unreachable;
    expect([await progress(), await listed()]).toEqual([false, false]);
    await markUnreachable(db, await account(AN_ZALO), NOW);
    expect([await progress(), await listed()]).toEqual([true, true]);
  });
});
