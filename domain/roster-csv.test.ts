import { describe, expect, it } from "vitest";
import { MAX_ROSTER_MEMBERS, rosterHasRoom } from "./roster";
import { parseRosterCsv, ROWS_PER_STEP, rosterCsvSteps } from "./roster-csv";

const csv = (count: number) => `name;kind\n${Array.from({ length: count }, (_, i) => `Người ${i + 1};dự bị\n`).join("")}`;

describe("roster CSV bounds", () => {
  it("is parsed in steps of ROWS_PER_STEP rows, with the same result as in one go", () => {
    const steps = rosterCsvSteps(csv(ROWS_PER_STEP * 3 + 1));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(3);
    expect(step.value).toEqual(parseRosterCsv(csv(ROWS_PER_STEP * 3 + 1)));
    expect(step.value.entries).toHaveLength(ROWS_PER_STEP * 3 + 1);
  });

  it("exactly 5,000 members are read; one more stops the reading with one error and no entries", () => {
    expect(parseRosterCsv(csv(MAX_ROSTER_MEMBERS))).toMatchObject({ errors: [] });
    expect(parseRosterCsv(csv(MAX_ROSTER_MEMBERS)).entries).toHaveLength(MAX_ROSTER_MEMBERS);
    expect(parseRosterCsv(csv(MAX_ROSTER_MEMBERS + 50))).toEqual({
      entries: [],
      errors: [{ line: MAX_ROSTER_MEMBERS + 2, error: "roster.too-many-members", detail: "5000" }],
    });
  });

  it("a branch's roster has room for new members up to 5,000 in all", () => {
    expect(rosterHasRoom(4_990, 10)).toBe(true);
    expect(rosterHasRoom(4_990, 11)).toBe(false);
  });
});

describe("roster CSV headers in Vietnamese (issue 11, V17)", () => {
  const row = "Nguyễn Văn An;chính thức;1;0;2026-01;2;x";

  it.each([
    ["with diacritics", "Họ tên;Loại;Miễn;Nghỉ hưu;Đi xa từ;Tổ;Cấp ủy"],
    ["without diacritics, any case", "HO TEN;loai;mien;nghi huu;di xa tu;TO;cap uy"],
    ["as the help writes them", "họ_tên;loại;miễn;nghỉ_hưu;đi_xa_từ;tổ;cấp_ủy"],
    ["in English", "name;kind;exempt;retired_not_moved;working_away_since;group;leader"],
  ])("are read %s", (_how, header) => {
    const parsed = parseRosterCsv(`${header}\n${row}\n`, { asOf: { at: "2026-07-15T00:00:00Z", offsetMinutes: 7 * 60 } });
    expect(parsed.errors).toEqual([]);
    const [entry] = parsed.entries;
    expect(entry).toMatchObject({ name: "Nguyễn Văn An", group: "2", workingAwaySince: "2026-01" });
    expect(entry!.status).toMatchObject({ kind: "official", exempt: true, retiredNotMoved: false, isLeader: true, workingAwayMonths: 6 });
  });

  it("a missing required column is named by its code, whichever language the header used", () => {
    expect(parseRosterCsv("Họ tên;Tổ\nAn;1\n").errors).toEqual([{ line: 1, error: "roster.csv-missing-column", detail: "kind" }]);
  });
});
