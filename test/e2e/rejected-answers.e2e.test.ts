// Every dialog asks through one primitive built on the conversations plugin's form validation: what does not answer
// the question gets its hint and is skipped, so the dialog's stored state (its replay log) does not grow with it.
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../store/client";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { startHarness } from "../support/bot-harness";
import { answer, startReview, startReviewWorld, TEXTS } from "./self-review-steps";
import { chooseKind } from "./onboarding-steps";

let stop: () => Promise<void> | void = () => undefined;
afterEach(() => stop());

async function dialogState(db: Db): Promise<string> {
  const rows = await db.conversationState.findMany();
  expect(rows).toHaveLength(1);
  return rows[0].value;
}

/** Twenty wrong answers, each answered by its hint before the next. */
async function twentyWrongAnswers(user: EmulatedUser, send: (i: number) => Promise<unknown>, hint: RegExp): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await send(i);
    await user.waitForMessage(hint);
  }
}

describe("a rejected answer does not grow the dialog's stored state", () => {
  it("self-review: stickers, commands and stale buttons at the rating question", async () => {
    const world = await startReviewWorld();
    stop = () => world.h.stop();
    const an = world.h.user(101);
    await startReview(an);
    for (const part of ["a", "b", "c", "d", "hcm"] as const) await answer(an, TEXTS[part]);
    await an.waitForMessage(/Tự nhận mức xếp loại: /);
    await world.h.settled();
    const before = await dialogState(world.h.db);

    await twentyWrongAnswers(an, (i) => (i % 2 ? an.sendSticker() : an.send(`/myreview`)), /chỉ lưu được tin nhắn văn bản|không được lưu/);
    for (let i = 0; i < 20; i++) await an.pressForged("rv:confirm"); // another step's button: a toast only
    await world.h.settled();

    expect(await dialogState(world.h.db)).toBe(before);
    await an.click("Đủ tư cách, hoàn thành tốt nhiệm vụ");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    expect((await world.review())!.selfRating).toBe("L2");
  });

  it("branch setup: stickers and names the domain refuses", async () => {
    const h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    stop = () => h.stop();
    const lan = h.user(201);
    await chooseKind(lan);
    await lan.waitForMessage(/Tên chi bộ là gì/);
    await h.settled();
    const before = await dialogState(h.db);

    await twentyWrongAnswers(lan, (i) => (i % 2 ? lan.sendSticker() : lan.send("x".repeat(300))), /Tên chi bộ là gì/);
    await h.settled();

    expect(await dialogState(h.db)).toBe(before);
    await lan.send("Chi bộ Văn phòng");
    await lan.waitForMessage(/nhập hai lần/);
  });
});
