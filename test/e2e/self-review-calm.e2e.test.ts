// Issue 13: a calmer self-review — one answer per part (a reaction on every later message), typed answers where
// buttons are offered, one line of progress on resume, and a message edited in Telegram updates the stored part.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer, SAVED, startReview, startReviewWorld, TEXTS, writeMore } from "./self-review-steps";

let world: Awaited<ReturnType<typeof startReviewWorld>>;
beforeEach(async () => (world = await startReviewWorld()));
afterEach(() => world.h.stop());

describe("a calmer self-review (issue 13)", () => {
  it("M4: one answer per part, a reaction on each later message, edits applied; «xong» and a typed level answer as buttons", async () => {
    const an = world.h.user(101);
    await startReview(an);
    const first = await an.send("Dòng một.");
    const saved = await an.waitForMessage(SAVED);
    expect(saved.text).toContain("đánh dấu ✍");
    await writeMore(an, "Dòng hai.");
    const third = await an.send("Dòng ba.");
    await an.waitForReaction(third);
    await world.h.settled();
    // One "Đã lưu" for the part, however many messages it took.
    expect(an.messages().filter(SAVED)).toHaveLength(1);
    expect((await world.review())!.contents.a).toBe("Dòng một.\nDòng hai.\nDòng ba.");

    // A message edited in Telegram replaces its own text where it was stored, the later ones moving with it.
    await an.edit(first, "Dòng một, viết lại dài hơn.");
    await an.waitForMessage("Đã cập nhật nội dung đã sửa vào mục a.");
    await an.edit(third, "Dòng ba.");
    await an.waitForMessage("Đã cập nhật nội dung đã sửa vào mục a.");
    await an.edit(third, "Dòng ba, đã sửa.");
    await an.waitForMessage("Đã cập nhật nội dung đã sửa vào mục a.");
    expect((await world.review())!.contents.a).toBe("Dòng một, viết lại dài hơn.\nDòng hai.\nDòng ba, đã sửa.");
    // A message that is no part's changes nothing, and the member is told how to change a part.
    await an.edit(first - 2, "/review sửa");
    await an.waitForMessage(/không thuộc phần nào đã lưu/);
    expect((await world.review())!.contents.a).toBe("Dòng một, viết lại dài hơn.\nDòng hai.\nDòng ba, đã sửa.");

    await an.send("xong"); // the Done button's word, typed
    await an.waitForMessage(/^b\. Về phẩm chất/);
    for (const part of ["b", "c", "d", "hcm"] as const) await answer(an, TEXTS[part]);
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await an.send("khá");
    const hint = await an.waitForMessage(/gõ tên mức/);
    expect(hint.replyMarkup?.inline_keyboard.flat()).toHaveLength(4);
    await an.send("tốt");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    expect((await world.review())!.selfRating).toBe("L2");

    // Resuming a draft: one line of progress, not the whole review again.
    await an.send("/cancel");
    await an.waitForMessage(/Đã hủy/);
    await an.send("/review");
    const progress = await an.waitForMessage(/tiếp tục bản tự kiểm điểm đang viết dở/);
    expect(progress.text).toContain("Còn thiếu: chưa có.");
    expect(progress.text).toContain("mức tự xếp loại");
    expect(progress.text).not.toContain("Dòng một.");
    // Everything is written: what comes next is the summary to confirm.
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
  });

  it("M4: the self-rating typed as its number", async () => {
    const an = world.h.user(101);
    await startReview(an);
    for (const part of ["a", "b", "c", "d", "hcm"] as const) await answer(an, TEXTS[part]);
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await an.send("1");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    expect((await world.review())!.selfRating).toBe("L1");
  });
});
