import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";

let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(() => h.stop());

describe("the bot against the local Bot API", () => {
  it("explains to a stranger how to join, in Vietnamese", async () => {
    const stranger = h.user(1001);
    await stranger.send("/start");
    const reply = await stranger.waitForMessage();
    expect(reply.text).toContain("chưa có trong danh sách");
    expect(reply.text).toContain("bí thư chi bộ");
  });

  it("answers in English for a Telegram client set to English", async () => {
    const stranger = h.user(1002, { languageCode: "en" });
    await stranger.send("/help");
    expect((await stranger.waitForMessage()).text).toContain("not on any branch's roster");
  });

  it("says when there is nothing to cancel; a stranger's unknown input gets how to join", async () => {
    const someone = h.user(1003);
    await someone.send("/cancel");
    expect((await someone.waitForMessage()).text).toContain("không có thao tác nào");
    await someone.send("xin chào");
    expect((await someone.waitForMessage()).text).toContain("chưa có trong danh sách");
  });

  it("every message of the bot fits Telegram's limits: a text of 5,000 characters arrives in two parts, whole", async () => {
    const someone = h.user(1004);
    await someone.send("/help");
    await someone.waitForMessage();
    const long = Array.from({ length: 500 }, (_, i) => `Dòng ${String(i).padStart(3, "0")}.`).join(" ");
    await h.bot.api.sendMessage(1004, long);
    const parts = (await someone.waitForIdle()).map((m) => m.text ?? "").slice(1); // after the answer to /help
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => part.length <= 4096)).toBe(true);
    expect(parts.join(" ")).toBe(long);
  });
});
