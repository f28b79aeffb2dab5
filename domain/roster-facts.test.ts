import { describe, expect, it } from "vitest";
import { parseRosterLine } from "./roster";
import { parseRosterCsv } from "./roster-csv";
import { rosterDay, summarizeFacts } from "./roster-facts";

const entryOf = (line: string) => {
  const parsed = parseRosterLine(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe("RULES-2025 facts in the roster (N1, N2, N8)", () => {
  it("N2, N1, N8: a line's flags set the form, the admission day, a suspension and a special case", () => {
    expect(entryOf("An; chính thức; mẫu 2A, cấp ủy").facts).toEqual({ form: "2A" });
    expect(entryOf("Bình; dự bị; kết nạp 15/08/2026, 2c").facts).toEqual({ form: "2C", admittedOn: "2026-08-15" });
    expect(entryOf("Cường; chính thức; đình chỉ").facts).toEqual({ suspended: true });
    expect(entryOf("Dung; chính thức; Thai sản").facts).toEqual({ specialCase: "maternity" });
    expect(entryOf("Em; chính thức; om dai ngay").facts).toEqual({ specialCase: "sick" });
    expect(entryOf("Giang; chính thức; sinh hoạt tạm thời nơi khác").facts).toEqual({ specialCase: "attached-elsewhere" });
    expect(entryOf("Hoa; chính thức; tổ 2").facts).toBeUndefined();
  });

  it("a wrong form or day is named, not ignored", () => {
    expect(parseRosterLine("An; chính thức; mẫu 2D")).toMatchObject({ ok: false, error: "roster.invalid-form", detail: "mẫu 2D" });
    expect(parseRosterLine("An; chính thức; kết nạp 31/02/2026")).toMatchObject({ ok: false, error: "roster.invalid-admitted" });
    expect(rosterDay("2026-08-15")).toBe("2026-08-15");
    expect(rosterDay("15.8.2026")).toBe("2026-08-15");
    expect(rosterDay("2026-13-01")).toBeNull();
  });

  it("CSV: the optional columns in Vietnamese or English; without them nothing changes", () => {
    const csv =
      "Họ tên,Loại,Mẫu,Ngày kết nạp,Đình chỉ,Trường hợp đặc biệt\nAn,chính thức,2B,01/09/2026,,\nBình,chính thức,,,x,ốm dài ngày\nCường,dự bị,,,,\n";
    const parsed = parseRosterCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.facts)).toEqual([
      { form: "2B", admittedOn: "2026-09-01" },
      { suspended: true, specialCase: "sick" },
      undefined,
    ]);
    expect(parseRosterCsv("name,kind,special_case\nAn,official,holiday\n").errors).toEqual([
      { line: 2, error: "roster.invalid-special-case", detail: "holiday" },
    ]);
    expect(parseRosterCsv("name,kind\nAn,official\n").entries[0]!.facts).toBeUndefined();
  });

  it("the summary counts each fact", () => {
    const entries = ["A; chính thức; 2A, đình chỉ", "B; chính thức; 2A, thai sản", "C; chính thức; kết nạp 2026-08-01"].map(entryOf);
    expect(summarizeFacts(entries)).toEqual({
      forms: { "2A": 2, "2B": 0, "2C": 0 },
      admitted: 1,
      suspended: 1,
      special: { sick: 0, maternity: 1, "attached-elsewhere": 0 },
    });
  });
});
