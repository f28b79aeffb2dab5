// TZ_REVIEW is the one source of the review's local time: set to another zone, it moves the formatted deadline, the
// invite expiry shown, and the reminder times; a zone with daylight saving time is refused at start.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { REVIEW_ZONE } from "../test/support/time-zone";
import type { Db } from "../store/client";
import { planAll } from "../store/reminder-planning";
import type { ReminderJob } from "../store/reminders";
import { ConfigError, loadConfig } from "./config";
import { formatInstant } from "./kit/format-date";
import { translatorFor } from "./kit/i18n";
import { inviteMessages } from "./kit/invite-links";
import { renderJob } from "./reminder-messages";

const TOKEN = "123456789:AAE_abcdefghijklmnopqrstuvwxyz";
const TOKYO = loadConfig({ BOT_TOKEN: TOKEN, TZ_REVIEW: "Asia/Tokyo" }).timeZone;
const TELEGRAM_ONLY = { botUsername: "bot", telegram: true, zalo: false };
const DEADLINE = "2026-12-20T16:59:59.000Z"; // 20/12 23:59 in Hanoi, 21/12 01:59 in Tokyo

describe("TZ_REVIEW", () => {
  it("defaults to Asia/Ho_Chi_Minh at +07:00; another zone without daylight saving is read with its offset", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).timeZone).toEqual({ name: "Asia/Ho_Chi_Minh", offsetMinutes: 420 });
    expect(TOKYO).toEqual({ name: "Asia/Tokyo", offsetMinutes: 540 });
  });

  it("refuses a zone with daylight saving time and a name that is no zone, in one sentence", () => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, TZ_REVIEW: "Europe/Paris" })).toThrowError(ConfigError);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, TZ_REVIEW: "Europe/Paris" })).toThrowError(/daylight saving/);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, TZ_REVIEW: "Mars/Olympus" })).toThrowError(/not a time zone/);
  });

  it("changes the deadline a member reads, in the reminder and in the invite list", () => {
    expect(formatInstant(DEADLINE, "en", REVIEW_ZONE)).toBe("20/12/2026, 23:59");
    expect(formatInstant(DEADLINE, "en", TOKYO)).toBe("21/12/2026, 01:59");
    const job: ReminderJob = {
      kind: "reminder",
      id: "r",
      periodId: "p",
      orgName: "Chi bộ A",
      year: 2026,
      deadline: DEADLINE,
      dueAt: "2026-12-20T01:00:00.000Z",
      memberName: "An",
      recipient: { userId: "u", telegramId: "1", language: "en" },
    };
    expect(renderJob(job, REVIEW_ZONE).parts.join()).toContain("20/12/2026, 23:59");
    expect(renderJob(job, TOKYO).parts.join()).toContain("21/12/2026, 01:59");
    const invites = [{ memberId: "m", fullName: "An", code: "c", expiresAt: DEADLINE }];
    expect(inviteMessages(translatorFor("en"), TELEGRAM_ONLY, invites, REVIEW_ZONE)[0]).toContain("20/12/2026");
    expect(inviteMessages(translatorFor("en"), TELEGRAM_ONLY, invites, TOKYO)[0]).toContain("21/12/2026");
  });

  describe("the reminder times", () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ db, cleanup } = await freshDb()));
    afterEach(() => cleanup());

    async function planned(offsetMinutes: number): Promise<string[]> {
      const { periodId } = await seedBranch(db, {
        selfReviewDeadline: DEADLINE,
        members: [{ fullName: "An", kind: "official", telegramId: 101 }],
      });
      await planAll(db, new Date("2026-12-01T02:00:00Z"), offsetMinutes);
      const rows = await db.reminder.findMany({ where: { periodId, kind: "reminder" }, orderBy: { dueAt: "asc" } });
      return rows.map((r) => r.dueAt.toISOString());
    }

    it("are 08:00 local of their days in Hanoi", async () => {
      expect(await planned(REVIEW_ZONE.offsetMinutes)).toEqual([
        "2026-12-17T01:00:00.000Z",
        "2026-12-19T01:00:00.000Z",
        "2026-12-20T01:00:00.000Z",
      ]);
    });

    it("follow Tokyo's days, where the deadline is 21/12 01:59: the day's one goes to 20:00 the evening before", async () => {
      expect(await planned(TOKYO.offsetMinutes)).toEqual([
        "2026-12-17T23:00:00.000Z",
        "2026-12-19T23:00:00.000Z",
        "2026-12-20T11:00:00.000Z",
      ]);
    });
  });
});
