import { describe, expect, it } from "vitest";
import { historyExampleRows, HISTORY_COLUMNS, parseHistoryTable } from "./reward-import";

const HEADER = [
  "Năm",
  "Loại (đảng viên / tổ chức)",
  "Họ tên hoặc tên tổ chức",
  "Đơn vị",
  "Xếp loại",
  "Tiêu biểu",
  "Điểm",
  "Số ĐV xuất sắc",
  "Số ĐV tốt",
  "Số ĐV hoàn thành",
  "Số ĐV không hoàn thành",
  "Chiến sỹ thi đua cơ sở",
  "Đăng ký thi đua",
  "Khen thưởng đã nhận",
];
const table = (...rows: string[][]) => [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells }));
const row = (over: Partial<Record<(typeof HISTORY_COLUMNS)[number], string>>) => HISTORY_COLUMNS.map((c) => over[c] ?? "");

describe("R3, R4, R5: earlier years read from a committee's sheet", () => {
  it("R4: a member's year with the emulation title and a bloc reward; R3, R5: an organization's score, member shares and registration", () => {
    const parsed = parseHistoryTable(
      table(
        row({
          year: "2025",
          kind: "Đảng viên",
          name: "  Nguyễn  Văn An ",
          unit: "Chi bộ Văn phòng",
          level: "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
          emulationTitle: "x",
          reward: "Đảng ủy Khối",
        }),
        row({
          year: "2025",
          kind: "tổ chức",
          name: "Chi bộ Văn phòng",
          level: "Trong sạch, vững mạnh",
          exemplary: "có",
          score: "96",
          membersL1: "3",
          membersL2: "17",
          membersL3: "1",
          membersL4: "0",
          registered: "có",
        }),
      ),
      2026,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toEqual([
      expect.objectContaining({
        row: 2,
        year: 2025,
        kind: "member",
        name: "Nguyễn Văn An",
        memberLevel: "L1",
        emulationTitle: true,
        rewardGiver: "bloc-committee",
      }),
      expect.objectContaining({
        row: 3,
        kind: "organization",
        orgLevel: "tsvm",
        exemplary: true,
        score: 96,
        registered: true,
        memberLevels: { L1: 3, L2: 17, L3: 1, L4: 0 },
      }),
    ]);
  });

  it("R5: an organization's row of the current year may hold only its registration; a member's may not leave its level", () => {
    const parsed = parseHistoryTable(
      table(
        row({ year: "2026", kind: "tổ chức", name: "Chi bộ A", registered: "có" }),
        row({ year: "2026", kind: "đảng viên", name: "B" }),
      ),
      2026,
    );
    expect(parsed.entries).toEqual([expect.objectContaining({ orgLevel: null, registered: true })]);
    expect(parsed.errors).toEqual([{ row: 3, error: "no-level" }]);
  });

  it.each([
    [{ year: "năm ngoái" }, "bad-year"],
    [{ year: "2027" }, "future-year"],
    [{ year: "2010" }, "bad-year"],
    [{ kind: "cá nhân" }, "bad-kind"],
    [{ name: " " }, "no-name"],
    [{ level: "giỏi" }, "bad-level"],
    [{ level: "TSVM" }, "bad-level"],
    [{ score: "101" }, "bad-score"],
    [{ membersL1: "3" }, "incomplete-counts"],
    [{ membersL1: "3", membersL2: "a", membersL3: "1", membersL4: "0" }, "bad-count"],
    [{ emulationTitle: "có lẽ" }, "bad-yes-no"],
    [{ reward: "Bộ trưởng" }, "bad-reward"],
  ] as const)("R4: a member's row with %o is refused as %s, with its row number", (over, error) => {
    const base = { year: "2025", kind: "đảng viên", name: "An", level: "tốt" };
    const parsed = parseHistoryTable(
      table(row({ year: "2025", kind: "đảng viên", name: "Bình", level: "tốt" }), row({ ...base, ...over })),
      2026,
    );
    expect(parsed.errors).toEqual([expect.objectContaining({ row: 3, error })]);
    expect(parsed.entries).toHaveLength(1);
  });

  it("R4: the same person and year twice is named with the first row; blank rows are skipped", () => {
    const an = row({ year: "2025", kind: "đảng viên", name: "An", unit: "Chi bộ A", level: "tốt" });
    const parsed = parseHistoryTable(table(an, row({}), [...an]), 2026);
    expect(parsed.errors).toEqual([{ row: 4, error: "duplicate", detail: "2" }]);
  });

  it("R4: a sheet without the required columns is refused by its header row; English headers work", () => {
    expect(parseHistoryTable([{ row: 1, cells: ["Họ tên", "Năm"] }], 2026).errors.map((e) => e.detail)).toEqual(["kind", "level"]);
    const english = parseHistoryTable(
      [
        { row: 1, cells: ["year", "kind", "name", "level"] },
        { row: 2, cells: ["2025", "member", "An", "excellent"] },
      ],
      2026,
    );
    expect(english.entries).toEqual([expect.objectContaining({ memberLevel: "L1" })]);
  });

  it("R4: the template's example rows read back without errors", () => {
    const parsed = parseHistoryTable(table(...historyExampleRows(2026)), 2026);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.kind)).toEqual(["member", "organization"]);
  });
});
