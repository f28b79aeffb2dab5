import { describe, expect, it } from "vitest";
import { parseRosterLines } from "./roster";
import { setApartKnownNames, summarizeRoster } from "./roster-summary";

describe("summarizeRoster", () => {
  it("counts kinds, the exempt (M2), retired and away (M10), leaders (M5) and groups (M6)", () => {
    const { entries } = parseRosterLines(
      [
        "Nguyễn Văn An; chính thức; tổ 1, cấp ủy",
        "Trần Thị Bình; dự bị; tổ 2",
        "Lê Văn Cường; chính thức; tổ 1, miễn",
        "Phạm Thị Dung; tạm thời; nghỉ hưu",
        "Hoàng Văn Em; chính thức; đi xa 4",
      ].join("\n"),
    );
    expect(summarizeRoster(entries)).toEqual({
      total: 5,
      byKind: { official: 3, probationary: 1, temporary: 1 },
      exempt: 1,
      retiredNotMoved: 1,
      workingAway: 1,
      leaders: 1,
      groups: [
        { name: "1", count: 2 },
        { name: "2", count: 1 },
      ],
    });
  });
});

describe("setApartKnownNames", () => {
  it("sets apart names already on the roster, by letters and tones, not by case or spacing", () => {
    const { entries } = parseRosterLines(["nguyễn  văn an; chính thức", "Nguyễn Văn Ân; chính thức", "Trần Thị Bình; dự bị"].join("\n"));
    const { fresh, known } = setApartKnownNames(entries, ["Nguyễn Văn An", "Lê Văn Cường"]);
    expect(known.map((e) => e.name)).toEqual(["nguyễn văn an"]);
    expect(fresh.map((e) => e.name)).toEqual(["Nguyễn Văn Ân", "Trần Thị Bình"]);
  });

  it("treats composed and decomposed Unicode as the same name", () => {
    const decomposed = "Nguyễn Văn An".normalize("NFD");
    const { entries } = parseRosterLines(`${decomposed}; chính thức`);
    expect(setApartKnownNames(entries, ["Nguyễn Văn An"]).known).toHaveLength(1);
  });
});
