import { describe, expect, it } from "vitest";
import { typedLevel } from "./typed-level";

describe("a self-rating typed instead of pressed (M4)", () => {
  it.each([
    ["xuất sắc", "L1"],
    ["Xuat sac", "L1"],
    ["Đủ tư cách, hoàn thành xuất sắc nhiệm vụ", "L1"],
    ["tốt", "L2"],
    ["hoàn thành tốt nhiệm vụ.", "L2"],
    ["hoàn thành", "L3"],
    ["Không hoàn thành nhiệm vụ", "L4"],
    ["vi phạm", "L4"],
    ["1", "L1"],
    ["mức 3", "L3"],
    ["good", "L2"],
    ["not completed", "L4"],
  ])("M4: «%s» is %s", (text, level) => {
    expect(typedLevel(text)).toBe(level);
  });

  it("M4: other text, a number out of range or a sentence names no level", () => {
    for (const text of ["", "5", "0", "có", "tôi luôn hoàn thành tốt mọi nhiệm vụ được giao trong năm qua và không ngừng học tập"])
      expect(typedLevel(text)).toBeNull();
  });
});
