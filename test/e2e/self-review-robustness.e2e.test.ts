// The self-review under bad input, restarts, duplicate deliveries and long texts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { answer, SAVED, startReview, startReviewWorld, TEXTS, writeMore } from "./self-review-steps";

let world: Awaited<ReturnType<typeof startReviewWorld>>;
beforeEach(async () => (world = await startReviewWorld()));
afterEach(() => world.h.stop());

/** Sticker, photo, voice, blank text and a command: each politely re-asked, none stored. */
async function sendEveryBadInput(user: EmulatedUser, textStep: boolean): Promise<void> {
  for (const send of [() => user.sendSticker(), () => user.sendPhoto(), () => user.sendVoice()]) {
    await send();
    await user.waitForMessage(textStep ? /chỉ lưu được tin nhắn văn bản/ : /chọn một trong các mức xếp loại|chỉ lưu được tin nhắn văn bản/);
  }
  await user.send("/myreview");
  await user.waitForMessage(/Lệnh \/myreview không được lưu.*\/cancel/s);
  if (textStep) {
    await user.send("   ");
    await user.waitForMessage(/Câu trả lời đang trống/);
  }
}

describe("the self-review never stores what it should not, and never loses what it should keep", () => {
  it("re-asks politely on a sticker, photo, voice note, blank text or /command at every step", async () => {
    const an = world.h.user(101);
    await startReview(an);
    for (const part of ["a", "b", "c", "d", "hcm"] as const) {
      await sendEveryBadInput(an, true);
      await answer(an, TEXTS[part]);
    }
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await sendEveryBadInput(an, false);
    await an.send("giỏi");
    await an.waitForMessage(/chọn một trong các mức xếp loại/);
    await an.click("Đủ tư cách, hoàn thành xuất sắc nhiệm vụ");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    await an.sendSticker();
    await an.waitForMessage(/chỉ lưu được tin nhắn văn bản/);
    await an.click("Xác nhận gửi ✓");
    await an.waitForMessage(/Cảm ơn đồng chí/);
    expect(await world.review()).toMatchObject({
      contents: { a: TEXTS.a, b: TEXTS.b, c: TEXTS.c, d: TEXTS.d },
      hcmActions: TEXTS.hcm,
      selfRating: "L1",
    });
  });

  it("a restart in the middle loses nothing: the dialog continues and buttons sent before it still work", async () => {
    const an = world.h.user(101);
    await startReview(an);
    await answer(an, TEXTS.a);
    await an.send(TEXTS.b);
    await an.waitForMessage(SAVED);
    await world.h.restart();
    await an.click("Xong ✓"); // a button the previous bot instance sent
    await an.waitForMessage(/c\. Về thực hiện chức trách/);
    for (const part of ["c", "d", "hcm"] as const) await answer(an, TEXTS[part]);
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await world.h.restart();
    await an.click("Đủ tư cách, hoàn thành tốt nhiệm vụ");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    await an.click("Xác nhận gửi ✓");
    await an.waitForMessage(/Cảm ơn đồng chí/);
    expect(await world.review()).toMatchObject({ contents: { a: TEXTS.a, b: TEXTS.b }, selfRating: "L2", late: false });
    expect((await world.review())!.submittedAt).not.toBeNull();
  });

  it("the same update delivered twice stores nothing twice", async () => {
    const an = world.h.user(101);
    await startReview(an);
    const message = {
      message_id: 900,
      date: Math.floor(Date.now() / 1000),
      text: TEXTS.a,
      from: { id: 101, is_bot: false, first_name: "An" },
      chat: { id: 101, type: "private", first_name: "An" },
    };
    const updateId = world.h.emulator.pushUpdate({ message });
    await an.waitForMessage(/Đã lưu \([\d.]+\/20.000 ký tự\)/);
    world.h.emulator.pushUpdate({ update_id: updateId, message });
    await an.waitForIdle();
    expect(an.messages().filter((m) => m.text?.startsWith("Đã lưu"))).toHaveLength(1);
    expect((await world.review())!.contents.a).toBe(TEXTS.a);
  });

  it("accepts a 6000-character content sent as two messages and shows it back split under 4096 characters", async () => {
    const an = world.h.user(101);
    await startReview(an);
    const long = Array.from({ length: 501 }, (_, i) => `Câu số ${String(i).padStart(3, "0")}.`).join(" ");
    expect(long.length).toBeGreaterThan(6000);
    const cut = long.lastIndexOf(" ", 4096);
    await an.send(long.slice(0, cut));
    await an.waitForMessage(/Đã lưu/);
    await writeMore(an, long.slice(cut + 1));
    expect((await world.review())!.contents.a!.length).toBe(long.length);
    await an.click("Xong ✓");
    for (const part of ["b", "c", "d", "hcm"] as const) await answer(an, TEXTS[part]);
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await an.click("Đủ tư cách, hoàn thành tốt nhiệm vụ");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    expect((await world.review())!.contents.a).toBe(`${long.slice(0, cut)}\n${long.slice(cut + 1)}`);
    await an.send("/cancel");
    await an.waitForMessage(/Đã hủy/);
    await an.send("/myreview");
    await an.waitForIdle();
    const shown = an
      .messages()
      .slice(-3)
      .map((m) => m.text ?? "");
    expect(shown.every((text) => text.length <= 4096)).toBe(true);
    const joined = shown.join("\n");
    expect(joined).toContain("Câu số 000.");
    expect(joined).toContain("Câu số 500.");
    expect(joined).toContain(TEXTS.hcm);
  });
});
