import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REVIEW_START_DATA } from "../../conversations/self-review-buttons";
import { answer, startReview, startReviewWorld, submitEverything, TEXTS, writeEverything } from "./self-review-steps";

let world: Awaited<ReturnType<typeof startReviewWorld>>;
beforeEach(async () => (world = await startReviewWorld()));
afterEach(() => world.h.stop());

describe("the self-review conversation, end to end", () => {
  it("M4, M5: happy path: four contents, Ho Chi Minh actions, rating by button, summary, confirm; /myreview shows it", async () => {
    const an = world.h.user(101);
    await an.send("/review");
    expect((await an.waitForMessage(/Bản tự kiểm điểm năm 2026/)).text).toContain("Hạn chót: 23:59 20/12/2026");
    await an.waitForMessage(/a\. Về tư tưởng chính trị\n.+\n\nĐồng chí gõ câu trả lời/);
    await writeEverything(an);
    await an.click("Xác nhận gửi ✓");
    expect((await an.waitForMessage(/Cảm ơn đồng chí/)).text).toContain("đã được gửi lúc");
    expect(await world.review()).toMatchObject({
      contents: { a: TEXTS.a, b: TEXTS.b, c: TEXTS.c, d: TEXTS.d },
      hcmActions: TEXTS.hcm,
      selfRating: "L2",
      submittedAt: "2026-12-10T02:00:00.000Z",
      late: false,
    });
    await an.send("/myreview");
    const shown = await an.waitForMessage(/Bản tự kiểm điểm năm 2026 của đồng chí Nguyễn Văn An/);
    expect(shown.text).toContain(TEXTS.c);
    expect(shown.text).toContain("Trạng thái: đã gửi lúc");
  });

  it("the reminders' review:start button opens the self-review exactly like /review", async () => {
    const an = world.h.user(101);
    await world.h.bot.api.sendMessage(101, "Nhắc nhở", {
      reply_markup: { inline_keyboard: [[{ text: "Viết bản tự kiểm điểm", callback_data: REVIEW_START_DATA }]] },
    });
    await an.click("Viết bản tự kiểm điểm");
    await an.waitForMessage(/Bản tự kiểm điểm năm 2026/);
    await answer(an, TEXTS.a);
    expect((await world.review())!.contents.a).toBe(TEXTS.a);
  });

  it("M5: a leader is told to report concrete results of the Ho Chi Minh actions", async () => {
    const binh = world.h.user(102);
    await startReview(binh);
    for (const part of ["a", "b", "c", "d"] as const) await answer(binh, TEXTS[part]);
    expect((await binh.waitForMessage(/Hồ Chí Minh/)).text).toContain("Là cấp ủy viên, cán bộ lãnh đạo, quản lý");
  });

  it("/cancel at a step keeps what was saved; /review resumes at the first missing part with one line of progress", async () => {
    const an = world.h.user(101);
    await startReview(an);
    await answer(an, TEXTS.a);
    await answer(an, TEXTS.b);
    await an.waitForMessage(/c\. Về thực hiện chức trách/);
    await an.send("/cancel");
    await an.waitForMessage(/Đã hủy/);
    await an.send("/review");
    // Issue 13: a short progress line, not the whole review sent again.
    const progress = await an.waitForMessage(/tiếp tục bản tự kiểm điểm đang viết dở/);
    expect(progress.text).toContain(`Đã lưu: mục a (${TEXTS.a.length} ký tự); mục b (${TEXTS.b.length} ký tự).`);
    expect(progress.text).toContain("Còn thiếu: mục c; mục d; việc học tập và làm theo; mức tự xếp loại.");
    expect(progress.text).not.toContain(TEXTS.a);
    await an.waitForMessage(/c\. Về thực hiện chức trách/);
    expect(an.messages().some((m) => m.text?.includes(TEXTS.a) && m.text.includes("bản nháp"))).toBe(false);
    await answer(an, TEXTS.c);
    await an.waitForMessage(/d\. Về ý thức tổ chức kỷ luật/);
    expect((await world.review())!.contents).toEqual({ a: TEXTS.a, b: TEXTS.b, c: TEXTS.c, d: null });
  });

  it("edits a part after submitting, until the deadline, keeping the first submission time", async () => {
    const an = world.h.user(101);
    await submitEverything(an);
    world.h.clock.set("2026-12-15T02:00:00.000Z");
    await an.send("/review");
    await an.waitForMessage(/Đồng chí có thể sửa từng phần đến hạn chót/);
    await an.click("Sửa: mục b");
    await an.waitForMessage(TEXTS.b);
    await an.waitForMessage(/thay thế nội dung cũ khi đồng chí chọn «Xong»/);
    await answer(an, "Nội dung b đã sửa.");
    await an.waitForMessage(/Đồng chí có thể sửa từng phần/);
    await an.click("Sửa: mức tự xếp loại");
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await an.click("Đủ tư cách, hoàn thành nhiệm vụ");
    await an.waitForMessage(/Đồng chí có thể sửa từng phần/);
    await an.click("Xác nhận gửi ✓");
    expect((await an.waitForMessage(/Đã cập nhật/)).text).toContain("09:00 10/12/2026");
    expect(await world.review()).toMatchObject({
      contents: { b: "Nội dung b đã sửa." },
      selfRating: "L3",
      submittedAt: "2026-12-10T02:00:00.000Z",
    });
    // Every change is audited with the member's own user as the actor.
    const anUser = (await world.h.db.user.findFirstOrThrow({ where: { telegramId: "101" } })).id;
    const events = await world.h.db.auditEvent.findMany({ where: { entity: "SelfReview" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["review.submitted", anUser],
      ["review.edited", anUser],
      ["review.edited", anUser],
      ["review.reconfirmed", anUser],
    ]);
  });

  it("T2: a submission after the deadline is kept, marked late, and the member is told", async () => {
    world.h.clock.set("2026-12-21T02:00:00.000Z");
    const an = world.h.user(101);
    await an.send("/review");
    await an.waitForMessage(/Đã quá hạn chót \(23:59 20\/12\/2026\)/);
    await writeEverything(an);
    await an.click("Xác nhận gửi ✓");
    expect((await an.waitForMessage(/Cảm ơn đồng chí/)).text).toContain("nộp muộn");
    expect(await world.review()).toMatchObject({ late: true, submittedAt: "2026-12-21T02:00:00.000Z" });
  });

  it("T2: after the deadline a submitted review cannot be edited, even from a summary opened before it", async () => {
    const an = world.h.user(101);
    await submitEverything(an);
    await an.send("/review");
    await an.waitForMessage(/Đồng chí có thể sửa từng phần/);
    world.h.clock.set("2026-12-21T02:00:00.000Z");
    await an.click("Sửa: mục a");
    await an.waitForMessage(/thay thế nội dung cũ khi đồng chí chọn «Xong»/);
    await an.send("Sửa quá hạn");
    expect((await an.waitForMessage(/Đã quá hạn chót/)).text).toContain("không sửa được nữa");
    await an.send("/review");
    await an.waitForMessage(/không sửa được nữa/);
    expect((await world.review())!.contents.a).toBe(TEXTS.a);
  });

  it("refuses a stranger and a committee member outside any roster with the explanation of how to join", async () => {
    for (const id of [999, 301]) {
      const someone = world.h.user(id);
      await someone.send("/review");
      expect((await someone.waitForMessage()).text).toContain("chưa có trong danh sách của chi bộ nào");
      await someone.send("/myreview");
      expect((await someone.waitForMessage()).text).toContain("lời mời dành riêng cho mình");
    }
    expect(await world.h.db.selfReview.count()).toBe(0);
  });
});
