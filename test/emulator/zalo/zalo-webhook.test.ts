import { afterEach, describe, expect, it } from "vitest";
import { call, ZaloTestKit } from "./test-client.js";
import { SECRET_HEADER } from "./zalo-emulator.js";

const kit = new ZaloTestKit();
afterEach(() => kit.cleanup());

const SECRET = "s3cret-token-of-the-bot";

describe("Zalo emulator: webhook", () => {
  it("setWebhook takes HTTPS (or loopback http) and a secret of 8 to 256 characters", async () => {
    const zalo = await kit.emulator();
    const set = (url: string, secret_token: string) => call(zalo, "setWebhook", { url, secret_token });
    expect((await set("http://example.com/hook", SECRET)).status).toBe(400);
    expect((await set("https://bot.example.com/hook", "short")).status).toBe(400);
    expect((await set("https://bot.example.com/hook", "x".repeat(257))).status).toBe(400);
    const answer = await set("https://bot.example.com/hook", "x".repeat(8));
    expect(answer.body.result).toEqual({ url: "https://bot.example.com/hook", updated_at: expect.any(Number) });
    expect((await call(zalo, "getWebhookInfo")).body.result.url).toBe("https://bot.example.com/hook");
    expect(zalo.delivery).toBe("webhook");
    expect((await call(zalo, "deleteWebhook")).body.result.url).toBe("");
    expect(zalo.delivery).toBe("polling");
    expect((await set("http://127.0.0.1:9/hook", SECRET)).body.ok).toBe(true);
  });

  it("refuses getUpdates while a webhook is set", async () => {
    const zalo = await kit.emulator();
    await call(zalo, "setWebhook", { url: "https://bot.example.com/hook", secret_token: SECRET });
    expect((await call(zalo, "getUpdates", { timeout: "0" })).status).toBe(409);
    expect(zalo.counters.pollsWhileWebhook).toBe(1);
  });

  it("POSTs the bare update with the secret header", async () => {
    const hook = await kit.receiver();
    const zalo = await kit.emulator();
    await call(zalo, "setWebhook", { url: hook.url, secret_token: SECRET });
    const sent = zalo.user("A").send("qua webhook");
    await zalo.flushWebhook();
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0].headers[SECRET_HEADER.toLowerCase()]).toBe(SECRET);
    expect(hook.received[0].body).toEqual(sent);
    expect(zalo.counters).toMatchObject({ webhookPosts: 1, webhookFailures: 0 });
  });

  it("POSTs the wrapped { ok, result } body when asked, and duplicates or redelivers on demand", async () => {
    const hook = await kit.receiver();
    const zalo = await kit.emulator({ webhook: { url: hook.url, secretToken: SECRET }, webhookBody: "wrapped" });
    const user = zalo.user("A");
    zalo.duplicateNext();
    const first = user.send("một");
    await zalo.flushWebhook();
    zalo.redeliverLast();
    await zalo.flushWebhook();
    expect(hook.received.map((r) => r.body)).toEqual([
      { ok: true, result: first },
      { ok: true, result: first },
      { ok: true, result: first },
    ]);
  });

  it("counts a POST the bot refuses, and sends nothing more after deleteWebhook", async () => {
    const hook = await kit.receiver(401);
    const zalo = await kit.emulator({ webhook: { url: hook.url, secretToken: SECRET } });
    const user = zalo.user("A");
    user.send("một");
    await zalo.flushWebhook();
    expect(zalo.deliveries.map((d) => d.status)).toEqual([401]);
    expect(zalo.counters.webhookFailures).toBe(1);
    await call(zalo, "deleteWebhook");
    user.send("hai");
    expect((await call(zalo, "getUpdates", { timeout: "0" })).body.result.message.text).toBe("hai");
    expect(hook.received).toHaveLength(1);
  });

  it("testWebhook probes the webhook and answers 426 past the daily limit", async () => {
    const hook = await kit.receiver();
    const zalo = await kit.emulator({ webhook: { url: hook.url, secretToken: SECRET }, testWebhookDailyLimit: 2 });
    for (let i = 0; i < 2; i++) {
      expect((await call(zalo, "testWebhook")).body.result).toEqual({ ok: true, url: hook.url, outcome: "success" });
    }
    const limited = await call(zalo, "testWebhook");
    expect(limited.status).toBe(426);
    expect(hook.received).toHaveLength(2);
    zalo.newDay();
    expect((await call(zalo, "testWebhook")).body.ok).toBe(true);
  });
});
