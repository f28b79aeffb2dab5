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
