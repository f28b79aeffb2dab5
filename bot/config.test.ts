import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const TOKEN = "123456789:AAE_abcdefghijklmnopqrstuvwxyz";

describe("configuration", () => {
  it("defaults to the embedded SQLite file and Telegram's API, long polling", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({ databaseUrl: "file:./data/bot.db", apiRoot: "https://api.telegram.org", webhook: undefined });
  });

  it.each([
    [{}, /BOT_TOKEN is not set.*@BotFather.*npm run demo/],
    [{ BOT_TOKEN: "" }, /BOT_TOKEN is not set/],
    [{ BOT_TOKEN: "not-a-token" }, /does not look like a bot token.*@BotFather/],
  ])("explains a missing or malformed token in one sentence (%j)", (env, message) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(message);
  });

  it("requires a secret for webhook mode and rejects a non-SQLite database URL", () => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://example.org/hook" })).toThrowError(/WEBHOOK_SECRET/);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgres://x" })).toThrowError(/DATABASE_URL/);
    const config = loadConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://example.org/hook", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" });
    expect(config.webhook).toEqual({ url: "https://example.org/hook", secret: "s3cret-s3cret-s3cret", port: 8080, host: "0.0.0.0" });
  });
});

describe("configuration of the Zalo channel (issue 14)", () => {
  const ZALO = "1459232241454765289:abcDEF123secret";

  it("serves Telegram, Zalo or both from one process", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).zalo).toBeUndefined();
    const both = loadConfig({ BOT_TOKEN: TOKEN, ZALO_BOT_TOKEN: ZALO });
    expect(both).toMatchObject({ botToken: TOKEN, zalo: { token: ZALO, apiRoot: "https://bot-api.zaloplatforms.com" } });
    const zaloOnly = loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_API_ROOT: "http://127.0.0.1:9/" });
    expect(zaloOnly.botToken).toBeUndefined();
    expect(zaloOnly.zalo).toEqual({ token: ZALO, apiRoot: "http://127.0.0.1:9" });
  });

  it("explains a malformed Zalo token; Zalo's webhook mode needs its secret and has a port of its own", () => {
    expect(() => loadConfig({ ZALO_BOT_TOKEN: "nope" })).toThrowError(/ZALO_BOT_TOKEN does not look like/);
    expect(() => loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_WEBHOOK_URL: "https://example.org/zalo" })).toThrowError(/ZALO_WEBHOOK_SECRET/);
    const config = loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_WEBHOOK_URL: "https://example.org/zalo", ZALO_WEBHOOK_SECRET: "zalo-secret" });
    expect(config.zalo?.webhook).toEqual({ url: "https://example.org/zalo", secret: "zalo-secret", port: 8081, host: "0.0.0.0" });
  });

  it("serves documents as links only from an HTTPS address", () => {
    expect(() => loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_FILES_URL: "http://example.org/files" })).toThrowError(/ZALO_FILES_URL/);
    const config = loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_FILES_URL: "https://example.org/files" });
    expect(config.zalo?.files).toEqual({ url: "https://example.org/files", port: 8082, host: "0.0.0.0" });
  });
});
