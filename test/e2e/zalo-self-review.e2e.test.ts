// Issue 14: a member on Zalo joins by typing the invite code and writes the whole self-review, answering every
// menu by its number; a wrong number chooses nothing; a restart in the middle loses nothing (the menu is stored).
import { afterEach, describe, expect, it } from "vitest";
import { issueInvites } from "../../store/invites";
import { getReview } from "../../store/reviews";
import { ZALO_NUMBER_BASE } from "../../store/zalo";
import { zaloNumber } from "../../bot/zalo/ids";
import type { ZaloSentMessage, ZaloUser } from "../emulator/zalo/zalo-emulator";
import { type Harness, startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { DEADLINE, TEXTS } from "./self-review-steps";

let h: Harness;
afterEach(() => h.stop());

let ids: Awaited<ReturnType<typeof seedBranch>>;

async function zaloWorld(zaloOnly = false, zaloFiles = false) {
  h = await startHarness({ now: "2026-12-10T02:00:00.000Z", zalo: true, zaloOnly, zaloFiles });
  ids = await seedBranch(h.db, {
    selfReviewDeadline: DEADLINE,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official" },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 102, roles: ["secretary"], isLeader: true },
    ],
  });
  const [invite] = await issueInvites(h.db, { orgId: ids.orgId, memberIds: [ids.memberIds["Nguyễn Văn An"]] }, null, h.clock.now());
  const review = () => getReview(h.db, ids.periodId, ids.memberIds["Nguyễn Văn An"]);
  return { ids, code: invite.code, review };
}

/** A member joined by typing the invite code, as the secretary's link text tells a Zalo member to. */
async function joined(name = "Nguyễn Văn An", zaloFiles = false): Promise<ZaloUser> {
  const { code } = await zaloWorld(false, zaloFiles);
  const an = h.zalo.user(name);
  an.send(`/start ${code}`);
  await an.waitFor(/Chào mừng đồng chí/);
  return an;
}

/** The number a menu gives the choice labelled `label` ("2. Đủ tư cách, …"). */
function numberOf(message: ZaloSentMessage, label: string): string {
  const line = (message.text ?? "")
    .split("\n")
    .find((l) => new RegExp(`^\\d+\\. ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).test(l));
  if (!line) throw new Error(`no «${label}» in the menu of: ${message.text}`);
  return line.split(".")[0];
}

/** Types one part's text, then answers the «Xong ✓» menu by its number. */
async function writePart(an: ZaloUser, text: string) {
  an.send(text);
  const saved = await an.waitFor(/^Đã lưu/);
  expect(saved.text).toMatch(/\n\n1\. Xong ✓\n\nTrả lời 1\.$/);
  expect(saved.text).toMatch(/hoặc chọn «Xong» để sang phần sau/); // words true on both channels: nothing to press
  an.send(numberOf(saved, "Xong ✓"));
}

describe("the self-review on Zalo (issue 14)", () => {
  it("a member joins by typing the code, writes every part answering menus by number, after a restart too, and submits", async () => {
    const { code, review } = await zaloWorld();
    const an = h.zalo.user("Nguyễn Văn An");
    const bình = h.user(102);

    an.send(code);
    await an.waitFor(/Chào mừng đồng chí Nguyễn Văn An đã tham gia Chi bộ Văn phòng/);
    await bình.waitForMessage(/Nguyễn Văn An/); // the secretary on Telegram learns who took the place

    an.send("/review");
    await an.waitFor(/Về tư tưởng chính trị/);
    await writePart(an, TEXTS.a);
    await an.waitFor(/Về phẩm chất đạo đức, lối sống/);
    an.send(TEXTS.b);
    const saved = await an.waitFor(/^Đã lưu/);

    await h.restart(); // a new process: the chat's menu ("1. Xong ✓") is read from the store
    an.send(numberOf(saved, "Xong ✓"));
    await an.waitFor(/Về thực hiện chức trách, nhiệm vụ được giao/);
    await writePart(an, TEXTS.c);
    await an.waitFor(/Về ý thức tổ chức kỷ luật/);
    await writePart(an, TEXTS.d);
    await an.waitFor(/Hồ Chí Minh/);
    await writePart(an, TEXTS.hcm);

    const rating = await an.waitFor(/Tự nhận mức xếp loại: /);
    expect(rating.text).toMatch(/\n1\. Đủ tư cách, hoàn thành xuất sắc nhiệm vụ\n/);
    expect(rating.text).toMatch(/Trả lời 1, 2, 3 hoặc 4\.$/);
    an.send("7"); // not on the menu: it goes to the dialog as text, which chooses nothing and asks again
    await an.waitFor(/chọn một trong các mức xếp loại/);
    expect((await review())?.selfRating ?? null).toBeNull();
    an.send(numberOf(rating, "Đủ tư cách, hoàn thành tốt nhiệm vụ"));
    const summary = await an.waitFor(/Xác nhận gửi ✓/);
    an.send(numberOf(summary, "Xác nhận gửi ✓"));
    await an.waitFor(/Cảm ơn đồng chí/);

    const stored = await review();
    expect(stored).toMatchObject({ contents: { a: TEXTS.a, b: TEXTS.b, c: TEXTS.c, d: TEXTS.d }, hcmActions: TEXTS.hcm, selfRating: "L2" });
    expect(stored?.submittedAt).toBeTruthy();
    for (const message of an.messages()) expect((message.text ?? "").length).toBeLessThanOrEqual(2000);

    an.send("/myreview_docx"); // Zalo takes no files: a notice, until the signed links are built
    await an.waitFor(/^Tài liệu «.+\.docx» chưa gửi được qua Zalo/);
  });
});

describe("the Zalo channel's delivery (issue 14)", () => {
  it("an update Zalo hands out twice is handled once; a photo gets the dialog's polite re-ask; a failed send is tried again", async () => {
    const an = await joined();
    an.send("/review");
    await an.waitFor(/Về tư tưởng chính trị/);
    h.zalo.duplicateNext();
    h.zalo.failNext("sendMessage", 500, "Internal Server Error"); // the "Saved" reply fails once: sent again
    an.send(TEXTS.a);
    await an.waitFor(/^Đã lưu/);
    an.sendImage("https://example.org/anh.jpg", "ảnh");
    await an.waitFor(/chỉ lưu được tin nhắn văn bản/);
    await an.waitForIdle();
    const review = await getReview(h.db, ids.periodId, ids.memberIds["Nguyễn Văn An"]);
    expect(review?.contents.a).toBe(TEXTS.a); // once, not twice
    expect(an.messages().filter((m) => (m.text ?? "").startsWith("Đã lưu"))).toHaveLength(1);
    expect(h.zalo.calls.filter((call) => call.method === "sendMessage" && call.errorCode === 500)).toHaveLength(1);
    expect(await h.db.zaloEvent.count()).toBe(4); // the code, /review, the text once, the photo
  });

  it("a kill after an answer went out, before the commit that holds its menu: the update is handled again, the menu stored again", async () => {
    const an = await joined();
    an.send("/review");
    await an.waitFor(/Về tư tưởng chính trị/);
    await h.settled();
    const before = await h.db.conversationState.findMany();
    an.send(TEXTS.a);
    await an.waitFor(/^Đã lưu/);
    await h.settled();
    const answered = await h.db.inboundUpdate.findFirstOrThrow({ orderBy: { updateId: "desc" } });
    const chat = zaloNumber((await h.db.zaloAccount.findUniqueOrThrow({ where: { zaloId: an.id } })).id);
    const person = { id: chat, is_bot: false, first_name: "Nguyễn Văn An", language_code: "vi" };
    const message = {
      message_id: answered.updateId - ZALO_NUMBER_BASE,
      date: 0,
      chat: { id: chat, type: "private", first_name: "Nguyễn Văn An" },
      from: person,
      text: TEXTS.a,
    };
    // The menu, the dialog's next state and the handled mark were queued in that order after the answer went out:
    // a kill before their commit leaves none of them on disk (the text is: it was committed before the answer).
    await h.restart(async (db) => {
      for (const row of before) await db.conversationState.update({ where: { key: row.key }, data: { value: row.value } });
      await db.zaloMenu.deleteMany();
      await db.inboundUpdate.update({
        where: { updateId: answered.updateId },
        data: { handledAt: null, payload: JSON.stringify({ update_id: answered.updateId, message }) },
      });
    });
    const again = await an.waitFor(/^Đã lưu/);
    await h.settled();
    expect(await h.db.zaloMenu.count()).toBe(1);
    an.send(numberOf(again, "Xong ✓"));
    await an.waitFor(/Về phẩm chất đạo đức, lối sống/);
    expect((await getReview(h.db, ids.periodId, ids.memberIds["Nguyễn Văn An"]))?.contents.a).toBe(TEXTS.a); // once
  });

  it("speaks English after /lang: the menu says what to reply in English", async () => {
    const an = await joined();
    an.send("/lang");
    const choose = await an.waitFor(/Đồng chí chọn ngôn ngữ:/);
    expect(choose.text).toMatch(/Trả lời 1 hoặc 2\.$/);
    an.send(numberOf(choose, "English"));
    await an.waitFor(/Switched to English\./);
    an.send("/review");
    await an.waitFor(/Political ideology/);
    an.send(TEXTS.a);
    const saved = await an.waitFor(/^Saved/);
    expect(saved.text).toMatch(/\n\n1\. Done ✓\n\nReply 1\.$/);
  });
});

describe("a process that serves Zalo only (issue 14)", () => {
  it("needs no Telegram: a member joins and starts the self-review, and nothing reaches Telegram", async () => {
    const { code } = await zaloWorld(true);
    const an = h.zalo.user("Nguyễn Văn An");
    an.send(code);
    await an.waitFor(/Chào mừng đồng chí Nguyễn Văn An/);
    an.send("/review");
    await an.waitFor(/Về tư tưởng chính trị/);
    await an.waitForIdle();
    expect(h.emulator.calls).toEqual([]); // not even getMe, getUpdates or the secretary's notice
    expect(h.bot.botInfo.username).toBe("kiemdiem"); // the Zalo bot's account name stands in for getMe
  });
});

describe("documents on Zalo, as links (issue 14)", () => {
  const linkIn = (text: string | undefined) => /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]{24})/.exec(text ?? "")?.[1] ?? "";

  it("a member's own review comes as a link that works once, and a link not fetched in time expires", async () => {
    const an = await joined("Nguyễn Văn An", true);
    an.send("/review");
    await an.waitFor(/Về tư tưởng chính trị/);
    an.send(TEXTS.a);
    await an.waitFor(/^Đã lưu/);
    an.send("/cancel");
    await an.waitFor(/./);

    an.send("/myreview_docx");
    const first = await an.waitFor(/^Tài liệu «.+\.docx»: http/);
    expect(first.text).toMatch(/chỉ dành cho đồng chí, tải được một lần, hết hạn sau 10 phút/);
    const download = await fetch(linkIn(first.text));
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a DOCX is a zip
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
    expect((await fetch(linkIn(first.text))).status).toBe(404); // single use

    an.send("/myreview_docx");
    const second = await an.waitFor(/^Tài liệu «.+\.docx»: http/);
    expect(linkIn(second.text)).not.toBe(linkIn(first.text));
    h.clock.advance(11 * 60_000);
    expect((await fetch(linkIn(second.text))).status).toBe(404); // expired
    const guessed = linkIn(second.text).replace(/[A-Za-z0-9_-]{24}$/, "A".repeat(24));
    expect((await fetch(guessed)).status).toBe(404);
    expect((await fetch(linkIn(second.text).replace(/\/files\/.*/, "/"))).status).toBe(404); // nothing else served
  });
});
