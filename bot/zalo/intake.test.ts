import pino from "pino";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../store/client";
import { pruneInbox, unhandledUpdates } from "../../store/inbox";
import { saveZaloMenu, zaloMenuOf } from "../../store/zalo";
import { freshDb } from "../../test/support/db";
import { createDispatcher, type Dispatcher } from "../inbox/dispatcher";
import { accountOfNumber, isZaloNumber, ZALO_NUMBER_BASE } from "./ids";
import { menuChoice } from "./incoming";
import { takeIn } from "./polling";
import type { ZaloUpdate } from "./zalo-types";

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let seen: Update[];
let dispatcher: Dispatcher;
const clock = () => new Date("2026-12-01T02:00:00Z");

function start(database: Db) {
  seen = [];
  dispatcher = createDispatcher({ db: database, log: pino({ level: "silent" }), clock, handle: async (u) => void seen.push(u) });
}
beforeEach(async () => {
  ({ db, url, cleanup } = await freshDb());
  start(db);
});
afterEach(() => cleanup());

let nextMessage = 0;
function zalo(event: string, from: string, extra: Record<string, unknown> = {}, messageId = `m${++nextMessage}`): ZaloUpdate {
  return {
    event_name: event,
    message: {
      message_id: messageId,
      date: 1766619597466,
      from: { id: from, display_name: "Nguyễn Văn An", is_bot: false },
      chat: { id: from, chat_type: "PRIVATE" },
      ...extra,
    },
  };
}
const text = (from: string, typed: string, messageId?: string) => zalo("message.text.received", from, { text: typed }, messageId);

async function received(...updates: ZaloUpdate[]): Promise<Update[]> {
  for (const update of updates) await takeIn({ db, dispatcher, clock }, update);
  await dispatcher.idle();
  return seen.splice(0);
}

describe("Zalo updates as Telegram updates (issue 14)", () => {
  it("gives each Zalo id a stable number at or above 2^52 and each update a growing id, message ids growing too", async () => {
    const [a1, b1, a2] = await received(
      text("e4ea2cd5189df1c3a88c", "Xin chào"),
      text("ffee01", "Chào"),
      text("e4ea2cd5189df1c3a88c", "Lần hai"),
    );
    for (const u of [a1, b1, a2]) {
      expect(isZaloNumber(u.update_id)).toBe(true);
      expect(isZaloNumber(u.message!.chat.id)).toBe(true);
      expect(u.message!.chat.id).toBe(u.message!.from!.id); // a private chat: the chat is the person
      expect(Number.isSafeInteger(u.message!.chat.id)).toBe(true);
    }
    expect(a2.message!.chat.id).toBe(a1.message!.chat.id);
    expect(b1.message!.chat.id).not.toBe(a1.message!.chat.id);
    expect(a1.update_id < b1.update_id && b1.update_id < a2.update_id).toBe(true);
    expect(a1.message!.message_id).toBeLessThan(a2.message!.message_id);
    expect(a1.message).toMatchObject({
      text: "Xin chào",
      date: 1766619597,
      chat: { type: "private" },
      from: { first_name: "Nguyễn Văn An" },
    });
    expect(a1.update_id - ZALO_NUMBER_BASE).toBeGreaterThan(0);
  });

  it("drops a second delivery of the same event and message id", async () => {
    const once = text("aa01", "Một lần", "dup-1");
    expect(await received(once, once, { ...once })).toHaveLength(1);
    expect(await takeIn({ db, dispatcher, clock }, once)).toBe(false);
    // The same message id under another event is another update.
    expect(await received(zalo("message.image.received", "aa01", { photo_url: "https://x/y.jpg" }, "dup-1"))).toHaveLength(1);
  });

  it("a reply with a number of the chat's last menu is that button's press, with its callback data; the menu survives a restart", async () => {
    const [first] = await received(text("bb02", "Xin chào"));
    const account = accountOfNumber(first.message!.chat.id);
    await saveZaloMenu(db, account, { messageId: 77, options: ["rating:L1", "rating:L2", "rating:L3"] }, clock());
    await db.$disconnect(); // a new process on the same file
    db = await openDb(url);
    start(db);
    const [press] = await received(text("bb02", " 2 "));
    expect(press.message).toBeUndefined();
    expect(press.callback_query).toMatchObject({
      data: "rating:L2",
      from: { id: first.message!.chat.id },
      message: { message_id: 77, chat: { id: first.message!.chat.id } },
    });
  });

  it("a number outside the menu, or any other text, goes to the dialog as text", async () => {
    const [first] = await received(text("cc03", "Xin chào"));
    await saveZaloMenu(db, accountOfNumber(first.message!.chat.id), { messageId: 5, options: ["a", "b", "c"] }, clock());
    const [wrong, zero, word] = await received(text("cc03", "7"), text("cc03", "0"), text("cc03", "Trả lời 1"));
    expect([wrong, zero, word].map((u) => u.message?.text)).toEqual(["7", "0", "Trả lời 1"]);
    expect(menuChoice("3.", { options: ["a", "b", "c"] })).toBe("c");
    expect(menuChoice("3", undefined)).toBeUndefined();
  });

  it("a lettered menu (kept across a restart of the store read): a letter is the choice, a bare number is text", async () => {
    const [first] = await received(text("cc05", "Xin chào"));
    const account = accountOfNumber(first.message!.chat.id);
    await saveZaloMenu(db, account, { messageId: 9, options: ["tally:keep"], letters: true }, clock());
    expect(zaloMenuOf(db, account)).toEqual({ messageId: 9, options: ["tally:keep"], letters: true });
    const [number, letter, upper, other] = await received(text("cc05", "4"), text("cc05", "a"), text("cc05", " A. "), text("cc05", "b"));
    expect(number.message?.text).toBe("4");
    expect([letter, upper].map((u) => u.callback_query?.data)).toEqual(["tally:keep", "tally:keep"]);
    expect(other.message?.text).toBe("b"); // not on the menu
    expect(menuChoice("1", { options: ["x"], letters: true })).toBeUndefined();
    expect(menuChoice("a", { options: ["x"] })).toBeUndefined(); // a numbered menu takes numbers only
  });

  it("an invite code typed bare, or as /start CODE, is the /start command a deep link would send", async () => {
    const code = "AbCdEfGhIjKlMnOpQrStUv_-";
    const [bare, typed] = await received(text("dd04", code), text("dd04", `/start ${code}`));
    for (const u of [bare, typed]) {
      expect(u.message!.text).toBe(`/start ${code}`);
      expect(u.message!.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    }
  });

  it("a photo, a sticker, a voice note and an unsupported message arrive as messages without text", async () => {
    const updates = await received(
      zalo("message.image.received", "ee05", { photo_url: "https://x/y.jpg", caption: "ảnh" }),
      zalo("message.sticker.received", "ee05"),
      zalo("message.voice.received", "ee05"),
      zalo("message.unsupported.received", "ee05"),
    );
    expect(updates.map((u) => u.message!.text)).toEqual([undefined, undefined, undefined, undefined]);
    expect(updates[0].message!.photo).toHaveLength(1);
    expect(updates[0].message!.caption).toBe("ảnh");
    expect(updates[1].message!.sticker).toBeDefined();
    expect(updates[2].message!.voice).toBeDefined();
  });

  it("what a kill interrupts is in the inbox: handled at the next start, in order", async () => {
    const stopped = createDispatcher({ db, log: pino({ level: "silent" }), clock, maxRunningChats: 0, handle: async () => undefined });
    await takeIn({ db, dispatcher: stopped, clock }, text("ff06", "một"));
    await takeIn({ db, dispatcher: stopped, clock }, text("ff06", "hai"));
    const left = await unhandledUpdates(db);
    expect(left.map((row) => (JSON.parse(row.payload) as Update).message!.text)).toEqual(["một", "hai"]);
  });

  it("pruning the inbox keeps the newest handled ids of each channel apart", async () => {
    await received(text("gg07", "a"), text("gg07", "b"), text("gg07", "c"));
    await db.inboundUpdate.createMany({
      data: [1, 2, 3].map((updateId) => ({ updateId, chatKey: "7", receivedAt: clock(), handledAt: clock() })),
    });
    expect(await pruneInbox(db, 1)).toBe(4);
    const left = await db.$queryRawUnsafe<{ updateId: number }[]>('SELECT "updateId" FROM "InboundUpdate" ORDER BY "updateId"');
    expect(left.map((r) => Number(r.updateId) >= ZALO_NUMBER_BASE)).toEqual([false, true]);
  });
});
