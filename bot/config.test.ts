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
