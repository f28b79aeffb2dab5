import { describe, expect, it } from "vitest";
import { translatorFor } from "../kit/i18n";
import { needsLetters, plainText, splitForZalo, withNumberedMenu, ZALO_TEXT_LIMIT } from "./menu";

const vi = translatorFor("vi");
const en = translatorFor("en");
const keyboard = (...labels: string[]) => ({
  inline_keyboard: labels.map((text, i) => [{ text, callback_data: `rating:L${i + 1}` }]),
});

describe("the numbered menu that stands for an inline keyboard on Zalo", () => {
  it("numbers every button in order under the text and says what to reply, in Vietnamese", () => {
    const menu = withNumberedMenu(
      "Tự nhận mức xếp loại:",
      keyboard("Đủ tư cách, hoàn thành xuất sắc nhiệm vụ", "Đủ tư cách, hoàn thành tốt nhiệm vụ", "Đủ tư cách, hoàn thành nhiệm vụ"),
      vi,
    );
    expect(menu.text).toBe(
      "Tự nhận mức xếp loại:\n\n1. Đủ tư cách, hoàn thành xuất sắc nhiệm vụ\n2. Đủ tư cách, hoàn thành tốt nhiệm vụ\n" +
        "3. Đủ tư cách, hoàn thành nhiệm vụ\n\nTrả lời 1, 2 hoặc 3.",
    );
    expect(menu.options).toEqual(["rating:L1", "rating:L2", "rating:L3"]);
  });

  it("counts buttons across rows, in English too, and says «Reply 1.» for a single button", () => {
    const twoRows = {
      inline_keyboard: [
        [
          { text: "Yes", callback_data: "y" },
          { text: "No", callback_data: "n" },
        ],
        [{ text: "Later", callback_data: "l" }],
      ],
    };
    const menu = withNumberedMenu("Submit?", twoRows, en);
    expect(menu.options).toEqual(["y", "n", "l"]);
    expect(menu.text.endsWith("1. Yes\n2. No\n3. Later\n\nReply 1, 2 or 3.")).toBe(true);
    expect(withNumberedMenu("Done?", keyboard("Done"), en).text).toBe("Done?\n\n1. Done\n\nReply 1.");
  });

  it("writes a link button out as its address, unnumbered; no keyboard leaves the text as it is", () => {
    const menu = withNumberedMenu("Guide", { inline_keyboard: [[{ text: "Hướng dẫn", url: "https://example.org/hd" }]] }, vi);
    expect(menu).toEqual({ text: "Guide\n\nHướng dẫn: https://example.org/hd", options: [] });
    expect(withNumberedMenu("Xin chào", undefined, vi)).toEqual({ text: "Xin chào", options: [] });
  });
});

describe("a menu under a question about a number is lettered (issue 14)", () => {
  it("letters the choices when a label holds a number", () => {
    const keep = { inline_keyboard: [[{ text: "Giữ nguyên 4", callback_data: "tally:keep" }]] };
    const menu = withNumberedMenu("Số đảng viên chính thức: 4. Đồng chí chọn «Giữ nguyên» hoặc gõ số khác.", keep, vi);
    expect(menu).toEqual({
      text: "Số đảng viên chính thức: 4. Đồng chí chọn «Giữ nguyên» hoặc gõ số khác.\n\na. Giữ nguyên 4\n\nTrả lời a.",
      options: ["tally:keep"],
      letters: true,
    });
    const many = withNumberedMenu("Ack?", keyboard("All 12 members", "Only An", "No"), en);
    expect(many.text.endsWith("a. All 12 members\nb. Only An\nc. No\n\nReply a, b or c.")).toBe(true);
  });

  it("keeps numbers when no label holds a digit, or when there are more choices than letters", () => {
    expect(needsLetters(["Xong ✓", "Bỏ qua"])).toBe(false);
    expect(needsLetters(["2025", "2026"])).toBe(true);
    expect(needsLetters(Array.from({ length: 27 }, (_, i) => `Tổ ${i + 1}`))).toBe(false);
    expect(withNumberedMenu("Tiếp?", keyboard("Xong"), vi).letters).toBeUndefined();
  });
});

describe("words that are true on both channels", () => {
  it("leaves the text as it is: it names the choice («chọn «Xong»»), the menu under it says what to reply", () => {
    const done = { inline_keyboard: [[{ text: "Xong ✓", callback_data: "rv:done.a" }]] };
    const menu = withNumberedMenu("Đã lưu. Đồng chí gửi thêm tin nhắn, hoặc chọn «Xong» để sang phần sau.", done, vi);
    expect(menu.text).toBe("Đã lưu. Đồng chí gửi thêm tin nhắn, hoặc chọn «Xong» để sang phần sau.\n\n1. Xong ✓\n\nTrả lời 1.");
  });
});

describe("splitting for Zalo's 2,000 UTF-16 units", () => {
  it("keeps a text that fits in one message", () => {
    expect(splitForZalo("Đồng chí vui lòng viết phần tự kiểm điểm.")).toEqual(["Đồng chí vui lòng viết phần tự kiểm điểm."]);
  });

  it("splits between paragraphs when one ends in the second half of a message", () => {
    const first = "Về tư tưởng chính trị. ".repeat(60).trim(); // about 1,400 units
    const second = "Về phẩm chất đạo đức, lối sống. ".repeat(30).trim();
    const parts = splitForZalo(`${first}\n\n${second}`);
    expect(parts).toEqual([first, second]);
  });

  it("splits between words otherwise, every part within the limit, nothing lost", () => {
    const words = Array.from({ length: 900 }, (_, i) => `từ${i}`);
    const text = words.join(" ");
    const parts = splitForZalo(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(parts.join(" ").split(" ")).toEqual(words);
  });

  it("cuts inside a word only when it alone is longer than a message, never inside a surrogate pair", () => {
    const long = "😀".repeat(1500); // 3,000 units
    const parts = splitForZalo(long);
    expect(parts.join("")).toBe(long);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(part.length % 2).toBe(0);
    }
  });
});

describe("formatting on Zalo", () => {
  it("sends HTML as plain text, entities read", () => {
    expect(plainText("<b>Chi bộ</b> &amp; <i>Đảng ủy</i> &lt;1&gt;", "HTML")).toBe("Chi bộ & Đảng ủy <1>");
    expect(plainText("a <b> b", undefined)).toBe("a <b> b");
  });
});
