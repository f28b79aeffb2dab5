import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../store/client";
import { markHandled } from "../../store/inbox";
import { takeInZaloUpdate, zaloMenuOf } from "../../store/zalo";
import { freshDb } from "../../test/support/db";
import type { ZaloAnswer, ZaloClient } from "./client";
import { accountOfNumber, zaloCallbackId, zaloNumber } from "./ids";
import type { ChatsInHand } from "./in-hand";
import { zaloFetch, zaloFiles } from "./route";

let db: Db;
let cleanup: () => Promise<void>;
let sent: { method: string; body: Record<string, unknown> }[];
let telegramCalls: string[];
const clock = () => new Date("2026-12-01T02:00:00Z");

const client: ZaloClient = {
  call: async () => ({ ok: true, result: {} }),
  send: async (method, body): Promise<ZaloAnswer> => {
    sent.push({ method, body });
    return { ok: true, result: { message_id: "abc", date: 0 } };
  },
};

/** Chats whose update the test says is being handled (bot/zalo/in-hand.ts). */
let handling: Set<number>;
const inHand: ChatsInHand = { has: (chatId) => handling.has(chatId), middleware: (_ctx, next) => next() };

function api(telegram = true): Api {
  const network = (async (input: Parameters<typeof fetch>[0]) => {
    telegramCalls.push(String(input).split("/").pop()!);
    return new Response(JSON.stringify({ ok: true, result: true }));
  }) as typeof fetch;
  const result = new Api("123:telegram", {
    apiRoot: "http://telegram.invalid",
    fetch: zaloFetch({ db, clock, client, inHand, telegram, fetch: network }),
  });
  result.config.use(zaloFiles(db));
  return result;
}

/** A Zalo chat the channel knows (its first update taken in): its number. */
async function zaloChat(zaloId = "e4ea2cd5189df1c3a88c"): Promise<number> {
  const row = await takeInZaloUpdate(db, { key: `k:${zaloId}`, chatId: zaloId, senderId: zaloId }, clock(), (intake) => ({
    updateId: zaloNumber(intake.seq),
    chatKey: String(zaloNumber(intake.chatAccount)),
    payload: "{}",
  }));
  return Number(row!.chatKey);
}

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  sent = [];
  telegramCalls = [];
  handling = new Set();
});
afterEach(() => cleanup());

const keyboard = { inline_keyboard: [[{ text: "Xong ✓", callback_data: "rv:done.a" }]] };

describe("calls for Zalo chats, answered as Telegram would (issue 14)", () => {
  it("a message with a keyboard goes to the Zalo id as text with its numbered menu, stored as the chat's menu", async () => {
    const chat = await zaloChat();
    const message = await api().sendMessage(chat, "Đã lưu.", { reply_markup: keyboard });
    expect(sent).toEqual([
      { method: "sendMessage", body: { chat_id: "e4ea2cd5189df1c3a88c", text: "Đã lưu.\n\n1. Xong ✓\n\nTrả lời 1." } },
    ]);
    expect(message.chat.id).toBe(chat);
    expect(zaloMenuOf(db, accountOfNumber(chat))).toEqual({ messageId: message.message_id, options: ["rv:done.a"] });
    expect(telegramCalls).toEqual([]);
  });

  it("inside the chat's own update a menu's write waits for the update's next commit (its handled mark at the latest)", async () => {
    const chat = await zaloChat();
    handling.add(chat);
    const question = await api().sendMessage(chat, "Câu hỏi", { reply_markup: keyboard });
    expect(zaloMenuOf(db, accountOfNumber(chat))).toBeNull(); // no commit of its own
    await api().editMessageReplyMarkup(chat, question.message_id, { reply_markup: { inline_keyboard: [] } });
    const again = await api().sendMessage(chat, "Câu hỏi", { reply_markup: keyboard }); // the channel knows its menus
    await markHandled(db, zaloNumber(1), clock());
    expect(zaloMenuOf(db, accountOfNumber(chat))).toEqual({ messageId: again.message_id, options: ["rv:done.a"] });
    handling.clear(); // any other send waits for its own commit
    await api().sendMessage(chat, "Đã lưu.");
    expect(zaloMenuOf(db, accountOfNumber(chat))).toBeNull();
  });

  it("a message without a keyboard ends the menu; a press's answer is said as a message and keeps it", async () => {
    const chat = await zaloChat();
    await api().sendMessage(chat, "Câu hỏi", { reply_markup: keyboard });
    await api().answerCallbackQuery(zaloCallbackId(chat, 9), { text: "Đồng chí không có quyền với chi bộ này." });
    expect(sent.at(-1)?.body.text).toBe("Đồng chí không có quyền với chi bộ này.");
    expect(zaloMenuOf(db, accountOfNumber(chat))?.options).toEqual(["rv:done.a"]);
    await api().answerCallbackQuery(zaloCallbackId(chat, 10)); // nothing to say: nothing sent
    expect(sent).toHaveLength(2);
    await api().sendMessage(chat, "Đã lưu.");
    expect(zaloMenuOf(db, accountOfNumber(chat))).toBeNull();
  });

  it("an edit is a new message; taking a keyboard off clears the menu only if it is still the chat's menu", async () => {
    const chat = await zaloChat();
    const old = await api().sendMessage(chat, "Cũ", { reply_markup: keyboard });
    const current = await api().sendMessage(chat, "Mới", { reply_markup: keyboard });
    await api().editMessageReplyMarkup(chat, old.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(zaloMenuOf(db, accountOfNumber(chat))?.messageId).toBe(current.message_id);
    await api().editMessageReplyMarkup(chat, current.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(zaloMenuOf(db, accountOfNumber(chat))).toBeNull();
    expect(sent).toHaveLength(2); // taking a keyboard off sends nothing
    await api().editMessageText(chat, current.message_id, "Đã sửa");
    expect(sent.at(-1)?.body.text).toBe("Đã sửa");
  });

  it("deletions and chat actions are taken as done; a long text is split at 2,000 units; a file becomes a notice", async () => {
    const chat = await zaloChat();
    expect(await api().deleteMessage(chat, 5)).toBe(true);
    expect(await api().sendChatAction(chat, "typing")).toBe(true);
    expect(sent).toHaveLength(0);
    await api().sendMessage(chat, "Về tư tưởng chính trị. ".repeat(200));
    expect(sent.length).toBeGreaterThan(2);
    for (const { body } of sent) expect((body.text as string).length).toBeLessThanOrEqual(2000);
    sent = [];
    const { InputFile } = await import("grammy");
    await api().sendDocument(chat, new InputFile(Buffer.from("x"), "ban-tu-kiem-diem.docx"));
    expect(sent).toHaveLength(1);
    expect(sent[0].body.text).toMatch(/^Tài liệu «ban-tu-kiem-diem\.docx» chưa gửi được qua Zalo/);
  });

  it("Telegram's chats go to Telegram; serving Zalo only, calls for no chat are answered here", async () => {
    await api().sendMessage(101, "Telegram");
    await api().setMyCommands([{ command: "review", description: "x" }]);
    expect(telegramCalls).toEqual(["sendMessage", "setMyCommands"]);
    telegramCalls = [];
    expect(await api(false).setMyCommands([{ command: "review", description: "x" }])).toBe(true);
    await expect(api(false).sendMessage(101, "Telegram")).rejects.toThrow(/serves Zalo only/);
    expect(telegramCalls).toEqual([]);
  });
});
