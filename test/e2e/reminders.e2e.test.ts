import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REVIEW_OFFSET } from "../support/time-zone";
import { REVIEW_START_DATA } from "../../conversations/self-review-buttons";
import { claimDue, listReminders } from "../../store/reminders";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, seedSubmission } from "../support/seed";

// Deadline 20/12/2026 23:59:59 Vietnam time; reminders at 08:00 (01:00Z) on 17/12, 19/12 and 20/12.
const SECRETARY = 100;
const COMMITTEE = 101;
const AN = 201;
const BINH = 202;
const EXEMPT = 203;
const SUBMITTED = 204;

let h: Harness;
let branch: Awaited<ReturnType<typeof seedBranch>>;

beforeEach(async () => {
  h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
  branch = await seedBranch(h.db, {
    members: [
      { fullName: "Lê Thị Lan", kind: "official", telegramId: SECRETARY, roles: ["secretary"] },
      { fullName: "Đỗ Văn Minh", kind: "official", telegramId: COMMITTEE, roles: ["committee"] },
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: AN },
      { fullName: "Trần Thị Bình", kind: "probationary", telegramId: BINH },
      { fullName: "Phạm Văn Miễn", kind: "official", exempt: true, telegramId: EXEMPT },
      { fullName: "Hoàng Thị Nộp", kind: "official", telegramId: SUBMITTED },
    ],
  });
  await seedSubmission(h.db, { periodId: branch.periodId, memberId: branch.memberIds["Lê Thị Lan"], submittedAt: "2026-12-01T02:00:00Z" });
  await seedSubmission(h.db, { periodId: branch.periodId, memberId: branch.memberIds["Đỗ Văn Minh"], submittedAt: "2026-12-01T02:00:00Z" });
  for (const id of [SECRETARY, COMMITTEE, AN, BINH, EXEMPT, SUBMITTED]) h.user(id);
  await h.sweep(); // plans; sends the secretary's digest of 01/12
});
afterEach(() => h.stop());

const textsTo = (chatId: number) => h.emulator.sent.filter((m) => m.chatId === chatId).map((m) => m.text ?? "");
const remindersTo = (chatId: number) => textsTo(chatId).filter((t) => t.includes("bản tự kiểm điểm năm 2026") && t.startsWith("Kính gửi"));

describe("reminders to members who have not submitted", () => {
  it("T1, M2: at 08:00 on the planned days, with the self-review button; never to exempt or submitted members", async () => {
    await seedSubmission(h.db, {
      periodId: branch.periodId,
      memberId: branch.memberIds["Hoàng Thị Nộp"],
      submittedAt: "2026-12-05T02:00:00Z",
    });
    h.clock.set("2026-12-17T00:59:00.000Z"); // 07:59: not yet
    await h.sweep();
    expect(remindersTo(AN)).toEqual([]);

    h.clock.set("2026-12-17T01:00:00.000Z");
    await h.sweep();
    expect(remindersTo(AN)).toHaveLength(1);
    expect(remindersTo(BINH)).toHaveLength(1);
    expect(remindersTo(EXEMPT)).toEqual([]);
    expect(remindersTo(SUBMITTED)).toEqual([]);
    const reminder = h.emulator.sent.find((m) => m.chatId === AN && m.text?.startsWith("Kính gửi"))!;
    expect(reminder.text).toContain("Nguyễn Văn An");
    expect(JSON.stringify(reminder.replyMarkup)).toContain(REVIEW_START_DATA);

    await h.sweep(); // the same instant again: nothing twice
    expect(remindersTo(AN)).toHaveLength(1);

    h.clock.set("2026-12-20T01:00:00.000Z");
    await h.sweep();
    expect(remindersTo(AN)).toHaveLength(2);
    expect(remindersTo(AN)[1]).toContain("hôm nay là hạn cuối");
  });

  it("the reminder's button starts the self-review", async () => {
    h.clock.set("2026-12-17T01:00:00.000Z");
    await h.sweep();
    const an = h.user(AN);
    await an.click("Viết bản tự kiểm điểm");
    await an.waitForMessage(/Bản tự kiểm điểm năm 2026/);
  });

  it("T1: none at night: a deadline moved to 07:00 reminds at 20:00 the evening before, nothing between 20:00 and 08:00", async () => {
    const secretary = h.user(SECRETARY);
    h.clock.set("2026-12-02T02:00:00.000Z");
    await secretary.send("/deadline");
    await secretary.waitForMessage(/Hạn nộp bản tự kiểm điểm: 23:59 20\/12\/2026/);
    await secretary.click("Đổi hạn nộp");
    await secretary.waitForMessage(/ngày\/tháng\/năm/);
    await secretary.send("ngày mai");
    await secretary.waitForMessage(/Chưa đúng dạng ngày/);
    await secretary.send("10/12/2026 07:00");
    await secretary.waitForMessage(/Đã đổi hạn nộp bản tự kiểm điểm thành 07:00 10\/12\/2026/);

    const dueTimes = [
      ...new Set((await listReminders(h.db, branch.periodId)).filter((r) => r.kind === "reminder" && !r.sentAt).map((r) => r.dueAt)),
    ];
    expect(dueTimes).toEqual(["2026-12-07T01:00:00.000Z", "2026-12-09T01:00:00.000Z", "2026-12-09T13:00:00.000Z"]);

    const sweepAt = async (iso: string) => {
      h.clock.set(iso);
      await h.sweep();
      return remindersTo(AN).length;
    };
    expect(await sweepAt("2026-12-07T00:59:00.000Z")).toBe(0); // 07:59
    expect(await sweepAt("2026-12-07T01:00:00.000Z")).toBe(1); // 08:00, three days before
    expect(await sweepAt("2026-12-09T01:00:00.000Z")).toBe(2); // 08:00, one day before
    expect(await sweepAt("2026-12-09T12:59:00.000Z")).toBe(2);
    expect(await sweepAt("2026-12-09T13:00:00.000Z")).toBe(3); // 20:00: the deadline's "morning" is after the deadline
    expect(remindersTo(AN)[2]).toContain("07:00 10/12/2026");
    for (const night of ["2026-12-09T13:01:00.000Z", "2026-12-09T18:00:00.000Z", "2026-12-09T23:59:00.000Z"]) {
      expect(await sweepAt(night)).toBe(3);
    }
  });

  it("never twice across a kill in the middle of a sweep: claimed-unmarked rows are not re-sent, the rest go out once", async () => {
    h.clock.set("2026-12-17T01:00:00.000Z");
    const claimedBeforeKill = await claimDue(h.db, h.clock.now(), 1, REVIEW_OFFSET); // the process dies before sending or marking
    expect(claimedBeforeKill).toHaveLength(1);
    await h.restart();
    await h.sweep();
    await h.sweep();
    const inDoubtChat = Number(claimedBeforeKill[0].recipient.telegramId);
    for (const chat of [AN, BINH]) expect(remindersTo(chat)).toHaveLength(chat === inDoubtChat ? 0 : 1);
    h.clock.set("2026-12-17T01:20:00.000Z"); // past the lease: closed as in-doubt, still never re-sent
    await h.sweep();
    const row = (await listReminders(h.db, branch.periodId)).find((r) => r.id === claimedBeforeKill[0].id)!;
    expect(row.error).toBe("in-doubt");
    for (const chat of [AN, BINH]) expect(remindersTo(chat).length).toBeLessThanOrEqual(1);
  });

  it("403: a member who blocked the bot is marked unreachable and not tried again", async () => {
    h.emulator.blockBot(BINH);
    h.clock.set("2026-12-17T01:00:00.000Z");
    await h.sweep();
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: String(BINH) } });
    expect(user.unreachableAt).not.toBeNull();
    const callsToBinh = () => h.emulator.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === BINH).length;
    const attempts = callsToBinh();
    h.clock.set("2026-12-19T01:00:00.000Z");
    await h.sweep();
    h.clock.set("2026-12-20T01:00:00.000Z");
    await h.sweep();
    expect(callsToBinh()).toBe(attempts);
    expect(remindersTo(AN)).toHaveLength(3);
  });
});

describe("alerts to the branch committee", () => {
  it("T2: after the deadline, exactly the missing members; then each late submission once", async () => {
    h.clock.set("2026-12-21T01:00:00.000Z");
    await h.sweep();
    for (const chat of [SECRETARY, COMMITTEE]) {
      const alert = textsTo(chat).find((t) => t.includes("đã qua hạn nộp"))!;
      expect(alert).toContain("3 đồng chí chưa nộp");
      expect(alert.split("\n").slice(1)).toEqual(["1. Nguyễn Văn An", "2. Trần Thị Bình", "3. Hoàng Thị Nộp"]);
    }
    await seedSubmission(h.db, {
      periodId: branch.periodId,
      memberId: branch.memberIds["Nguyễn Văn An"],
      submittedAt: "2026-12-21T02:00:00Z",
      late: true,
    });
    h.clock.set("2026-12-21T02:05:00.000Z");
    await h.sweep();
    await h.restart();
    await h.sweep();
    for (const chat of [SECRETARY, COMMITTEE]) {
      const late = textsTo(chat).filter((t) => t.includes("đã nộp bản tự kiểm điểm muộn"));
      expect(late).toHaveLength(1);
      expect(late[0]).toContain("Nguyễn Văn An");
    }
    expect(textsTo(AN).filter((t) => t.includes("muộn"))).toEqual([]);
  });

  it("a daily digest to the secretary only, once per local day, in daytime", async () => {
    const digests = () => textsTo(SECRETARY).filter((t) => t.includes("tình hình tự kiểm điểm"));
    expect(digests()).toHaveLength(1);
    expect(digests()[0]).toContain("Đã nộp đúng hạn: 2");
    h.clock.set("2026-12-01T12:00:00.000Z"); // 19:00 the same day
    await h.sweep();
    h.clock.set("2026-12-01T20:00:00.000Z"); // 03:00 the next day: night
    await h.sweep();
    expect(digests()).toHaveLength(1);
    h.clock.set("2026-12-02T01:00:00.000Z");
    await h.sweep();
    expect(digests()).toHaveLength(2);
    expect(textsTo(COMMITTEE).filter((t) => t.includes("tình hình tự kiểm điểm"))).toEqual([]);
  });
});

describe("/deadline", () => {
  it("T1: secretary only; the meeting date is checked against the deadline and the report; a sticker is asked again", async () => {
    const an = h.user(AN);
    await an.send("/deadline");
    await an.waitForMessage(/chỉ dành cho/);

    const secretary = h.user(SECRETARY);
    await secretary.send("/deadline");
    await secretary.waitForMessage(/Ngày họp chi bộ: chưa đặt/);
    await secretary.click("Đổi ngày họp");
    await secretary.waitForMessage(/ngày họp chi bộ/);
    await secretary.sendSticker();
    await secretary.waitForMessage(/gõ ngày trong tin nhắn/);
    await secretary.send("/status");
    await secretary.waitForMessage(/nhập ngày theo dạng ngày\/tháng\/năm, hoặc gửi \/cancel/);
    await secretary.send("19/12/2026");
    await secretary.waitForMessage(/Ngày họp phải sau hạn nộp bản tự kiểm điểm \(23:59 20\/12\/2026\)/);
    await secretary.send("31/02/2026");
    await secretary.waitForMessage(/Ngày hoặc giờ không hợp lệ/);
    await secretary.send("22/12/2026 14:00");
    await secretary.waitForMessage(/Đã đặt ngày họp chi bộ: 14:00 22\/12\/2026/);
    await secretary.send("/deadline");
    await secretary.waitForMessage(/Ngày họp chi bộ: 14:00 22\/12\/2026/);
  });
});
