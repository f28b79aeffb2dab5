// Issue 9, point 7: names from a roster are one clean line each, so they can neither add lines to /status nor
// make an exported document invalid.
import { describe, expect, it } from "vitest";
import { orgNameSchema } from "./branch-setup";
import { MAX_GROUP_LENGTH, parseRosterLine } from "./roster";
import { parseRosterCsv } from "./roster-csv";
import { cleanName } from "./text";

describe("cleanName", () => {
  it("collapses line breaks, tabs and paragraph separators into one space", () => {
    expect(cleanName(" Nguyễn\r\nVăn\tAn\u2028 \u2029Bình\u0085 ")).toBe("Nguyễn Văn An Bình");
  });

  it("strips controls and what XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates), keeps emoji", () => {
    expect(cleanName("An\u0000\u0007\u001b\u007f\u009b\uFFFE\uFFFF\uD800 Bình\uDC00 😀")).toBe("An Bình 😀");
  });

  it("composes Vietnamese letters typed decomposed", () => {
    expect(cleanName("Nguye\u0302\u0303n")).toBe("Nguyễn");
  });
});

describe("roster names and party groups on input", () => {
  it("a CSV group with a line break becomes one line; the name too", () => {
    const csv = 'name,kind,group\n"Nguyễn\nVăn An",chính thức,"Tổ 1\n✅ Đã nộp: 999"\n';
    const { entries, errors } = parseRosterCsv(csv);
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.name, e.group])).toEqual([["Nguyễn Văn An", "1 ✅ Đã nộp: 999"]]);
  });

  it(`a group name of ${MAX_GROUP_LENGTH} characters is kept, one more is refused on its line`, () => {
    const edge = "g".repeat(MAX_GROUP_LENGTH);
    const csv = `name,kind,group\nAn,chính thức,${edge}\nBình,chính thức,Tổ ${edge}x\n`;
    const { entries, errors } = parseRosterCsv(csv);
    expect(entries.map((e) => e.group)).toEqual([edge]);
    expect(errors).toEqual([{ line: 3, error: "roster.group-too-long" }]);
    expect(parseRosterLine(`Cường; chính thức; tổ ${edge}x`)).toEqual({ ok: false, error: "roster.group-too-long" });
    expect(parseRosterLine(`Cường; chính thức; tổ ${edge}`)).toMatchObject({ ok: true, value: { group: edge } });
  });

  it("U+FFFE and U+FFFF never reach a member's or an organization's name", () => {
    expect(parseRosterLine("Trần\uFFFE Thị\uFFFF Dung; dự bị")).toMatchObject({ ok: true, value: { name: "Trần Thị Dung" } });
    expect(orgNameSchema.parse("Chi bộ\uFFFF\nVăn phòng")).toBe("Chi bộ Văn phòng");
  });

  it("a name that is only forbidden characters is missing", () => {
    expect(parseRosterLine("\uFFFF\u0000; chính thức")).toEqual({ ok: false, error: "roster.missing-name" });
  });
});
