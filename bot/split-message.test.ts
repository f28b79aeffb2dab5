import { describe, expect, it } from "vitest";
import { joinInMessages, splitMessage, TELEGRAM_TEXT_LIMIT } from "./split-message";

describe("splitMessage", () => {
  it("keeps a short text whole", () => {
    expect(splitMessage("xin chào")).toEqual(["xin chào"]);
  });

  it("breaks between lines and never exceeds the limit", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `https://t.me/kiemdiem_bot?start=${"x".repeat(24)}${i}`);
    const parts = splitMessage(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.join("\n").split("\n")).toEqual(lines);
  });

  it("cuts a single overlong word at the limit", () => {
    const parts = splitMessage("a".repeat(10_000));
    expect(parts.map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });

  it("prefers a space when a paragraph has no line break", () => {
    const parts = splitMessage("word ".repeat(1000).trim(), 100);
    for (const part of parts) expect(part.startsWith("word") && part.endsWith("word")).toBe(true);
  });
});

describe("joinInMessages", () => {
  it("keeps each block whole and every message within the limit", () => {
    const blocks = Array.from({ length: 50 }, (_, i) => `${i + 1}. Nguyễn Văn ${i}\nhttps://t.me/bot?start=${"c".repeat(24)}`);
    const messages = joinInMessages(blocks, "\n\n", 500);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(500);
    expect(messages.join("\n\n").split("\n\n")).toEqual(blocks);
  });

  it("splits a block longer than a message", () => {
    expect(joinInMessages(["short", "x".repeat(250)], "\n", 100).map((m) => m.length)).toEqual([5, 100, 100, 50]);
  });
});
