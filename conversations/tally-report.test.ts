import { describe, expect, it } from "vitest";
import { translatorFor } from "../bot/kit/i18n";
import { buttonCount, outgoingParts } from "../bot/kit/outgoing";
import { tieNotice } from "./tally-report";

const t = translatorFor("vi");
const tie = (count: number) => ({
  votes: 9,
  seatsLeft: 150,
  candidates: Array.from({ length: count }, (_, i) => ({
    memberId: `c${String(i).padStart(24, "0")}`,
    fullName: `Nguyễn Văn Đồng Phiếu ${i + 1}`,
  })),
});
const dataOf = (keyboard: ReturnType<typeof tieNotice>["keyboard"]) =>
  keyboard.inline_keyboard.flat().map((b) => (b as { callback_data: string }).callback_data);

describe("tieNotice (M8) in a big branch", () => {
  it("pages the buttons of 250 tied candidates, every page within 100 buttons, while the text names them all", () => {
    const pages = [0, 1, 6].map((page) => tieNotice(t, tie(250), page));
    for (const notice of pages) expect(buttonCount(notice.keyboard)).toBeLessThanOrEqual(100);
    expect(dataOf(pages[0]!.keyboard).slice(-1)).toEqual(["cappg:1"]);
    expect(dataOf(pages[1]!.keyboard).slice(-2)).toEqual(["cappg:0", "cappg:2"]);
    expect(dataOf(pages[2]!.keyboard)).toHaveLength(10 + 1);
    const parts = outgoingParts(pages[0]!.text, pages[0]!.keyboard);
    expect(parts.map((p) => p.text).join("\n")).toContain("Nguyễn Văn Đồng Phiếu 250");
  });

  it("keeps a small tie on one page without page buttons", () => {
    expect(dataOf(tieNotice(t, tie(2)).keyboard)).toEqual([`cap:c${"0".repeat(24)}`, `cap:c${"0".repeat(23)}1`]);
  });
});
