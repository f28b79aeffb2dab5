// Issue 9 point 3: in a group the bot says once that it works in private chat and does nothing else.
import { afterEach, describe, expect, it } from "vitest";
import { activeTallies } from "../../store/tallies";
import type { Harness } from "../support/bot-harness";
import { SECRETARY, OUTSIDER, startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const GROUP = -100500;
const MEMBER = 1002;
const NOTICE = /chỉ làm việc trong trò chuyện riêng.*@kiemdiem_test_bot/s;
const PRIVATE_TEXT = "Điều riêng tư trong bản tự kiểm điểm của đồng chí";
const OUTSIDER_TEXT = "Chữ của người ngoài chi bộ";

async function groupWorld() {
  const world = await startMeetingWorld(4);
  h = world.h;
  h.emulator.group(GROUP, "Nhóm Zalo chi bộ");
  const [secretary, member, outsider] = [SECRETARY, MEMBER, OUTSIDER].map((id) => world.h.user(id).inGroup(GROUP));
  return { ...world, h: world.h, secretary: secretary!, member: member!, outsider: outsider! };
}

describe("group chats", () => {
  it("get the notice once per group, even after a restart, and nothing personal: /myreview posts nothing", async () => {
    const { h, ids, memberIds, member, outsider, secretary } = await groupWorld();
    await h.db.selfReview.create({
      data: { periodId: ids.periodId, memberId: memberIds[2]!, contentA: PRIVATE_TEXT, submittedAt: h.clock.now() },
    });

    await member.send("/myreview");
    await member.waitForMessage(NOTICE);
    await outsider.send("xin chào");
    await secretary.send("/status");
    await secretary.waitForIdle();
    await h.restart();
    await member.send("/myreview_docx");
    await member.waitForIdle();

    const inGroup = h.emulator.sent.filter((m) => m.chatId === GROUP);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]!.document).toBeUndefined();
    expect(h.emulator.sent.some((m) => (m.text ?? "").includes(PRIVATE_TEXT))).toBe(false);
    expect(h.user(MEMBER).messages()).toEqual([]); // nothing sent privately on a group's command either
  }, 60_000);

  it("an outsider in a group cannot write into a member's self-review nor enter ballot counts", async () => {
    const { h, ids, memberIds, member, outsider, secretary } = await groupWorld();
    const inPrivate = h.user(MEMBER);
    await inPrivate.send("/review");
    await inPrivate.waitForMessage(/Về tư tưởng chính trị/);
    await member.send("/review");
    await secretary.send("/tally");
    await secretary.waitForIdle();
    await outsider.send(OUTSIDER_TEXT);
    await outsider.pressForged(`tl:enter:${memberIds[2]}`);
    await outsider.pressForged("tc:secret");
    await outsider.send("4");
    await outsider.waitForIdle();

    const texts = await h.db.selfReview.findMany({
      select: { contentA: true, contentB: true, contentC: true, contentD: true, hcmActions: true },
    });
    expect(JSON.stringify(texts)).not.toContain(OUTSIDER_TEXT);
    expect(await activeTallies(h.db, ids.periodId)).toEqual([]);
    // The forged presses got only the short toast; the group only the one notice.
    const toasts = h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload.text));
    expect(toasts).toEqual([
      "Trợ lý chỉ làm việc trong trò chuyện riêng với @kiemdiem_test_bot.",
      "Trợ lý chỉ làm việc trong trò chuyện riêng với @kiemdiem_test_bot.",
    ]);
    expect(h.emulator.sent.filter((m) => m.chatId === GROUP)).toHaveLength(1);
    // The member's own dialog, started in private, is untouched by all of it and still answers them there.
    await inPrivate.send("Nội dung của chính đồng chí");
    await inPrivate.waitForMessage(/^Đã lưu/);
  }, 60_000);
});
