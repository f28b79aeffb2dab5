import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { BotApiEmulator } from "../test/emulator/bot-api-emulator";
import { outboundApi, telegramThrottle } from "./scheduler";

describe("the fan-out throttle", () => {
  it("Telegram's limits: 30 calls at a time overall (each holding its place a second after its answer), one a second per private chat", () => {
    expect(telegramThrottle().global).toMatchObject({ maxConcurrent: 30 });
    expect(telegramThrottle().global).not.toHaveProperty("reservoir");
    expect(telegramThrottle().out).toMatchObject({ maxConcurrent: 1, minTime: 1000 });
  });

  it("a burst three times the limit is never refused by a server counting over a sliding second, and none is lost", async () => {
    const emulator = await BotApiEmulator.start({ rateLimit: { perSecond: 4, retryAfter: 1 } });
    try {
      const chats = Array.from({ length: 12 }, (_, i) => 500 + i);
      for (const chat of chats) emulator.user(chat);
      const api = outboundApi(new Api("123:throttle_test", { apiRoot: emulator.apiRoot }), telegramThrottle(4));
      await Promise.all(chats.map((chat) => api.sendMessage(chat, `to ${chat}`)));
      expect(emulator.stats()).toMatchObject({ sendMessage: 12, rejected429: 0 });
      expect(new Set(emulator.sent.map((m) => m.chatId))).toEqual(new Set(chats));
    } finally {
      await emulator.stop();
    }
  });

  it("without the throttle the same burst is refused (the test above can fail)", async () => {
    const emulator = await BotApiEmulator.start({ rateLimit: { perSecond: 4, retryAfter: 1 } });
    try {
      const chats = Array.from({ length: 12 }, (_, i) => 500 + i);
      for (const chat of chats) emulator.user(chat);
      const api = new Api("123:throttle_test", { apiRoot: emulator.apiRoot });
      await Promise.allSettled(chats.map((chat) => api.sendMessage(chat, `to ${chat}`)));
      expect(emulator.stats().rejected429).toBeGreaterThan(0);
    } finally {
      await emulator.stop();
    }
  });
});
