import { afterEach, describe, expect, it } from "vitest";
import { resultHistory } from "../../store/results";
import type { Harness } from "../support/bot-harness";
import { COMMITTEE, confirmCounts, enterCounts, recordHcmForAll, SECRETARY, startMeetingWorld, UPPER } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

describe("double entry", () => {
  it("stands when both entries agree; a disagreement shows both to the secretary, who asks for re-entry", async () => {
    const world = await startMeetingWorld(5, { doubleEntry: true });
    h = world.h;
    const { memberIds, ids } = world;
    await recordHcmForAll(h, ids.periodId, memberIds);
    const secretary = h.user(SECRETARY);
    const committee = h.user(COMMITTEE);
    const target = memberIds[2]!;

    await enterCounts(secretary, target, { present: 5, valid: 5, votes: [0, 4, 1, 0] });
    expect((await confirmCounts(secretary)).text).toContain("chỉ có khi lần nhập thứ hai khớp số");
    await enterCounts(committee, target, { present: 5, valid: 5, votes: [0, 3, 2, 0] });
    await confirmCounts(committee);
    const disagreement = await secretary.waitForMessage(/không khớp/);
    expect(disagreement.text).toContain("tốt 4");
    expect(disagreement.text).toContain("tốt 3");
    expect(await resultHistory(h.db, ids.periodId, target)).toEqual([]);

    await secretary.click(`reent:${target}`);
    await secretary.waitForMessage(/Đã hủy hai lần nhập/);
    await enterCounts(secretary, target, { present: 5, valid: 5, votes: [0, 4, 1, 0] });
    await confirmCounts(secretary);
    await enterCounts(committee, target, { present: 5, valid: 5, votes: [0, 4, 1, 0] });
    expect((await confirmCounts(committee)).text).toContain("Kết quả đề nghị: Đủ tư cách, hoàn thành tốt nhiệm vụ");
  }, 120_000);
});

describe("/status", () => {
  it("shows the branch to its secretary by party group, a member their own state, the upper committee one line per branch", async () => {
    const world = await startMeetingWorld(6);
    h = world.h;
    const secretary = h.user(SECRETARY);
    h.clock.set("2026-12-21T02:00:00.000Z"); // past the self-review deadline: nobody submitted
    await secretary.send("/status");
    const status = await secretary.waitForMessage(/Tình hình kiểm điểm/);
    expect(status.text).toContain("Tổng số đảng viên: 6");
    expect(status.text).toContain("Chưa nộp (quá hạn): 6");
    expect(status.text).toContain("Tổ 1: 3 đảng viên");
    await secretary.click("st:2:0");
    const list = await secretary.waitForMessage(/Chưa nộp \(quá hạn\) — Chi bộ Văn phòng \(6\)/);
    expect(list.text).toContain("Tổ 2:\n• ");
    expect(list.text).toContain(world.names[5]);

    const member = h.user(1004);
    await member.send("/status");
    const own = await member.waitForMessage(/Đồng chí/);
    expect(own.text).toContain("Bản tự kiểm điểm: Chưa nộp (quá hạn)");
    expect(own.text).toContain("Kết quả xếp loại: chưa có");

    const upper = h.user(UPPER);
    await upper.send("/status");
    expect((await upper.waitForMessage(/trực thuộc/)).text).toContain("Chi bộ Văn phòng: 6 đảng viên; nộp 0, muộn 0, chưa nộp 6");
  }, 60_000);
});
