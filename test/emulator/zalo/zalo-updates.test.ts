import { afterEach, describe, expect, it } from "vitest";
import { call, rawPost, ZaloTestKit } from "./test-client.js";

const kit = new ZaloTestKit();
afterEach(() => kit.cleanup());

const HEX_ID = /^[0-9a-f]{20}$/;
const poll = (zalo: Parameters<typeof call>[0], timeout = "0.2") => call(zalo, "getUpdates", { timeout });

describe("Zalo emulator: getUpdates", () => {
  it("hands out one update object per call, shaped as ZALO.md: string ids, ms dates, chat.id == from.id", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("Nguyễn Văn A");
    const before = Date.now();
    user.send("Xin chào");
    user.send("lần hai");
    const first = await poll(zalo);
    expect(first.status).toBe(200);
    expect(Array.isArray(first.body.result)).toBe(false);
    expect(first.body.result).toEqual({
      event_name: "message.text.received",
      message: {
        message_id: expect.stringMatching(HEX_ID),
        date: expect.any(Number),
        from: { id: user.id, display_name: "Nguyễn Văn A", is_bot: false },
        chat: { id: user.id, chat_type: "PRIVATE" },
        text: "Xin chào",
      },
    });
    expect(user.id).toMatch(HEX_ID);
    expect(first.body.result.message.date).toBeGreaterThanOrEqual(before);
    expect(first.body.result).not.toHaveProperty("update_id");
    expect((await poll(zalo)).body.result.message.text).toBe("lần hai");
    expect(zalo.pending).toBe(0);
  });

  it("answers 408 when nothing arrives within the timeout, and counts it", async () => {
    const zalo = await kit.emulator();
    const started = Date.now();
    const answer = await poll(zalo, "0.2");
    expect(answer.status).toBe(408);
    expect(answer.body).toMatchObject({ ok: false, error_code: 408 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(zalo.counters).toMatchObject({ polls: 1, emptyPolls: 1 });
  });

  it("answers a waiting poll as soon as a user writes", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    const waiting = poll(zalo, "30");
    setTimeout(() => user.send("muộn"), 50);
    expect((await waiting).body.result.message.text).toBe("muộn");
  });

  it("answers 409 to a second getUpdates while one waits; the first still gets the update", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    const first = poll(zalo, "30");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await poll(zalo, "30");
    expect(second.status).toBe(409);
    user.send("một");
    expect((await first).body.result.message.text).toBe("một");
    expect(zalo.counters).toMatchObject({ polls: 2, concurrentPolls: 1, emptyPolls: 0 });
  });

  it("keeps the update when a poll's client hangs up before it arrives", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    const abort = new AbortController();
    const abandoned = rawPost(`${zalo.apiRoot}/bot${zalo.token}/getUpdates`, JSON.stringify({ timeout: "30" }), abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    abort.abort();
    await expect(abandoned).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    user.send("còn đây");
    expect((await poll(zalo)).body.result.message.text).toBe("còn đây");
  });

  it("names the events of images, stickers, voice and protected users", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    user.sendImage("https://cdn.test/a.jpg", "ảnh");
    user.sendSticker();
    user.sendVoice();
    user.sendUnsupported();
    const updates = [];
    for (let i = 0; i < 4; i++) updates.push((await poll(zalo)).body.result);
    expect(updates.map((u) => u.event_name)).toEqual([
      "message.image.received",
      "message.sticker.received",
      "message.voice.received",
      "message.unsupported.received",
    ]);
    expect(updates[0].message).toMatchObject({ photo_url: "https://cdn.test/a.jpg", caption: "ảnh" });
    expect(Object.keys(updates[3].message).sort()).toEqual(["chat", "date", "from", "message_id"]);
  });

  it("can use the older field names (from.name, photo) so a channel is checked to accept both", async () => {
    const zalo = await kit.emulator({ shape: { nameField: "name", imageField: "photo" } });
    zalo.user("Cũ").sendImage("https://cdn.test/b.jpg");
    const { message } = (await poll(zalo)).body.result;
    expect(message.from).toEqual({ id: message.chat.id, name: "Cũ", is_bot: false });
    expect(message.photo).toBe("https://cdn.test/b.jpg");
  });

  it("hands out a duplicate on demand, and redelivers the last update", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    zalo.duplicateNext();
    const sent = user.send("một");
    user.send("hai");
    const texts = async (n: number) => {
      const got = [];
      for (let i = 0; i < n; i++) got.push((await poll(zalo)).body.result.message);
      return got;
    };
    const [a, b, c] = await texts(3);
    expect([a.text, b.text, c.text]).toEqual(["một", "một", "hai"]);
    expect(b.message_id).toBe(sent.message.message_id);
    zalo.redeliverLast();
    expect((await poll(zalo)).body.result.message.message_id).toBe(c.message_id);
    expect((await poll(zalo)).status).toBe(408);
  });
});

describe("Zalo emulator: raw updates", () => {
  it("queues a pushed update as is and lets the bot answer its chat", async () => {
    const zalo = await kit.emulator();
    const group = { id: "a1b2c3d4e5f60718293a", chat_type: "GROUP" };
    const update = {
      event_name: "message.text.received",
      message: {
        message_id: "f0f0f0f0f0f0f0f0f0f0",
        date: 1766619597466,
        from: { id: "e4ea2cd5189df1c3a88c", first_name: "Cũ" },
        chat: group,
        text: "@bot",
      },
    };
    zalo.pushUpdate(update);
    expect((await poll(zalo)).body.result).toEqual(update);
    expect((await call(zalo, "sendMessage", { chat_id: group.id, text: "Chào nhóm" })).body.ok).toBe(true);
    expect(zalo.sentTo(group.id).map((m) => m.text)).toEqual(["Chào nhóm"]);
  });

  it("a webhook set by the bot ends a waiting poll", async () => {
    const zalo = await kit.emulator();
    const waiting = poll(zalo, "30");
    await new Promise((resolve) => setTimeout(resolve, 20));
    await call(zalo, "setWebhook", { url: "https://bot.example.com/hook", secret_token: "12345678" });
    expect((await waiting).status).toBe(408);
  });
});

describe("Zalo emulator: an emulated user waiting for the bot", () => {
  it("waitForIdle resolves only after the update was taken and answered, with the answers since the user's action", async () => {
    const zalo = await kit.emulator();
    const user = zalo.user("A");
    user.send("ping");
    let idle = false;
    const waiting = user.waitForIdle(300, 5000).then((messages) => {
      idle = true;
      return messages;
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(idle).toBe(false); // the update is still queued
    const { message } = (await poll(zalo)).body.result;
    await call(zalo, "sendMessage", { chat_id: message.chat.id, text: `pong ${message.text}` });
    expect((await waiting).map((m) => m.text)).toEqual(["pong ping"]);
  });
});
