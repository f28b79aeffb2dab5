// N7 step 2 (RULES-2025), "the branch committee (or an assigned person) appraises": the secretary assigns a plain
// member from /appraise's board; told so, that member appraises another member as the committee does, is refused
// on their own entry; a stranger's forged buttons are refused; after the withdrawal the dialog's write and the next
// press are refused.
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { resultHistory } from "../../store/results";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { COMMITTEE, SECRETARY } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const [ASSIGNED, OTHER, STRANGER] = [1003, 1004, 1005];
const NAMES = ["Trần Thị Bí Thư", "Lê Văn Chi Ủy", "Phạm Văn Được Giao", "Nguyễn Thị Hoa", "Đỗ Văn Thường"];

type Keyboarded = { replyMarkup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> } };
const labelsOf = (m: Keyboarded) => (m.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);

/** The typed path up to the write of the appraisal: a score, the task counts, no ground, the residence comment. */
async function appraiseTyped(user: EmulatedUser, memberId: string, score: string) {
  await user.click(`apr:member:${memberId}`);
  await user.waitForMessage(/Chi ủy thẩm định — đồng chí/);
  await user.waitForMessage(/gõ điểm thẩm định/);
  await user.send(score);
  await user.waitForMessage(/gõ 5 số/);
  await user.send("10 10 0 0 1");
  await user.waitForMessage(/Căn cứ xếp loại «Không hoàn thành nhiệm vụ»/);
  await user.click("aps:done");
  await user.waitForMessage(/nhận xét của cấp ủy nơi cư trú/);
  await user.click("aps:yes");
}

describe("/appraise by a person the secretary assigned (N7 step 2)", () => {
  it("N7: assigned, a member appraises another; not their own entry; a forged press is refused; withdrawn, refused", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const ids = await seedBranch(h.db, {
      rulebookId: "qd366-2025",
      members: NAMES.map((fullName, i) => ({
        fullName,
        kind: "official" as const,
        telegramId: [SECRETARY, COMMITTEE, ASSIGNED, OTHER, STRANGER][i],
        roles: i === 0 ? ["secretary" as const] : i === 1 ? ["committee" as const] : [],
      })),
    });
    const memberId = (i: number) => ids.memberIds[NAMES[i]!]!;
    const [secretary, assigned, stranger] = [h.user(SECRETARY), h.user(ASSIGNED), h.user(STRANGER)];

    // Not assigned yet: refused, and told who /appraise is for.
    await assigned.send("/appraise");
    expect((await assigned.waitForMessage()).text).toContain(
      "chỉ dành cho: bí thư chi bộ, chi ủy viên, người được bí thư chi bộ giao thẩm định",
    );

    await secretary.send("/appraise");
    expect(labelsOf(await secretary.waitForMessage(/Thẩm định, đề xuất xếp loại/))).toContain("Giao người thẩm định");
    await secretary.click("apa:pick:0");
    const pick = await secretary.waitForMessage(/Giao người thẩm định — Chi bộ Văn phòng, năm 2026/);
    expect(labelsOf(pick)).toEqual([NAMES[2], NAMES[3], NAMES[4]]);
    await secretary.click(`apa:assign:${memberId(2)}`);
    expect((await secretary.waitForMessage(/Đã giao/)).text).toContain(`Đã giao đồng chí ${NAMES[2]} thẩm định`);
    expect((await assigned.waitForMessage(/đã giao đồng chí thẩm định/)).text).toContain("Gõ /appraise để bắt đầu");

    // The board as the committee's, without the secretary's choices; their own entry is refused.
    await assigned.send("/appraise");
    const board = await assigned.waitForMessage(/Thẩm định, đề xuất xếp loại — Chi bộ Văn phòng, năm 2026/);
    expect(labelsOf(board)).not.toContain("Giao người thẩm định");
    await assigned.click(`apr:member:${memberId(2)}`);
    expect((await assigned.waitForMessage()).text).toContain("không thẩm định bản tự kiểm điểm của chính mình");

    await appraiseTyped(assigned, memberId(3), "85");
    expect((await assigned.waitForMessage(/Mức xếp loại theo quy định/)).text).toContain("«Hoàn thành tốt nhiệm vụ»");
    await assigned.waitForMessage(/Ý kiến của hội nghị chi bộ/);
    await assigned.click("aps:skip");
    await assigned.waitForMessage(/Chi bộ đề xuất mức xếp loại nào/);
    await assigned.click("aps:propose");
    await assigned.waitForMessage(/Đã ghi đề xuất của chi bộ/);
    const [result] = await resultHistory(h.db, ids.periodId, memberId(3));
    expect(result).toMatchObject({ version: 1, state: "proposed", outcome: { kind: "level", level: "L2" } });
    const steps = await h.db.memberAppraisal.findMany({ where: { memberId: memberId(3) } });
    expect(new Set(steps.map((s) => s.createdById))).toEqual(new Set([ids.userIds[NAMES[2]!]]));

    // A plain member, not assigned: the board and forged presses (an appraisal, an assignment of their own) refused.
    await stranger.send("/appraise");
    await stranger.waitForMessage(/chỉ dành cho/);
    await stranger.pressForged(`apr:member:${memberId(3)}`);
    await stranger.waitForMessage(/chỉ dành cho: bí thư chi bộ, chi ủy viên/);
    await stranger.pressForged(`apa:assign:${memberId(4)}`);
    expect((await stranger.waitForMessage(/chỉ dành cho/)).text).toContain("chỉ dành cho: bí thư chi bộ.");
    expect(await h.db.appraiserAssignment.count({ where: { memberId: memberId(4) } })).toBe(0);

    // Withdrawn while a dialog is open: its write is refused, and so is the next press.
    await assigned.click(`apr:member:${memberId(4)}`);
    await assigned.waitForMessage(/gõ điểm thẩm định/);
    await secretary.send("/appraise");
    expect(labelsOf(await secretary.waitForMessage(/Thẩm định, đề xuất xếp loại/))).toContain(
      "Thôi giao thẩm định (1 đồng chí đang được giao)",
    );
    await secretary.click("apa:held");
    expect(labelsOf(await secretary.waitForMessage(/đang được giao thẩm định/))).toEqual([NAMES[2]]);
    await secretary.click(`apa:withdraw:${memberId(2)}`);
    await secretary.waitForMessage(/Đã thôi giao đồng chí/);
    await assigned.waitForMessage(/đã thôi giao đồng chí thẩm định/);
    await assigned.send("80");
    await assigned.waitForMessage(/gõ 5 số/);
    await assigned.send("10 10 0 0 1");
    await assigned.waitForMessage(/Căn cứ xếp loại/);
    await assigned.click("aps:done");
    await assigned.waitForMessage(/nhận xét của cấp ủy nơi cư trú/);
    await assigned.click("aps:yes");
    await assigned.waitForMessage(/không còn giữ vai trò/);
    expect(await h.db.memberAppraisal.count({ where: { memberId: memberId(4) } })).toBe(0);
    await assigned.click(`apr:member:${memberId(3)}`);
    await assigned.waitForMessage(/chỉ dành cho/);
    const audit = await h.db.auditEvent.findMany({ where: { action: { startsWith: "appraiser." } } });
    expect(audit.map((e) => e.action)).toEqual(["appraiser.assigned", "appraiser.withdrawn"]);
  }, 120_000);
});
