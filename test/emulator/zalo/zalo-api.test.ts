import { afterEach, describe, expect, it } from "vitest";
import { call, rawPost, ZaloTestKit } from "./test-client.js";
import { MAX_BODY_BYTES, MAX_TEXT_UNITS, ZaloEmulator } from "./zalo-emulator.js";

const kit = new ZaloTestKit();
afterEach(() => kit.cleanup());

const HEX_ID = /^[0-9a-f]{20}$/;

async function emulatorWithUser(): Promise<{ zalo: ZaloEmulator; chatId: string }> {
  const zalo = await kit.emulator();
  return { zalo, chatId: zalo.user("Nguyễn Văn A").id };
}

function expectError(answer: { status: number; body: any }, code: number, description?: RegExp): void {
  expect(answer.status).toBe(code);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.error_code).toBe(code);
  if (description) expect(answer.body.description).toMatch(description);
}

describe("Zalo emulator: transport", () => {
  it("answers getMe with the bot's numeric-like string id", async () => {
    const zalo = await kit.emulator({ token: "1459232241454765289:secret", accountName: "kiemdiem" });
    const answer = await call(zalo, "getMe");
    expect(answer).toEqual({
      status: 200,
      body: { ok: true, result: { id: "1459232241454765289", account_name: "kiemdiem", account_type: "BASIC", can_join_groups: false } },
    });
  });

  it("answers 401 to a wrong token", async () => {
    const zalo = await kit.emulator();
    expectError(await call(zalo, "getMe", {}, `${zalo.botId}:wrong`), 401);
  });

  it("answers 400 'invalid API name' to Telegram methods Zalo lacks", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    for (const method of ["sendDocument", "editMessageText", "deleteMessage", "answerCallbackQuery", "setMyCommands", "nope"]) {
      expectError(await call(zalo, method, { chat_id: chatId, text: "x", message_id: "1" }), 400, /^invalid API name$/);
    }
    expect(zalo.sent).toEqual([]);
  });

  it("answers 400 to a body that is not JSON, form data or an upload included", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    const url = `${zalo.apiRoot}/bot${zalo.token}/sendPhoto`;
    expectError(await rawPost(url, "{not json"), 400, /JSON/);
    const form = new FormData();
    form.set("chat_id", chatId);
    form.set("photo", new Blob([Buffer.from("jpeg")]), "photo.jpg");
    expectError(await rawPost(url, form), 400);
    expect(zalo.sent).toEqual([]);
  });

  it("answers 413 to a body above 1 MiB and accepts one just under", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    const url = `${zalo.apiRoot}/bot${zalo.token}/sendMessage`;
    const padded = (bytes: number) => {
      const empty = JSON.stringify({ chat_id: chatId, text: "hi", pad: "" });
      return JSON.stringify({ chat_id: chatId, text: "hi", pad: "x".repeat(bytes - empty.length) });
    };
    expect(Buffer.byteLength(padded(MAX_BODY_BYTES))).toBe(MAX_BODY_BYTES);
    expect((await rawPost(url, padded(MAX_BODY_BYTES))).body.ok).toBe(true);
    expectError(await rawPost(url, padded(MAX_BODY_BYTES + 1)), 413);
  });

  it("can answer errors with HTTP 200, leaving the code in the body only", async () => {
    const zalo = await kit.emulator({ errorStatus: "always200" });
    const answer = await call(zalo, "sendDocument", {});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: false, error_code: 400, description: "invalid API name" });
  });

  it("answers an injected error to a method's next calls, then works again", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    zalo.failNext("sendMessage", 429, "Too many requests", 2);
    expectError(await call(zalo, "sendMessage", { chat_id: chatId, text: "a" }), 429);
    expectError(await call(zalo, "sendMessage", { chat_id: chatId, text: "a" }), 429);
    expect((await call(zalo, "sendMessage", { chat_id: chatId, text: "a" })).body.ok).toBe(true);
    expect(zalo.calls.map((c) => c.errorCode)).toEqual([429, 429, undefined]);
  });
});

describe("Zalo emulator: sending", () => {
  it("sendMessage answers a hex-like message_id and a date in milliseconds, and the user reads the text", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("Trần Thị B");
    const before = Date.now();
    const answer = await call(zalo, "sendMessage", { chat_id: user.id, text: "Xin chào", parse_mode: "html" });
    expect(answer.body.ok).toBe(true);
    expect(answer.body.result.message_id).toMatch(HEX_ID);
    expect(answer.body.result.date).toBeGreaterThanOrEqual(before);
    expect(answer.body.result.date).toBeLessThanOrEqual(Date.now());
    const message = await user.waitFor("chào", 1000);
    expect(message).toMatchObject({ kind: "text", text: "Xin chào", parseMode: "html", chatId: user.id });
  });

  it(`limits text to ${MAX_TEXT_UNITS} UTF-16 units: an emoji counts 2`, async () => {
    const { zalo, chatId } = await emulatorWithUser();
    const send = (text: string) => call(zalo, "sendMessage", { chat_id: chatId, text });
    expect((await send("a".repeat(MAX_TEXT_UNITS))).body.ok).toBe(true);
    expectError(await send("a".repeat(MAX_TEXT_UNITS + 1)), 400, /too long/);
    const emoji = "😀";
    expect(emoji.length).toBe(2);
    expect((await send(emoji.repeat(MAX_TEXT_UNITS / 2))).body.ok).toBe(true);
    // 1,001 code points, far below 2,000 characters as a person counts them, but 2,002 units.
    expectError(await send(emoji.repeat(MAX_TEXT_UNITS / 2 + 1)), 400, /too long/);
    expectError(await send(""), 400, /empty/);
    expect(zalo.sent).toHaveLength(2);
  });

  it("refuses a request carrying reply_markup: buttons never vanish silently", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    const keyboard = { inline_keyboard: [[{ text: "Xong", callback_data: "done" }]] };
    expectError(await call(zalo, "sendMessage", { chat_id: chatId, text: "Chọn", reply_markup: keyboard }), 400, /reply_markup/);
    expectError(await call(zalo, "sendPhoto", { chat_id: chatId, photo: "https://x.test/a.png", reply_markup: keyboard }), 400);
    expect(zalo.sent).toEqual([]);
  });

  it("refuses Telegram's ids and parse modes that a channel forgot to map", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    expectError(await call(zalo, "sendMessage", { chat_id: 12345, text: "a" }), 400, /chat_id/);
    expectError(await call(zalo, "sendMessage", { chat_id: "0123456789abcdef0123", text: "a" }), 400, /chat not found/);
    expectError(await call(zalo, "sendMessage", { chat_id: chatId, text: "<b>a</b>", parse_mode: "HTML" }), 400, /parse_mode/);
    expect((await call(zalo, "sendMessage", { chat_id: chatId, text: "*a*", parse_mode: "markdown" })).body.ok).toBe(true);
  });

  it("sends a photo by public URL only, with a caption of at most 2,000 units", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    const photo = (fields: object) => call(zalo, "sendPhoto", { chat_id: chatId, ...fields });
    expect((await photo({ photo: "https://cdn.test/p.jpg", caption: "Ảnh" })).body.ok).toBe(true);
    expectError(await photo({ photo: "attach://file" }), 400, /URL/);
    expectError(await photo({ photo: "AgACAgIAAxkBAAI" }), 400, /URL/);
    expectError(await photo({ photo: { source: "bytes" } }), 400, /URL/);
    expectError(await photo({ photo: "https://cdn.test/p.jpg", caption: "a".repeat(MAX_TEXT_UNITS + 1) }), 400);
    expect(zalo.sent).toEqual([expect.objectContaining({ kind: "photo", photo: "https://cdn.test/p.jpg", caption: "Ảnh" })]);
  });

  it("sends stickers and voice, and answers sendChatAction with ok and no result", async () => {
    const { zalo, chatId } = await emulatorWithUser();
    expect((await call(zalo, "sendSticker", { chat_id: chatId, sticker: "st1" })).body.ok).toBe(true);
    expect((await call(zalo, "sendVoice", { chat_id: chatId, voice_url: "https://cdn.test/v.aac" })).body.ok).toBe(true);
    expectError(await call(zalo, "sendVoice", { chat_id: chatId, voice_url: "v.aac" }), 400);
    expect((await call(zalo, "sendChatAction", { chat_id: chatId, action: "typing" })).body).toEqual({ ok: true });
    expectError(await call(zalo, "sendChatAction", { chat_id: chatId, action: "upload_document" }), 400);
    expect(zalo.sent.map((m) => m.kind)).toEqual(["sticker", "voice"]);
    expect(zalo.counters.sends).toBe(2);
  });

  it("waitFor returns successive matching messages, and times out naming what arrived", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    const waiting = user.waitFor(/^Câu \d/, 1000);
    for (const text of ["Chào", "Câu 1", "Câu 2"]) await call(zalo, "sendMessage", { chat_id: user.id, text });
    expect((await waiting).text).toBe("Câu 1");
    expect((await user.waitFor("Câu", 1000)).text).toBe("Câu 2");
    await expect(user.waitFor("Câu", 50)).rejects.toThrow(/timed out after 50ms/);
    expect(user.messages().map((m) => m.text)).toEqual(["Chào", "Câu 1", "Câu 2"]);
  });

  it("stop() ends a waiting poll and rejects a pending waitFor", async () => {
    const zalo = await ZaloEmulator.start();
    const user = zalo.user("A");
    const waiting = user.waitFor("never", 10_000).catch((error: Error) => error);
    const polling = call(zalo, "getUpdates", { timeout: "30" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await zalo.stop();
    expect(((await waiting) as Error).message).toMatch(/stopped/);
    expect((await polling).status).toBe(408);
  });
});
