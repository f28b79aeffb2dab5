import { afterEach, describe, expect, it } from "vitest";
import { resultHistory } from "../../store/results";
import type { Harness } from "../support/bot-harness";
import { confirmCounts, enterCounts, openCard, OUTSIDER, recordHcmForAll, SECRETARY, startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

/** The counts dialog up to the question asked after the last ballot count. */
async function countsUpTo(user: ReturnType<Harness["user"]>, memberId: string, votes: string[]) {
  await openCard(user, memberId);
  await user.click(`tl:enter:${memberId}`);
  await user.waitForMessage(/hình thức/);
  await user.click("tc:hands");
  await user.waitForMessage(/theo danh sách/);
  await user.click("tc:keep");
  for (const value of ["5", "5", ...votes]) {
    await user.waitForMessage(/\?$/);
    await user.send(value);
  }
}

describe("/tally details", () => {
  it("M9 records the L4 grounds and M11 an L3 note; M12 blocks a level without Ho Chi Minh actions and the meeting's acknowledgement until both are recorded", async () => {
    const world = await startMeetingWorld(5);
    h = world.h;
    const { memberIds, ids } = world;
    const secretary = h.user(SECRETARY);
    await recordHcmForAll(h, ids.periodId, memberIds.slice(0, 2));

    await countsUpTo(secretary, memberIds[0]!, ["0", "0", "0", "4"]);
    await secretary.waitForMessage(/chọn căn cứ/);
    await secretary.click("tc:done"); // M9: no ground chosen yet: refused
    await secretary.waitForMessage(/ít nhất một căn cứ/);
    await secretary.click("tc:caused-disunity");
    await secretary.waitForMessage((m) =>
      (m.replyMarkup?.inline_keyboard ?? []).flat().some((b: { text: string }) => b.text === "✓ Gây mất đoàn kết nội bộ"),
    );
    await secretary.click("tc:done");
    const l4 = await secretary.waitForMessage(/Xem lại/);
    expect(l4.text).toContain("Biểu quyết giơ tay");
    expect(l4.text).toContain("Căn cứ: Gây mất đoàn kết nội bộ.");
    await confirmCounts(secretary);

    await countsUpTo(secretary, memberIds[1]!, ["0", "0", "3", "0"]);
    await secretary.waitForMessage(/khuyết điểm/);
    await secretary.send("Còn chậm nộp đảng phí");
    expect((await secretary.waitForMessage(/Xem lại/)).text).toContain("Kết quả theo quy định: Đủ tư cách, hoàn thành nhiệm vụ");
    await confirmCounts(secretary);
    expect((await resultHistory(h.db, ids.periodId, memberIds[1]!)).at(-1)!.outcome).toMatchObject({
      level: "L3",
      note: "Còn chậm nộp đảng phí",
    });

    // M12: no Ho Chi Minh actions yet, nor the meeting's acknowledgement: blocked, both named, until the secretary
    // records the actions presented on the card; the written part alone still waits for the meeting's confirmation.
    const blocked = await enterCounts(secretary, memberIds[2]!, { present: 5, valid: 5, votes: [0, 4, 0, 0] });
    expect(blocked.text).toContain("Kết quả theo quy định: Chưa xếp loại được");
    expect(blocked.text).toContain(
      "(đảng viên chưa viết, bí thư chưa ghi nhận đảng viên trình bày): chưa được xếp mức «Đủ tư cách, hoàn thành tốt nhiệm vụ»",
    );
    expect(blocked.text).toContain("Hội nghị chi bộ chưa xác nhận thừa nhận");
    await confirmCounts(secretary);
    await openCard(secretary, memberIds[2]!);
    await secretary.click(`tl:hcm:${memberIds[2]}`);
    await secretary.waitForMessage(/Đã ghi nhận đồng chí/);
    await secretary.waitForIdle();
    const written = (await resultHistory(h.db, ids.periodId, memberIds[2]!)).at(-1)!.outcome;
    expect(written.kind).toBe("blocked");
    expect(written.reasons.map((r) => r.code)).toEqual(["vote.reached", "hcm.unacknowledged"]);
    const card = await openCard(secretary, memberIds[2]!);
    expect(card.text).toContain("Hội nghị chi bộ chưa xác nhận thừa nhận những việc làm đó");
    await secretary.click(`tl:ack:${memberIds[2]}`);
    await secretary.waitForMessage(/Đã ghi nhận hội nghị chi bộ thừa nhận/);
    await secretary.waitForIdle();
    expect((await resultHistory(h.db, ids.periodId, memberIds[2]!)).at(-1)!.outcome).toMatchObject({ level: "L2" });
    const events = await h.db.auditEvent.findMany({ where: { action: "hcm.acknowledged", entityId: memberIds[2]! } });
    expect(events).toHaveLength(1);

    // M3: absent from the meeting.
    await openCard(secretary, memberIds[3]!);
    await secretary.click(`tl:absent:${memberIds[3]}`);
    await secretary.waitForMessage(/vắng mặt tại cuộc họp/);
    await secretary.waitForIdle();
    expect((await resultHistory(h.db, ids.periodId, memberIds[3]!)).at(-1)!.outcome.kind).toBe("deferred");
  }, 120_000);

  it("M12: one tap on the /tally list records the meeting's acknowledgement for every member who wrote the actions", async () => {
    const world = await startMeetingWorld(4);
    h = world.h;
    const { memberIds, ids } = world;
    await recordHcmForAll(h, ids.periodId, memberIds.slice(0, 3), { acknowledged: false });
    const secretary = h.user(SECRETARY);
    await secretary.send("/tally");
    const board = await secretary.waitForMessage(/Ghi kết quả biểu quyết/);
    const labels = (board.replyMarkup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
    expect(labels).toContain("Xác nhận: hội nghị đã thừa nhận việc làm theo gương Bác của 3 đồng chí");

    // Button data is user input: someone without a role on this branch is refused, nothing stored.
    const outsider = h.user(OUTSIDER);
    await outsider.send("/help");
    await outsider.waitForMessage();
    await outsider.pressForged(`tl:ackall:${ids.periodId}`);
    await outsider.waitForMessage(/chỉ dành cho/);
    expect(await h.db.hcmAcknowledgement.count()).toBe(0);

    await secretary.click(`tl:ackall:${ids.periodId}`);
    await secretary.waitForMessage(/Đã ghi nhận hội nghị chi bộ thừa nhận việc làm theo tấm gương đạo đức Hồ Chí Minh của 3 đồng chí/);
    const acknowledged = await h.db.hcmAcknowledgement.findMany({ select: { memberId: true } });
    expect(acknowledged.map((a) => a.memberId).sort()).toEqual(memberIds.slice(0, 3).sort());
    await secretary.send("/tally");
    const after = await secretary.waitForMessage(/Ghi kết quả biểu quyết/);
    expect((after.replyMarkup?.inline_keyboard ?? []).flat().some((b: { text: string }) => b.text.includes("thừa nhận"))).toBe(false);
  }, 60_000);

  it("refuses the secretary's and the upper committee's commands to a plain member", async () => {
    const world = await startMeetingWorld(3);
    h = world.h;
    const member = h.user(1002);
    for (const command of ["/tally", "/results", "/export", "/recognize"]) {
      await member.send(command);
      expect((await member.waitForMessage()).text).toMatch(/chỉ dành cho/);
    }
  }, 60_000);
});
