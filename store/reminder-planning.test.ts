import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REVIEW_OFFSET } from "../test/support/time-zone";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { claimInvite, issueInvites } from "./invites";
import { chooseNotifyChannel } from "./member-accounts";
import { planAll } from "./reminder-planning";
import { claimDue, listReminders } from "./reminders";
import { loadIdentity } from "./users";
import { ZALO_NUMBER_BASE } from "./zalo";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

// In daytime, a week before the deadline: a branch with anyone to remind gets its digest and alerts planned.
const NOW = new Date("2026-12-10T02:00:00Z");
const SECRETARY = { telegramId: 900, roles: ["secretary" as const] };

describe("the scheduler never sweeps an empty branch", () => {
  it("a branch with no members plans nothing, not even its secretary's digest and alerts", async () => {
    await seedBranch(db, { members: [], outsiders: [SECRETARY] });
    expect(await planAll(db, NOW, REVIEW_OFFSET)).toBe(0);
    expect(await db.reminder.count()).toBe(0);
  });

  it("a branch where nobody has joined (a pasted roster, no link opened) plans nothing", async () => {
    const members = Array.from({ length: 50 }, (_, i) => ({ fullName: `Đảng viên ${i}`, kind: "official" as const }));
    await seedBranch(db, { members, outsiders: [SECRETARY] });
    expect(await planAll(db, NOW, REVIEW_OFFSET)).toBe(0);
  });

  it("once one member has joined, the branch is planned again", async () => {
    await seedBranch(db, { members: [{ fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 }], outsiders: [SECRETARY] });
    expect(await planAll(db, NOW, REVIEW_OFFSET)).toBeGreaterThan(0);
  });
});

describe("issue 14: a person on both channels", () => {
  const AN_ZALO = ZALO_NUMBER_BASE + 1;
  const LAN_ZALO = ZALO_NUMBER_BASE + 2;

  /** The member's fresh invite opened on Zalo, then Zalo chosen for reminders and notices (/notify). */
  async function onZaloToo(branch: Awaited<ReturnType<typeof seedBranch>>, name: string, zaloId: number) {
    const invites = { orgId: branch.orgId, memberIds: [branch.memberIds[name]], otherChannel: true };
    const [invite] = await issueInvites(db, invites, null, NOW);
    const account = (await loadIdentity(db, { id: zaloId })).accountId;
    expect(await claimInvite(db, invite.code, account, NOW)).toMatchObject({ ok: true, bound: "zalo" });
    expect(await chooseNotifyChannel(db, branch.userIds[name], "zalo", NOW)).toBe(true);
  }

  it("plans one reminder per member and one alert per committee member, each sent once, to the channel chosen", async () => {
    const branch = await seedBranch(db, {
      members: [
        { fullName: "Lê Thị Lan", kind: "official", telegramId: 900, roles: ["secretary"] },
        { fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 },
      ],
    });
    await onZaloToo(branch, "Nguyễn Văn An", AN_ZALO);
    await onZaloToo(branch, "Lê Thị Lan", LAN_ZALO);
    const morning = new Date("2026-12-17T01:00:00Z"); // 08:00, three days before the deadline
    await planAll(db, morning, REVIEW_OFFSET);
    await planAll(db, morning, REVIEW_OFFSET); // planning again adds nothing
    const rows = await listReminders(db, branch.periodId);
    const reminders = rows.filter((r) => r.kind === "reminder" && r.memberId === branch.memberIds["Nguyễn Văn An"]);
    expect(new Set(reminders.map((r) => r.recipientId))).toEqual(new Set([branch.userIds["Nguyễn Văn An"]])); // the person, not an account

    const jobs = await claimDue(db, morning, 100, REVIEW_OFFSET);
    const toAn = jobs.filter((j) => j.kind === "reminder" && j.memberName === "Nguyễn Văn An");
    expect(toAn.map((j) => j.recipient.telegramId)).toEqual([String(AN_ZALO)]);
    const digests = jobs.filter((j) => j.kind === "digest");
    expect(digests.map((j) => j.recipient.telegramId)).toEqual([String(LAN_ZALO)]);
    expect(jobs.filter((j) => ["101", "900"].includes(j.recipient.telegramId))).toEqual([]);
    expect(await claimDue(db, morning, 100, REVIEW_OFFSET)).toEqual([]);

    const afterDeadline = new Date("2026-12-21T01:00:00Z");
    await planAll(db, afterDeadline, REVIEW_OFFSET);
    const alerts = (await claimDue(db, afterDeadline, 100, REVIEW_OFFSET)).filter((j) => j.kind === "missing-alert");
    expect(alerts.map((j) => j.recipient.telegramId)).toEqual([String(LAN_ZALO)]);
  });
});
