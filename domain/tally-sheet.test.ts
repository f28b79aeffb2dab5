import { describe, expect, it } from "vitest";
import { editDistance, pastedRows, readTallySheet, type SheetRoster } from "./tally-sheet";
import { entrySlotFor } from "./voters";

const roster: SheetRoster[] = [
  { id: "a", fullName: "Nguyễn Văn An", absent: false, evaluated: true },
  { id: "b", fullName: "Trần Thị Bình", absent: false, evaluated: true },
  { id: "c", fullName: "Lê Văn Cường", absent: false, evaluated: true },
  { id: "d", fullName: "Phạm Thị Dung", absent: true, evaluated: true },
  { id: "e", fullName: "Hoàng Văn Em", absent: false, evaluated: false },
  { id: "f", fullName: "Nguyễn Văn Ân", absent: false, evaluated: true },
];
const read = (text: string, picks?: Record<number, string>) =>
  readTallySheet(pastedRows(text), roster, { method: "secret", voters: 6, picks });

describe("the counting sheet of a whole branch (M13)", () => {
  it("M13: reads tab, semicolon and space separated rows in the fixed order, with a header and a row number", () => {
    const reading = read(
      [
        "Họ và tên\tĐVCT\tCó mặt\tHợp lệ\tXS\tTốt\tHT\tKHT",
        "Trần Thị Bình\t6\t6\t6\t5\t1\t0\t0",
        "2;Lê Văn Cường;6;5;5;0;1;3;0;Còn chậm báo cáo",
        "Nguyễn Văn An 6 6 6 0 6 0 0",
      ].join("\n"),
    );
    expect(reading.errors).toEqual([]);
    expect(reading.counted.map((c) => [c.line, c.memberId])).toEqual([
      [2, "b"],
      [3, "c"],
      [4, "a"],
    ]);
    expect(reading.counted[0]!.tally).toEqual({
      method: "secret",
      official: 6,
      present: 6,
      valid: 6,
      votes: { L1: 5, L2: 1, L3: 0, L4: 0 },
    });
    expect(reading.counted[1]!.note).toBe("Còn chậm báo cáo");
  });

  it("M13: tolerates diacritic, case and spacing slips and a small typo, and asks when two members fit", () => {
    const reading = read("tran thi binh;6;6;6;0;6;0;0\nLê VănCuờng;6;6;6;0;6;0;0\nLe Van Cuong;6;6;6;0;6;0;0\nNguyen Van An;6;6;6;0;6;0;0");
    expect(reading.counted.map((c) => [c.memberId, c.written])).toEqual([
      ["b", "tran thi binh"],
      ["c", "Lê VănCuờng"],
    ]);
    // The third row names Lê Văn Cường again: a duplicate, named with the row it repeats.
    expect(reading.errors).toEqual([
      { line: 3, name: "Le Van Cuong", error: { code: "sheet.duplicate", params: { first: 2, member: "Lê Văn Cường" } } },
    ]);
    // Without diacritics, "Nguyen Van An" is both Nguyễn Văn An and Nguyễn Văn Ân: the secretary picks.
    expect(reading.ambiguous).toEqual([{ line: 4, name: "Nguyen Van An", candidates: ["a", "f"] }]);
    expect(read("Nguyen Van An;6;6;6;0;6;0;0", { 1: "f" }).counted[0]!.memberId).toBe("f");
    // Written with its diacritics, the name is exact and nobody is asked.
    expect(read("Nguyễn Văn Ân;6;6;6;0;6;0;0").counted[0]!.memberId).toBe("f");
  });

  it("M13: every bad row is named with its line and what is wrong, the good rows are kept", () => {
    const reading = read(
      [
        "Trần Thị Bình;6;7;6;0;6;0;0",
        "Nguyễn Văn Bảy;6;6;6;0;6;0;0",
        "Lê Văn Cường;6;6;6;0;6;0",
        "Nguyễn Văn An;6;6;mười;0;6;0;0",
        "Phạm Thị Dung;6;6;6;0;6;0;0",
        "Hoàng Văn Em;6;6;6;0;6;0;0",
        "Nguyễn Văn Ân;6;6;5;3;3;0;0",
        "Lê Văn Cường",
      ].join("\n"),
    );
    expect(reading.counted).toEqual([]);
    expect(reading.errors.map((e) => [e.line, e.error.code])).toEqual([
      [1, "tally.present-exceeds-official"],
      [2, "sheet.unknown-name"],
      [3, "sheet.wrong-count"],
      [4, "sheet.not-a-number"],
      [5, "sheet.absent"],
      [6, "sheet.not-evaluated"],
      [7, "tally.votes-exceed-valid"],
      [8, "sheet.no-counts"],
    ]);
  });

  it("M13: a spreadsheet's empty count cells are 0 and its rows not filled in are skipped", () => {
    const rows = [
      { line: 5, cells: ["1", "Trần Thị Bình", "6", "6", "6", "5", "1", "", ""] },
      { line: 6, cells: ["2", "Lê Văn Cường", "6", "", "", "", "", "", ""] },
    ];
    const reading = readTallySheet(rows, roster, { method: "hands", voters: 6, blanksAreZero: true });
    expect(reading.errors).toEqual([]);
    expect(reading.counted).toEqual([
      {
        line: 5,
        memberId: "b",
        fullName: "Trần Thị Bình",
        tally: { method: "hands", official: 6, present: 6, valid: 6, votes: { L1: 5, L2: 1, L3: 0, L4: 0 } },
      },
    ]);
  });

  it("M13: a name ending in a number keeps it when the numbers are separated by spaces", () => {
    const numbered: SheetRoster[] = [{ id: "x", fullName: "Nguyễn Văn Đức 01", absent: false, evaluated: true }];
    const reading = readTallySheet(pastedRows("Nguyễn Văn Đức 01 30 28 28 25 3 0 0"), numbered, { method: "secret", voters: 30 });
    expect(reading.counted[0]).toMatchObject({ memberId: "x", tally: { official: 30, present: 28, votes: { L1: 25, L2: 3 } } });
  });

  it("M13: one wrong letter in a long name still finds the member, two do not", () => {
    expect(read("Tran Thi Binhh;6;6;6;0;6;0;0").counted[0]).toMatchObject({ memberId: "b", written: "Tran Thi Binhh" });
    expect(read("Tran Thi Bonhh;6;6;6;0;6;0;0").errors[0]!.error.code).toBe("sheet.unknown-name");
  });

  it("editDistance stops early beyond its limit", () => {
    expect(editDistance("nguyenvanan", "nguyenvanam", 2)).toBe(1);
    expect(editDistance("nguyenvanan", "tranthibinh", 2)).toBe(3);
  });

  it("M13: double entry keeps each entrant in their own slot", () => {
    expect(entrySlotFor([], false, "u")).toBe(1);
    expect(entrySlotFor([], true, "u")).toBe(1);
    expect(entrySlotFor([{ entrySlot: 1, enteredById: "v" }], true, "u")).toBe(2);
    expect(entrySlotFor([{ entrySlot: 2, enteredById: "u" }], true, "u")).toBe(2);
  });
});
