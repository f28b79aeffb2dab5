import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_REVIEW_CHARS } from "../domain/schemas";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { appendToPart, beginPartEdit, finishPartEdit, replaceEditedMessage } from "./review-drafts";
import { getReview, saveDraftPart, submitReview } from "./reviews";

let db: Db;
let cleanup: () => Promise<void>;
let key: { periodId: string; memberId: string };
const deadline = "2026-12-20T16:59:59.000Z";
const before = new Date("2026-12-10T03:00:00Z");
const after = new Date("2026-12-21T03:00:00Z");

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  const ids = await seedBranch(db, {
    selfReviewDeadline: deadline,
    members: [{ fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 }],
  });
  key = { periodId: ids.periodId, memberId: ids.memberIds["Nguyễn Văn An"] };
});
afterEach(() => cleanup());

const TELEGRAM_CHAT = 101;
const ZALO_CHAT = 2 ** 52 + 7;
const add = (text: string, messageId: number, editing = false, part: "a" | "b" = "a", at = before, chatId = TELEGRAM_CHAT) =>
  appendToPart(db, { ...key, part, text, chatId, messageId, editing }, at);
const partA = async () => (await getReview(db, key.periodId, key.memberId))?.contents.a;

async function submitted() {
  for (const part of ["a", "b", "c", "d", "hcm"] as const) await saveDraftPart(db, { ...key, part, value: `${part} cũ` }, before);
  await saveDraftPart(db, { ...key, part: "rating", value: "L2" }, before);
  await submitReview(db, key, before, deadline);
}

describe("a text part written message by message", () => {
  it("M4: adds each message on a new line, and a message handled again after a crash is not added twice", async () => {
    // `first` marks the message that began the part: the one the member is answered with the count and «Xong».
    expect(await add("Dòng một.", 10)).toEqual({ status: "saved", length: 9, first: true });
    expect(await add("Dòng một.", 10)).toEqual({ status: "saved", length: 9, first: true });
    expect(await add("Dòng hai.", 11)).toEqual({ status: "saved", length: 19, first: false });
    expect(await add("Dòng hai.", 11)).toEqual({ status: "saved", length: 19, first: false });
    expect(await add("Dòng một.", 10)).toEqual({ status: "saved", length: 19, first: false });
    expect(await partA()).toBe("Dòng một.\nDòng hai.");
  });

  it("issue 14: from both chats of one person, whose message ids meet, each message is added once and edits its own", async () => {
    const zalo = (text: string, messageId: number) => add(text, messageId, false, "a", before, ZALO_CHAT);
    expect(await zalo("Zalo 12.", 12)).toMatchObject({ status: "saved", first: true });
    expect(await add("Telegram 12.", 12)).toMatchObject({ status: "saved", first: false }); // the same id, another chat
    expect(await zalo("Zalo 13.", 13)).toMatchObject({ status: "saved" });
    expect(await add("Telegram 12.", 12)).toMatchObject({ status: "saved" }); // handled again: not added twice
    expect(await zalo("Zalo 13.", 13)).toMatchObject({ status: "saved" });
    expect(await partA()).toBe("Zalo 12.\nTelegram 12.\nZalo 13.");
    const edited = await replaceEditedMessage(
      db,
      { memberIds: [key.memberId], actorId: null, chatId: TELEGRAM_CHAT, messageId: 12, text: "Telegram sửa." },
      before,
    );
    expect(edited).toEqual({ status: "saved", part: "a" });
    expect(await partA()).toBe("Zalo 12.\nTelegram sửa.\nZalo 13.");
  });

  it("refuses a message that would take the part over the limit, keeps what is stored, and takes a shorter one", async () => {
    await add("x".repeat(MAX_REVIEW_CHARS - 5), 1);
    expect(await add("123456", 2)).toEqual({ status: "too_long", length: MAX_REVIEW_CHARS - 5 });
    expect(await add("1234", 3)).toEqual({ status: "saved", length: MAX_REVIEW_CHARS, first: false });
    expect((await partA())!.length).toBe(MAX_REVIEW_CHARS);
  });

  it("an edit collects the new text beside the old and replaces it only on Done, audited without the text", async () => {
    await submitted();
    await beginPartEdit(db, key, "a");
    await add("Mới 1.", 20, true);
    await add("Mới 2.", 21, true);
    expect(await partA()).toBe("a cũ");
    expect(await finishPartEdit(db, key, "a", before)).toBe("saved");
    expect(await partA()).toBe("Mới 1.\nMới 2.");
    const review = await db.selfReview.findFirstOrThrow({ where: key });
    expect([review.pendingPart, review.pendingText]).toEqual([null, null]);
    const events = await listAudit(db, "SelfReview", review.id);
    expect(events.map((e) => e.action)).toEqual(["review.submitted", "review.edited"]);
    expect(JSON.stringify(events)).not.toContain("Mới");
  });

  it("an edit given up keeps the old text, and the next edit starts from nothing", async () => {
    await submitted();
    await beginPartEdit(db, key, "a");
    await add("Bỏ dở.", 30, true);
    expect(await partA()).toBe("a cũ");
    await beginPartEdit(db, key, "a");
    expect(await finishPartEdit(db, key, "a", before)).toBe("unchanged");
    await beginPartEdit(db, key, "a");
    await add("Bản cuối.", 31, true);
    expect(await finishPartEdit(db, key, "a", before)).toBe("saved");
    expect(await partA()).toBe("Bản cuối.");
  });

  it("T2: after the deadline a submitted review takes no message and no edit", async () => {
    await submitted();
    expect(await add("Muộn.", 40, false, "a", after)).toEqual({ status: "locked" });
    await beginPartEdit(db, key, "b");
    await add("Sửa.", 41, true, "b");
    expect(await finishPartEdit(db, key, "b", after)).toBe("locked");
    expect((await getReview(db, key.periodId, key.memberId))?.contents).toMatchObject({ a: "a cũ", b: "b cũ" });
  });
});

describe("a message edited in Telegram (issue 13)", () => {
  const edit = (messageId: number, text: string, at = before) =>
    replaceEditedMessage(db, { memberIds: [key.memberId], actorId: null, chatId: TELEGRAM_CHAT, messageId, text }, at);

  it("M4: its new text replaces its old one in the part, the messages after it move, and a repeat changes nothing", async () => {
    await add("Một.", 10);
    await add("Hai.", 11);
    await add("Ba.", 12);
    expect(await edit(11, "Hai, dài hơn nhiều.")).toEqual({ status: "saved", part: "a" });
    expect(await edit(11, "Hai, dài hơn nhiều.")).toEqual({ status: "saved", part: "a" });
    expect(await edit(12, "Ba!")).toEqual({ status: "saved", part: "a" });
    expect(await edit(10, "1")).toEqual({ status: "saved", part: "a" });
    expect(await partA()).toBe("1\nHai, dài hơn nhiều.\nBa!");
    expect(await edit(99, "không có")).toEqual({ status: "unknown" });
    expect(await edit(12, "x".repeat(MAX_REVIEW_CHARS))).toEqual({ status: "too_long" });
  });

  it("M4, T2: during an edit it changes the new text; once the edit is done the old messages are no part's; locked after the deadline", async () => {
    await add("Cũ.", 10);
    await beginPartEdit(db, key, "a");
    await add("Mới.", 11, true);
    expect(await edit(11, "Mới, sửa.")).toEqual({ status: "saved", part: "a" });
    expect(await partA()).toBe("Cũ.");
    expect(await finishPartEdit(db, key, "a", before)).toBe("saved");
    expect(await partA()).toBe("Mới, sửa.");
    expect(await edit(10, "Cũ, sửa.")).toEqual({ status: "unknown" });
    expect(await edit(11, "Mới, sửa lần hai.")).toEqual({ status: "saved", part: "a" });
    expect(await partA()).toBe("Mới, sửa lần hai.");
    for (const part of ["b", "c", "d", "hcm"] as const) await saveDraftPart(db, { ...key, part, value: "x" }, before);
    await saveDraftPart(db, { ...key, part: "rating", value: "L2" }, before);
    await submitReview(db, key, before, deadline);
    expect(await edit(11, "Sau hạn.", after)).toEqual({ status: "locked" });
  });
});
