// Issue 15 point 4 (RULES-2025 N5, N7, N8): under 366 the branch committee appraises each member's self-score with
// /appraise, the domain gives the level with its reasons, the branch proposes it (or another with a reason), and
// the proposal is the member's result that /results sends. A 2011 period and a member without a role are refused.
import { afterEach, describe, expect, it } from "vitest";
import type { TaskResults } from "../../domain/task-results";
import { resultHistory } from "../../store/results";
import { recordTally } from "../../store/tallies";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, type SeedMember } from "../support/seed";
import { appraiseAccepting } from "./appraise-steps";
import { COMMITTEE, confirmCounts, enterCounts, SECRETARY } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const MEMBER = 1003;
const ALL_ON_TIME: TaskResults = { assigned: 10, onTime: 10, late: 0, notDone: 0, exceeded: 4 };
const L1 = "Hoàn thành xuất sắc nhiệm vụ";
const L2 = "Hoàn thành tốt nhiệm vụ";
const L4 = "Không hoàn thành nhiệm vụ";

/** Form 2B's example items: every general item (30), the tasks 30 + 25 + `t3`. */
function itemScores(t3: number): string {
  const general = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`g${i + 1}`, i >= 9 && i <= 12 ? 1 : 2]));
  return JSON.stringify({ ...general, t1: 30, t2: 25, t3 });
}

const NAMES = ["Trần Thị Bí Thư", "Lê Văn Chi Ủy", "Phạm Văn Đảng Viên", "Nguyễn Thị Hoa", "Đỗ Văn Chưa Nộp"];

async function world(rulebookId = "qd366-2025") {
  h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
  const members: SeedMember[] = NAMES.map((fullName, i) => ({
    fullName,
    kind: "official",
    telegramId: [SECRETARY, COMMITTEE, MEMBER, 1004, 1005][i],
    roles: i === 0 ? ["secretary"] : i === 1 ? ["committee"] : [],
  }));
  const ids = await seedBranch(h.db, { members, rulebookId });
  const memberId = (i: number) => ids.memberIds[NAMES[i]!]!;
  return { h, ids, memberId };
}

/** A self-score submitted as the member's /review stores it (the texts are irrelevant here). */
async function submitSelfScore(db: Harness["db"], periodId: string, memberId: string, tasks: TaskResults) {
  await db.selfReview.create({
    data: {
      periodId,
      memberId,
      submittedAt: new Date("2026-12-10T03:00:00Z"),
      form: "2B",
      scores: itemScores(7),
      taskResults: JSON.stringify(tasks),
      fixStatus: "fixed",
      selfRating: "L1",
    },
  });
}

describe("/appraise under 366 (N7 step 2)", () => {
  it("N4, N7: a secretary accepts a submitted self-score; the member is proposed at the computed level, and /results lists it", async () => {
    const { h, ids, memberId } = await world();
    await submitSelfScore(h.db, ids.periodId, memberId(2), ALL_ON_TIME);
    // A ballot recorded as information (every vote for L4): it is shown, and decides nothing.
    const tally = { method: "secret" as const, official: 5, present: 5, valid: 5, votes: { L1: 0, L2: 0, L3: 0, L4: 5 } };
    await recordTally(h.db, { periodId: ids.periodId, memberId: memberId(2), slot: 1, tally, enteredById: "sec" }, h.clock.now());
    const secretary = h.user(SECRETARY);
    await secretary.send("/appraise");
    const list = await secretary.waitForMessage(/Thẩm định, đề xuất xếp loại — Chi bộ Văn phòng, năm 2026/);
    expect(list.text).toContain(`3. ${NAMES[2]}: tự chấm 92 điểm, tự nhận «Hoàn thành xuất sắc»; chưa thẩm định`);
    expect(list.text).toContain(`4. ${NAMES[3]}: chưa nộp bản tự kiểm điểm; chưa thẩm định`);

    const { card, computed } = await appraiseAccepting(secretary, memberId(2));
    expect(card.text).toContain("Tự chấm: 92/100 điểm (tiêu chí chung 30/30, kết quả thực hiện nhiệm vụ 62/70).");
    expect(card.text).toContain("Nhiệm vụ: được giao 10, hoàn thành đúng tiến độ 10, chậm tiến độ 0, không hoàn thành 0, vượt mức 4.");
    expect(card.text).toContain(`Tự nhận mức xếp loại: ${L1}.`);
    expect(card.text).toContain("Biểu quyết đã ghi (chỉ để tham khảo, không quyết định): Bỏ phiếu kín");
    expect(computed.text).toContain(`Mức xếp loại theo quy định: ${L1}.`);
    expect(computed.text).toContain("Đạt 92/100 điểm");
    await secretary.click("aps:skip");
    const ask = await secretary.waitForMessage(/Chi bộ đề xuất mức xếp loại nào/);
    const labels = (ask.replyMarkup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
    expect(labels[0]).toBe(`Đề xuất: ${L1}`);
    await secretary.click("aps:propose");
    await secretary.waitForMessage(/Đã ghi đề xuất của chi bộ/);

    const [result] = await resultHistory(h.db, ids.periodId, memberId(2));
    expect(result).toMatchObject({ version: 1, state: "proposed", outcome: { kind: "level", level: "L1" } });
    expect(result!.inputs).toMatchObject({ rulebookId: "qd366-2025", score: 92, tasks: ALL_ON_TIME, appraisalVersion: 1 });

    await secretary.send("/results");
    const results = await secretary.waitForMessage(/Kết quả xếp loại — Chi bộ Văn phòng/);
    expect(results.text).toContain(`${NAMES[2]}: ${L1} (đang đề nghị)`);
    await secretary.click(`rsend:${ids.periodId}`);
    // Four members are not proposed yet: they hold the sending back, as uncounted members do under 2011.
    expect((await secretary.waitForMessage(/Chưa gửi được/)).text).toContain("4 đồng chí chưa có mức xếp loại");
  }, 90_000);

  it("N4: a score that does not meet L1's conditions gives L2 naming the failed condition; N7: another level needs a reason", async () => {
    const { h, ids, memberId } = await world();
    await submitSelfScore(h.db, ids.periodId, memberId(2), { ...ALL_ON_TIME, exceeded: 2 });
    const committee = h.user(COMMITTEE);
    await committee.send("/appraise");
    await committee.waitForMessage(/Thẩm định, đề xuất xếp loại/);
    const { computed } = await appraiseAccepting(committee, memberId(2));
    expect(computed.text).toContain(`Mức xếp loại theo quy định: ${L2}.`);
    expect(computed.text).toContain(`Đủ điểm nhưng chưa đạt mức «${L1}»: chưa có từ 30% nhiệm vụ vượt mức.`);
    await committee.send("Hội nghị nhất trí với chi ủy");
    await committee.waitForMessage(/Đã ghi ý kiến của hội nghị chi bộ/);
    await committee.waitForMessage(/Chi bộ đề xuất mức xếp loại nào/);
    await committee.click("aps:L1");
    await committee.waitForMessage(/Lý do chi bộ đề xuất mức/);
    await committee.send("   ");
    await committee.waitForMessage(/Đồng chí gõ vài chữ/);
    expect(await h.db.memberResult.count()).toBe(0);
    await committee.send("Có sáng kiến được cấp tỉnh công nhận");
    expect((await committee.waitForMessage(/Đã ghi đề xuất của chi bộ/)).text).toContain(L1);

    const [result] = await resultHistory(h.db, ids.periodId, memberId(2));
    expect(result!.outcome).toMatchObject({ kind: "level", level: "L1" });
    expect(result!.outcome.reasons[0]).toEqual({
      code: "proposal.differs",
      params: { computed: "L2", note: "Có sáng kiến được cấp tỉnh công nhận" },
    });
    const steps = await h.db.memberAppraisal.findMany({ where: { memberId: memberId(2) }, orderBy: { createdAt: "asc" } });
    expect(steps.map((s) => [s.step, s.version, s.level])).toEqual([
      ["appraisal", 1, "L2"],
      ["meeting", 1, null],
      ["proposal", 1, "L1"],
    ]);
    const audit = await h.db.auditEvent.findMany({ where: { action: { startsWith: "appraisal." } } });
    expect(JSON.stringify(audit)).not.toMatch(/nhất trí|sáng kiến/);

    // N7: counts recorded with /tally afterwards are information: the preview says so and the proposal stands.
    const preview = await enterCounts(committee, memberId(2), { present: 5, valid: 5, votes: [0, 5, 0, 0] });
    expect(preview.text).toContain("kết quả biểu quyết chỉ để tham khảo, không quyết định mức xếp loại");
    expect(preview.text).toContain(`Hiện nay: ${L1}.`);
    expect((await confirmCounts(committee)).text).toContain("để tham khảo (không quyết định mức xếp loại)");
    expect((await resultHistory(h.db, ids.periodId, memberId(2))).map((r) => r.version)).toEqual([1]);

    await committee.send("/results");
    const results = await committee.waitForMessage();
    expect(results.text).toMatch(/chỉ dành cho/);
  }, 90_000);

  it("N5: a typed score with a ground recorded gives L4 naming the ground; the residence comment missing is noted", async () => {
    const { h, ids, memberId } = await world();
    const secretary = h.user(SECRETARY);
    await secretary.send("/appraise");
    await secretary.waitForMessage(/Thẩm định, đề xuất xếp loại/);
    await secretary.click(`apr:member:${memberId(4)}`);
    expect((await secretary.waitForMessage(/Chi ủy thẩm định/)).text).toContain("chưa nộp bản tự kiểm điểm");
    await secretary.waitForMessage(/gõ điểm thẩm định/);
    await secretary.send("105");
    await secretary.waitForMessage(/số nguyên từ 0 đến 100/);
    await secretary.send("85");
    await secretary.waitForMessage(/gõ 5 số/);
    await secretary.send("10 9 0 0 1");
    await secretary.waitForMessage(/phải bằng số nhiệm vụ được giao/);
    await secretary.send("10 10 0 0 1");
    await secretary.waitForMessage(/Căn cứ xếp loại «Không hoàn thành nhiệm vụ»/);
    await secretary.click("aps:degradation-concluded");
    // The question again, its first button now marked chosen (the earlier one only loses its keyboard).
    const labelsOf = (m: { replyMarkup?: { inline_keyboard: { text: string }[][] } }) =>
      (m.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
    const again = await secretary.waitForMessage((m) => labelsOf(m).length > 0 && /Căn cứ xếp loại/.test(m.text ?? ""));
    expect(labelsOf(again)[0]).toMatch(/^✓ suy thoái/);
    await secretary.click("aps:done");
    await secretary.waitForMessage(/nhận xét của cấp ủy nơi cư trú/);
    await secretary.click("aps:no");
    const computed = await secretary.waitForMessage(/Mức xếp loại theo quy định/);
    expect(computed.text).toContain(`Mức xếp loại theo quy định: ${L4}.`);
    expect(computed.text).toContain("Căn cứ xếp loại không hoàn thành nhiệm vụ: suy thoái về tư tưởng chính trị");
    expect(computed.text).toContain("hồ sơ cần có nhận xét của cấp ủy nơi cư trú");
    await secretary.waitForMessage(/Ý kiến của hội nghị chi bộ/);
    await secretary.click("aps:skip");
    await secretary.waitForMessage(/Chi bộ đề xuất mức xếp loại nào/);
    await secretary.click("aps:propose");
    await secretary.waitForMessage(/Đã ghi đề xuất của chi bộ/);
    const [result] = await resultHistory(h.db, ids.periodId, memberId(4));
    expect(result!.outcome).toMatchObject({ kind: "level", level: "L4" });
    expect(result!.inputs).toMatchObject({ score: 85, grounds: ["degradation-concluded"] });
    const [appraisal] = await h.db.memberAppraisal.findMany({ where: { memberId: memberId(4), step: "appraisal" } });
    expect(JSON.parse(appraisal!.facts)).toMatchObject({ residenceComment: false });
  }, 90_000);

  it("a 2011 period's /appraise says it is not for its rulebook; a member without a role is refused, also a forged press", async () => {
    const { h, memberId } = await world("hd07-2011");
    const secretary = h.user(SECRETARY);
    await secretary.send("/appraise");
    expect((await secretary.waitForMessage()).text).toContain("chỉ dùng cho đợt kiểm điểm theo Quy định 366-QĐ/TW");
    const member = h.user(MEMBER);
    await member.send("/appraise");
    expect((await member.waitForMessage()).text).toMatch(/chỉ dành cho: bí thư chi bộ, chi ủy viên/);
    await member.pressForged(`apr:member:${memberId(3)}`);
    expect((await member.waitForMessage(/chỉ dành cho/)).text).toContain("chi ủy viên");
    expect(await h.db.memberAppraisal.count()).toBe(0);
  }, 60_000);
});
