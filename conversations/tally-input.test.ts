import { describe, expect, it } from "vitest";
import { translatorFor } from "../bot/kit/i18n";
import { officialQuestionText } from "./tally-input";

describe("officialQuestionText (M7)", () => {
  it("M7 tells the secretary how many exempt official members the prefilled number leaves out, in both languages", () => {
    const vi = officialQuestionText(translatorFor("vi"), 9, 2);
    expect(vi).toContain("theo danh sách: 9");
    expect(vi).toContain("không tính 2 đảng viên chính thức được miễn công tác và sinh hoạt đảng");
    expect(officialQuestionText(translatorFor("en"), 9, 2)).toContain("leaves out 2 official member(s) exempted");
  });

  it("M7 says nothing more when no exempt member is left out", () => {
    const t = translatorFor("vi");
    expect(officialQuestionText(t, 9, 0)).toBe(t("tally.ask_official", { count: 9 }));
  });
});
