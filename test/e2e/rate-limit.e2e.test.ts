import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PEOPLE_RATE_LIMIT, UPDATES_PER_WINDOW } from "../../bot/rate-limit";
import { SAVED, startReview, startReviewWorld } from "./self-review-steps";

let world: Awaited<ReturnType<typeof startReviewWorld>>;
// People's limit per window, not the loose one the other end-to-end tests use; a long window, so that a slow
// machine cannot spread a test's flood over two windows.
beforeEach(async () => (world = await startReviewWorld({ rateLimit: { ...PEOPLE_RATE_LIMIT, windowMs: 10 * 60_000 } })));
afterEach(() => world.h.stop());

const SLOW_DOWN = /Đồng chí gửi nhanh quá/;

describe("one account cannot stall everyone (per-person rate limit)", () => {
  it("a long paste (5 messages at once) is all saved, nothing dropped, no warning", async () => {
    const an = world.h.user(101);
    await startReview(an);
    const pieces = Array.from({ length: 5 }, (_, i) => `Đoạn ${i + 1}: ${"chấp hành nghiêm chủ trương của Đảng. ".repeat(100)}`);
    const sent: number[] = [];
    for (const piece of pieces) sent.push(await an.send(piece));
    const replies = await an.waitForIdle(300, 15_000);
    // One answer for the part, then a reaction on each later message (issue 13): every piece acknowledged.
    expect(replies.filter(SAVED)).toHaveLength(1);
    for (const id of sent.slice(1)) expect(world.h.emulator.reactionsOn(101, id)).toEqual(["✍"]);
    expect(replies.some((m) => SLOW_DOWN.test(m.text ?? ""))).toBe(false);
    const saved = (await world.review())!.contents.a ?? "";
    for (const piece of pieces) expect(saved).toContain(piece.trim().slice(0, 40));
  });

  it("a flood is cut after the limit, with one polite answer, and another person is still answered", async () => {
    const flooder = world.h.user(777);
    for (let i = 0; i < 3 * UPDATES_PER_WINDOW; i++) await flooder.send(`spam ${i}`);
    const replies = await flooder.waitForIdle(300, 15_000);
    expect(replies.filter((m) => SLOW_DOWN.test(m.text ?? ""))).toHaveLength(1);
    expect(replies).toHaveLength(UPDATES_PER_WINDOW + 1);

    const an = world.h.user(101);
    await an.send("/help");
    await an.waitForMessage(/\/review/);
  });

  it("a flood of button taps is answered once with the notice as an alert", async () => {
    const flooder = world.h.user(101);
    await world.h.bot.api.sendMessage(101, "x", { reply_markup: { inline_keyboard: [[{ text: "old", callback_data: "nothing:1" }]] } });
    for (let i = 0; i < UPDATES_PER_WINDOW + 5; i++) await flooder.click("old");
    await world.h.settled(); // every press handled (on a busy machine idleness alone says nothing)
    const notices = world.h.emulator.calls.filter((c) => c.method === "answerCallbackQuery" && SLOW_DOWN.test(String(c.payload.text)));
    expect(notices).toHaveLength(1);
    expect(notices[0].payload.show_alert).toBeTruthy();
  });
});
