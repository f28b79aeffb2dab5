import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { fullMonthsBetween, parseRosterLine, parseRosterLines } from "./roster";
import { parseRosterCsv } from "./roster-csv";
import { official, VN } from "./test-helpers";

describe("roster lines (M1, M2, M5, M6, M10)", () => {
  it("M1: the three kinds, with or without diacritics and in any case", () => {
    expect(parseRosterLine("Nguyễn Văn An; chính thức")).toEqual({
      ok: true,
      value: { name: "Nguyễn Văn An", group: null, status: official(), workingAwaySince: null },
    });
    const kinds = ["DỰ BỊ", "du bi", "Sinh hoạt tạm thời", "tam  thoi"].map((k) => {
      const r = parseRosterLine(`Trần Thị Bình; ${k}`);
      return r.ok ? r.value.status.kind : r.error;
    });
    expect(kinds).toEqual(["probationary", "probationary", "temporary", "temporary"]);
  });

  it("M2, M5, M6, M10: flags for exempt, leader, group, retired and working away", () => {
    const r = parseRosterLine("  Lê   Văn Cường ; chính thức ; Miễn, cấp ủy, Tổ 2, nghỉ hưu, đi làm xa 4 tháng ");
    expect(r).toEqual({
      ok: true,
      value: {
        name: "Lê Văn Cường",
        group: "2",
        status: { kind: "official", exempt: true, retiredNotMoved: true, workingAwayMonths: 4, awayReportedAllowed: true, isLeader: true },
        workingAwaySince: null,
      },
    });
  });

  it.each([
    ["; chính thức", "roster.missing-name"],
    ["Nguyễn Văn An", "roster.missing-kind"],
    ["Nguyễn Văn An; cảm tình", "roster.unknown-kind"],
    ["Nguyễn Văn An; chính thức; bay xa", "roster.unknown-flag"],
    ["Nguyễn Văn An; chính thức; tổ 1; thừa", "roster.too-many-fields"],
    [`${"A".repeat(121)}; chính thức`, "roster.name-too-long"],
  ])("M1: %j is refused with %s", (line, error) => {
    expect(parseRosterLine(line)).toMatchObject({ ok: false, error });
  });

  it("M6: several lines at once, skipping blanks and comments, errors with their line numbers", () => {
    const result = parseRosterLines("# chi bộ 1\nAn; chính thức; tổ 1\n\nBình; dự bị; tổ 1\nCường; ?\n");
    expect(result.entries.map((e) => [e.name, e.group])).toEqual([
      ["An", "1"],
      ["Bình", "1"],
    ]);
    expect(result.errors).toEqual([{ line: 5, error: "roster.unknown-kind", detail: "?" }]);
  });
});

describe("roster CSV", () => {
  it("M1, M10: columns in any order, quoted fields, ';' delimiter, months away counted to asOf", () => {
    const text =
      "\uFEFFkind;name;group;exempt;leader;retired_not_moved;working_away_since\r\n" +
      'chính thức;"Phạm ""Hai"" Dung";Tổ 3;;x;0;2011-08-15\r\n' +
      "dự bị;Hoàng Văn Em;;không;;có;\r\n";
    const result = parseRosterCsv(text, { asOf: { at: "2011-12-14T10:00:00+07:00", offsetMinutes: VN } });
    expect(result.errors).toEqual([]);
    expect(result.entries[0]).toEqual({
      name: 'Phạm "Hai" Dung',
      group: "3",
      status: { kind: "official", exempt: false, retiredNotMoved: false, workingAwayMonths: 3, awayReportedAllowed: true, isLeader: true },
      workingAwaySince: "2011-08-15",
    });
    expect(result.entries[1]!.status).toEqual(official({ kind: "probationary", retiredNotMoved: true }));
  });

  it("M1: bad rows are reported with their line, good rows kept; missing columns stop the import", () => {
    const text = 'name,kind,exempt\nAn,chính thức,maybe\n"Bình\nBảo",dự bị,0\nCường,chính thức,1\n';
    const result = parseRosterCsv(text);
    expect(result.errors).toEqual([{ line: 2, error: "roster.invalid-boolean", detail: "exempt" }]);
    expect(result.entries.map((e) => [e.name, e.status.exempt])).toEqual([
      ["Bình Bảo", false],
      ["Cường", true],
    ]);
    expect(parseRosterCsv("name,group\nAn,1").errors).toEqual([{ line: 1, error: "roster.csv-missing-column", detail: "kind" }]);
  });

  it("M10: the local day of `asOf` follows the review zone's offset", () => {
    expect(fullMonthsBetween("2011-09-20", "2011-12-19T18:00:00Z", 7 * 60)).toBe(3); // 20/12 in Vietnam
    expect(fullMonthsBetween("2011-09-20", "2011-12-19T18:00:00Z", 0)).toBe(2);
  });

  it("M10: whole months away, counted on local days", () => {
    expect(fullMonthsBetween("2011-09-20", "2011-12-19T10:00:00+07:00", VN)).toBe(2);
    expect(fullMonthsBetween("2011-09-20", "2011-12-20T10:00:00+07:00", VN)).toBe(3);
    expect(fullMonthsBetween("2011-09", "2011-12-01T00:00:00+07:00", VN)).toBe(3);
    expect(fullMonthsBetween("2011-13-01", "2011-12-01T00:00:00+07:00", VN)).toBeNull();
  });

  it("CSV reader: quotes, escaped quotes, delimiters and line breaks inside quotes, line numbers", () => {
    expect(parseCsv('a,"b,c","d""e"\n\n"f\ng",h\n')).toEqual([
      { line: 1, fields: ["a", "b,c", 'd"e'] },
      { line: 3, fields: ["f\ng", "h"] },
    ]);
  });
});

describe("rows pasted from a spreadsheet or saved as tab-separated text", () => {
  it("a pasted row with tabs between name, kind and notes reads like a typed line, empty cells at the end ignored", () => {
    const { entries, errors } = parseRosterLines("Phạm Thị Dung\tchính thức\ttổ 2, cấp ủy\t\t\nLê Văn Cường\tdự bị\n");
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.name, e.status.kind, e.group, e.status.isLeader])).toEqual([
      ["Phạm Thị Dung", "official", "2", true],
      ["Lê Văn Cường", "probationary", null, false],
    ]);
  });

  it("a tab-separated file reads like a CSV", () => {
    const { entries, errors } = parseRosterCsv("Họ tên\tLoại\tTổ\r\nPhạm Thị Dung\tchính thức\t2\r\n");
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.name, e.group])).toEqual([["Phạm Thị Dung", "2"]]);
  });
});
