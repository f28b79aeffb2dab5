import { describe, expect, it } from "vitest";
import { joinInMessages, safeCut, splitMessage, TELEGRAM_TEXT_LIMIT } from "./split-message";

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

describe("splitMessage at a character that is more than one code unit", () => {
  /** A lone surrogate (half an emoji) is what Telegram rejects or shows as a broken glyph. */
  const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

  it("never cuts an emoji's surrogate pair when the emoji straddles the limit", () => {
    const text = `${"a".repeat(TELEGRAM_TEXT_LIMIT - 1)}😀${"b".repeat(10)}`;
    const parts = splitMessage(text);
    expect(parts.join("")).toBe(text);
    for (const part of parts) {
      expect(hasLoneSurrogate(part)).toBe(false);
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    }
    expect(parts[0]).toBe("a".repeat(TELEGRAM_TEXT_LIMIT - 1));
  });

  it("keeps an emoji that ends exactly at the limit in the first part", () => {
    const text = `${"a".repeat(TELEGRAM_TEXT_LIMIT - 2)}😀b`;
    expect(splitMessage(text)).toEqual([`${"a".repeat(TELEGRAM_TEXT_LIMIT - 2)}😀`, "b"]);
  });

  it("keeps a flag and a ZWJ family whole", () => {
    const flag = "🇻🇳";
    const family = "👨‍👩‍👧‍👦";
    for (const grapheme of [flag, family]) {
      for (let offset = 1; offset < grapheme.length; offset++) {
        const head = "x".repeat(100 - offset);
        const parts = splitMessage(`${head}${grapheme}tail`, 100);
        expect(parts[0]).toBe(head);
        expect(parts[1]).toBe(`${grapheme}tail`);
      }
    }
  });

  it("pairs flags from the start of a run of regional indicators", () => {
    const flags = "🇻🇳".repeat(60); // 240 code units, no spaces
    const parts = splitMessage(flags, 101);
    expect(parts.join("")).toBe(flags);
    for (const part of parts) expect(part.length % 4).toBe(0);
  });

  it("cuts a single grapheme longer than a message between code points", () => {
    const huge = `a${"\u0301".repeat(50)}`; // one letter with fifty accents
    expect(safeCut(`${huge}😀`, 10)).toBe(10);
    expect(safeCut(`${"a".repeat(9)}😀`, 10)).toBe(9);
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

describe("joinInMessages: a title stays beside its text", () => {
  const title = (n: number) => `${String.fromCharCode(96 + n)}. Tiêu đề phần ${n}:`;
  const words = (count: number) => Array.from({ length: count }, (_, i) => `từ${i}`).join(" ");

  it("keeps whole blocks together and never ends a message with a title", () => {
    const blocks = [1, 2, 3, 4].map((n) => `${title(n)}\n${words(300)}`); // about 1,700 characters each
    const messages = joinInMessages(blocks);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(4096);
      expect(message.trimEnd().endsWith(":")).toBe(false);
    }
    expect(messages.join("\n\n")).toBe(blocks.join("\n\n"));
  });

  it("cuts a block longer than a message inside its text, its title heading the first part", () => {
    const long = `${title(1)}\n${words(2000)}`; // about 11,000 characters
    const messages = joinInMessages([`Bản tự kiểm điểm\nbản nháp`, long, `${title(2)}\nngắn`]);
    expect(messages.every((m) => m.length <= 4096)).toBe(true);
    const titled = messages.find((m) => m.includes(title(1)))!;
    expect(titled.slice(titled.indexOf(title(1)) + title(1).length + 1).startsWith("từ0")).toBe(true);
    expect(messages.at(-1)).toContain(`${title(2)}\nngắn`);
  });
});
