import { describe, expect, it } from "vitest";
import { isSuspiciousName } from "./roster-summary";

describe("names the roster preview asks the secretary to look at", () => {
  it("Vietnamese names, with hyphens and apostrophes, in any Unicode form, are fine", () => {
    for (const name of [
      "Phạm Thị Dung",
      "Nguyễn Thị Ánh Tuyết",
      "Đặng Văn Ước",
      "H'Hen Niê",
      "Lê-Văn Bơ",
      "Phạm Thị Dung".normalize("NFD"),
    ]) {
      expect(isSuspiciousName(name), name).toBe(false);
    }
  });

  it("a replacement character, foreign or symbol characters, digits, and all capitals are suspicious", () => {
    for (const name of ["Pha\uFFFDm Thi\uFFFD Dung", "PhÃ¡m Thá»‹ Dung", "Nguyễn Văn Số 1", "An (tổ 2)", "NGUYỄN VĂN AN", "chính thức?"]) {
      expect(isSuspiciousName(name), name).toBe(true);
    }
  });
});
