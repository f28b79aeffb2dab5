import { describe, expect, it } from "vitest";
import { reviewYearDays } from "./calendar";
import { disciplineForms, disciplineRecordErrors, type DisciplineInput } from "./discipline";
import { DISCIPLINE_LEVELS } from "./levels";
import { rateMember, isEvaluated, requiresHcmReport, type MemberOutcome } from "./member-rating";
import { hd07_2011 as rb } from "./rulebooks/hd07-2011";
import { official, ratingInput, tally } from "./test-helpers";
import type { Rulebook } from "./rulebook";

const levelOf = (o: MemberOutcome) => (o.kind === "level" ? o.level : o.kind);
const codes = (o: MemberOutcome) => o.reasons.map((r) => r.code);
/** An L4 majority with a recorded ground (M9). */
const l4Tally = (n: number, votes: number) => ({ ...tally(n, { L4: votes }), l4Grounds: ["caused-disunity" as const] });

describe("who is evaluated", () => {
  it.each(["official", "probationary", "temporary"] as const)("M1: a %s member is evaluated and can be rated", (kind) => {
    const member = official({ kind });
    expect(isEvaluated(member)).toBe(true);
    expect(levelOf(rateMember(ratingInput({ member, tally: tally(9, { L2: 5 }) }), rb))).toBe("L2");
  });

  it("M1: a member working away who reported and was allowed is evaluated", () => {
    const member = official({ workingAwayMonths: 1, awayReportedAllowed: true });
    expect(levelOf(rateMember(ratingInput({ member, tally: tally(9, { L1: 6 }) }), rb))).toBe("L1");
  });

  it("M2: an exempt member is not evaluated, whatever the tally says", () => {
    const outcome = rateMember(ratingInput({ member: official({ exempt: true }), tally: tally(9, { L1: 9 }) }), rb);
    expect(outcome).toEqual({ kind: "not-evaluated", reasons: [{ code: "member.exempt" }] });
  });

  it("M3: a member absent from the meeting is deferred to the next meeting", () => {
    const outcome = rateMember(ratingInput({ absentFromMeeting: true, tally: tally(9, { L1: 9 }) }), rb);
    expect(outcome).toEqual({ kind: "deferred", reasons: [{ code: "member.absent" }] });
  });

  it("M13: without a tally the member awaits one", () => {
    expect(rateMember(ratingInput(), rb)).toEqual({ kind: "awaiting-tally", reasons: [{ code: "tally.missing" }] });
  });
});

describe("M13: the vote, cumulative ballots, thresholds of the official members (M7)", () => {
  // official = 9: 2/3 is 6; more than 1/2 is 5. official = 10: more than 1/2 is 6, exactly 1/2 is 5.
  it.each([
    ["exactly 2/3 L1 ballots → L1", 9, { L1: 6 }, "L1"],
    ["one L1 ballot below 2/3 → L2 through cumulation", 9, { L1: 5 }, "L2"],
    ["L1 ballots count for L2: 4 L1 + 1 L2 of 9 → L2", 9, { L1: 4, L2: 1 }, "L2"],
    ["exactly 1/2 is not more than 1/2: 5 L2 of 10 → L3 needs more", 10, { L2: 5, L3: 0 }, "undecided"],
    ["L1 and L2 ballots count for L3: 2+2+2 of 10 → L3", 10, { L1: 2, L2: 2, L3: 2 }, "L3"],
    ["exactly 1/2 for L3 → undecided", 10, { L1: 1, L2: 2, L3: 2, L4: 5 }, "undecided"],
    ["L4 needs more than 1/2 on its own: 6 of 10", 10, { L3: 4, L4: 6 }, "L4"],
    ["L4 ballots do not count for L3", 10, { L3: 5, L4: 5 }, "undecided"],
    ["2/3 of 3 members is 2", 3, { L1: 2 }, "L1"],
  ] as const)("M13: %s", (_name, n, votes, expected) => {
    const withGround = { ...tally(n, votes), l4Grounds: ["standards-violated" as const] }; // M9: an L4 majority says why
    expect(levelOf(rateMember(ratingInput({ tally: withGround }), rb))).toBe(expected);
  });

  it("M13: the reason carries the level, the supporting ballots and the denominator", () => {
    const outcome = rateMember(ratingInput({ tally: tally(9, { L1: 4, L2: 2 }) }), rb);
    expect(outcome.reasons).toEqual([{ code: "vote.reached", params: { level: "L2", votes: 6, denominator: 9 } }]);
  });

  it("M13: no level reached is undecided with the no-majority reason", () => {
    const outcome = rateMember(ratingInput({ tally: tally(10, { L2: 5, L4: 5 }) }), rb);
    expect(outcome).toEqual({ kind: "undecided", reasons: [{ code: "vote.no-majority", params: { denominator: 10, valid: 10 } }] });
  });

  it("M7: fewer present than official — the denominator stays the official members", () => {
    // 5 of 7 present is more than 2/3 of those present, but not 2/3 of the 9 official members.
    expect(levelOf(rateMember(ratingInput({ tally: tally(9, { L1: 5 }, 7) }), rb))).toBe("L2");
    expect(levelOf(rateMember(ratingInput({ tally: tally(9, { L1: 6 }, 7) }), rb))).toBe("L1");
    // 4 of 7 present is a majority of those present, not of 9 official members.
    expect(levelOf(rateMember(ratingInput({ tally: tally(9, { L3: 4 }, 7) }), rb))).toBe("undecided");
  });

  it("M7: probationary members are outside the denominator", () => {
    // A branch of 9 official and 3 probationary members: 6 L1 ballots are 2/3 of 9 (they would not be of 12).
    expect(levelOf(rateMember(ratingInput({ member: official({ kind: "probationary" }), tally: tally(9, { L1: 6 }) }), rb))).toBe("L1");
  });

  it("M7: the denominator is a rulebook value — counting those present changes the result", () => {
    const present: Rulebook = { ...rb, member: { ...rb.member, denominator: "present" } };
    expect(levelOf(rateMember(ratingInput({ tally: tally(9, { L1: 5 }, 7) }), present))).toBe("L1");
  });

  it("M13 Decision: without cumulative ballots, 4 L1 + 1 L2 of 9 reach nothing", () => {
    const separate: Rulebook = { ...rb, member: { ...rb.member, cumulativeBallots: false } };
    expect(levelOf(rateMember(ratingInput({ tally: tally(9, { L1: 4, L2: 1 }) }), separate))).toBe("undecided");
  });

  it("M13: an invalid tally is refused with tally.invalid", () => {
    expect(() => rateMember(ratingInput({ tally: tally(9, { L1: 8 }, 10) }), rb)).toThrow("tally.invalid");
  });
});

describe("discipline, Ho Chi Minh actions, retired and away members", () => {
  const reprimand2011 = { level: "reprimand", source: "state", decidedOn: "2011-06-01" } as const;
  const ratedWith = (disciplines: DisciplineInput[], rulebook: Rulebook = rb) =>
    rateMember(ratingInput({ disciplines, tally: tally(9, { L1: 9 }) }), rulebook);

  it.each([
    ["M9: decided in the year (a reprimand by the state)", [reprimand2011], "L4"],
    ["M9: decided on the year's first day", [{ ...reprimand2011, decidedOn: "2011-01-01" }], "L4"],
    ["M9: decided on the year's last day", [{ level: "expulsion", source: "party", decidedOn: "2011-12-31" }], "L4"],
    ["M9: decided before the year and ending inside it", [{ ...reprimand2011, decidedOn: "2010-08-01", endsOn: "2011-02-01" }], "L4"],
    [
      "M9: decided before the year and ending on its first day",
      [{ ...reprimand2011, decidedOn: "2010-08-01", endsOn: "2011-01-01" }],
      "L4",
    ],
    ["M9: decided before the year and ending after it", [{ ...reprimand2011, decidedOn: "2010-08-01", endsOn: "2012-08-01" }], "L4"],
    ["M9: decided before the year with no end date (still in force)", [{ ...reprimand2011, decidedOn: "2009-05-05", endsOn: null }], "L4"],
    ["M9: decided before the year and ended before it", [{ ...reprimand2011, decidedOn: "2010-01-10", endsOn: "2010-12-31" }], "L1"],
    ["M9: decided after the year", [{ ...reprimand2011, decidedOn: "2012-01-05" }], "L1"],
    ["M9: a state form: salary downgrade by the state", [{ level: "salary-downgrade", source: "state", decidedOn: "2011-05-05" }], "L4"],
    ["M9: a state form: dismissal by the state", [{ level: "dismissal", source: "state", decidedOn: "2011-05-05" }], "L4"],
    ["M9: expulsion by a mass organization", [{ level: "expulsion", source: "mass", decidedOn: "2011-05-05" }], "L4"],
    [
      "M9: a form its source does not have (the party has no salary downgrade) is not counted",
      [{ level: "salary-downgrade", source: "party", decidedOn: "2011-05-05" }],
      "L1",
    ],
  ] as const)("%s", (_name, disciplines, expected) => {
    expect(levelOf(ratedWith([...disciplines]))).toBe(expected);
  });

  it("M9: lighter than the rulebook's minimum does not cap (a reprimand where the minimum is a warning)", () => {
    const fromWarning: Rulebook = { ...rb, member: { ...rb.member, discipline: { ...rb.member.discipline, minimumLevel: "warning" } } };
    expect(levelOf(ratedWith([reprimand2011], fromWarning))).toBe("L1");
    expect(levelOf(ratedWith([{ ...reprimand2011, level: "warning" }], fromWarning))).toBe("L4");
    // The default rulebook's minimum is the reprimand, the lightest form there is.
    expect(rb.member.discipline.minimumLevel).toBe(DISCIPLINE_LEVELS[0]);
  });

  it("M9: the review year's days come in: the same decision caps in one year and not in the next", () => {
    const endedMidYear = [{ ...reprimand2011, endsOn: "2011-09-30" }];
    const rated = (year: number) =>
      levelOf(rateMember(ratingInput({ disciplines: endedMidYear, reviewYear: reviewYearDays(year), tally: tally(9, { L1: 9 }) }), rb));
    expect(rated(2011)).toBe("L4");
    expect(rated(2012)).toBe("L1");
    expect(rated(2010)).toBe("L1");
  });

  it("M9: the L4 names the heaviest decision in force — form, source, day, number and end — and needs no Ho Chi Minh actions", () => {
    const disciplines: DisciplineInput[] = [
      reprimand2011,
      { level: "warning", source: "party", decidedOn: "2011-09-09", endsOn: "2012-09-09", decisionNumber: "15-QĐ/ĐU" },
      { level: "expulsion", source: "mass", decidedOn: "2009-01-01", endsOn: "2010-01-01" }, // heavier, but ended
    ];
    const outcome = rateMember(ratingInput({ disciplines, hcmActions: false, hcmAcknowledged: false }), rb);
    expect(outcome).toEqual({
      kind: "level",
      level: "L4",
      reasons: [
        {
          code: "member.discipline",
          params: { level: "warning", source: "party", date: "2011-09-09", number: "15-QĐ/ĐU", endsOn: "2012-09-09" },
        },
      ],
    });
  });

  it.each([
    ["a form its source lacks", { level: "dismissal", source: "party", decidedOn: "2011-05-05" }, ["discipline.form"]],
    ["a decision dated after today", { ...reprimand2011, decidedOn: "2011-12-02" }, ["discipline.decided-future"]],
    ["an end before the decision", { ...reprimand2011, endsOn: "2011-05-31" }, ["discipline.ends-before-decided"]],
    ["a sound decision", { ...reprimand2011, endsOn: "2011-06-01" }, []],
  ] as const)("M9: recording refuses %s", (_name, record, errors) => {
    expect(disciplineRecordErrors(record, rb, "2011-12-01")).toEqual(errors);
  });

  it("M9: each source offers only its own forms, lightest first", () => {
    expect(disciplineForms("party", rb)).toEqual(["reprimand", "warning", "removal", "expulsion"]);
    expect(disciplineForms("state", rb)).toContain("salary-downgrade");
    expect(disciplineForms("mass", rb)).not.toContain("dismissal");
  });

  it("M9: grounds recorded with an L4 vote are attached as reasons", () => {
    const t = { ...tally(9, { L4: 5 }), l4Grounds: ["refused-assignment", "caused-disunity"] as const };
    const outcome = rateMember(ratingInput({ tally: { ...t, l4Grounds: [...t.l4Grounds] } }), rb);
    expect(codes(outcome)).toEqual(["vote.reached", "vote.l4-ground", "vote.l4-ground"]);
    expect(outcome.reasons[2]).toEqual({ code: "vote.l4-ground", params: { ground: "caused-disunity" } });
  });

  it("M9: an L4 majority without a recorded ground is blocked until the secretary records one", () => {
    const outcome = rateMember(ratingInput({ tally: tally(9, { L4: 5 }) }), rb);
    expect(outcome.kind).toBe("blocked");
    expect(codes(outcome)).toEqual(["vote.reached", "vote.l4-no-ground"]);
    const lenient: Rulebook = { ...rb, member: { ...rb.member, discipline: { ...rb.member.discipline, l4VoteNeedsGround: false } } };
    expect(levelOf(rateMember(ratingInput({ tally: tally(9, { L4: 5 }) }), lenient))).toBe("L4");
  });

  it("M9: a discipline is its own ground: the forced L4 needs no recorded ground", () => {
    expect(levelOf(rateMember(ratingInput({ disciplines: [reprimand2011], tally: tally(9, { L4: 5 }) }), rb))).toBe("L4");
  });

  it("M9 Decision: when discipline does not force L4, it is a recorded reason and the vote decides", () => {
    const soft: Rulebook = { ...rb, member: { ...rb.member, discipline: { ...rb.member.discipline, forcesL4: false } } };
    const outcome = rateMember(ratingInput({ disciplines: [reprimand2011], tally: tally(9, { L3: 5 }) }), soft);
    expect(levelOf(outcome)).toBe("L3");
    expect(codes(outcome)).toEqual(["member.discipline", "vote.reached"]);
  });

  it.each([
    ["L1", { L1: 6 }],
    ["L2", { L2: 5 }],
    ["L3", { L3: 5 }],
  ] as const)("M12: without Ho Chi Minh actions a vote for %s is blocked", (level, votes) => {
    const outcome = rateMember(ratingInput({ hcmActions: false, tally: tally(9, votes) }), rb);
    expect(outcome.kind).toBe("blocked");
    expect(outcome.reasons.at(-1)).toEqual({ code: "hcm.missing", params: { wouldBe: level } });
  });

  it("M12: the written actions alone do not unblock: the meeting's acknowledgement is missing, and said so", () => {
    const outcome = rateMember(ratingInput({ hcmActions: true, hcmAcknowledged: false, tally: tally(9, { L2: 5 }) }), rb);
    expect(outcome.kind).toBe("blocked");
    expect(codes(outcome)).toEqual(["vote.reached", "hcm.unacknowledged"]);
    expect(outcome.reasons.at(-1)).toEqual({ code: "hcm.unacknowledged", params: { wouldBe: "L2" } });
  });

  it("M12: with neither the actions nor the acknowledgement, both are named", () => {
    const outcome = rateMember(ratingInput({ hcmActions: false, hcmAcknowledged: false, tally: tally(9, { L1: 6 }) }), rb);
    expect(codes(outcome)).toEqual(["vote.reached", "hcm.missing", "hcm.unacknowledged"]);
  });

  it("M12: an acknowledgement without actions does not unblock either", () => {
    const outcome = rateMember(ratingInput({ hcmActions: false, hcmAcknowledged: true, tally: tally(9, { L3: 5 }) }), rb);
    expect(codes(outcome)).toEqual(["vote.reached", "hcm.missing"]);
  });

  it("M12: both the actions and the acknowledgement give the level", () => {
    expect(levelOf(rateMember(ratingInput({ hcmActions: true, hcmAcknowledged: true, tally: tally(9, { L2: 5 }) }), rb))).toBe("L2");
  });

  it("M12: an L4 vote stays L4 without Ho Chi Minh actions or their acknowledgement", () => {
    expect(levelOf(rateMember(ratingInput({ hcmActions: false, hcmAcknowledged: false, tally: l4Tally(9, 5) }), rb))).toBe("L4");
  });

  it("M5: committee members and leaders must report Ho Chi Minh actions; others need not write them", () => {
    expect(requiresHcmReport(official({ isLeader: true }), rb)).toBe(true);
    expect(requiresHcmReport(official(), rb)).toBe(false);
  });

  it.each([
    ["retired, membership not moved", official({ retiredNotMoved: true }), "member.retired-not-moved"],
    ["away exactly 3 months, reported", official({ workingAwayMonths: 3, awayReportedAllowed: true }), "member.working-away"],
    ["away 4 months without having reported (M10 asks no report)", official({ workingAwayMonths: 4 }), "member.working-away"],
  ] as const)("M10: %s → L3 without a vote", (_name, member, code) => {
    const outcome = rateMember(ratingInput({ member }), rb);
    expect(levelOf(outcome)).toBe("L3");
    expect(codes(outcome)).toEqual([code]);
  });

  it.each([["away 2 months", official({ workingAwayMonths: 2, awayReportedAllowed: true })]])(
    "M10: %s is voted on like anyone",
    (_name, member) => {
      expect(rateMember(ratingInput({ member }), rb).kind).toBe("awaiting-tally");
    },
  );

  it("M10: a rulebook that asks the absence be reported keeps it a value: unreported is then voted on", () => {
    const strict: Rulebook = { ...rb, member: { ...rb.member, autoL3: { ...rb.member.autoL3, awayRequiresReport: true } } };
    expect(rateMember(ratingInput({ member: official({ workingAwayMonths: 4 }) }), strict).kind).toBe("awaiting-tally");
  });

  it("M10: 'with no violation' — a discipline or an L4 majority rules out the automatic L3", () => {
    const member = official({ retiredNotMoved: true });
    expect(levelOf(rateMember(ratingInput({ member, disciplines: [reprimand2011] }), rb))).toBe("L4");
    expect(levelOf(rateMember(ratingInput({ member, tally: l4Tally(9, 5) }), rb))).toBe("L4");
    expect(levelOf(rateMember(ratingInput({ member, tally: tally(9, { L1: 9 }) }), rb))).toBe("L3");
  });

  it("M10 with M12: the automatic L3 still needs Ho Chi Minh actions", () => {
    expect(rateMember(ratingInput({ member: official({ retiredNotMoved: true }), hcmActions: false }), rb).kind).toBe("blocked");
  });

  it("M11: an L3 result carries the branch's note on shortcomings; other levels do not", () => {
    const l3 = rateMember(ratingInput({ tally: tally(9, { L3: 5 }), l3Note: "  chậm nộp báo cáo " }), rb);
    expect(l3).toMatchObject({ kind: "level", level: "L3", note: "chậm nộp báo cáo" });
    const l2 = rateMember(ratingInput({ tally: tally(9, { L2: 5 }), l3Note: "x" }), rb);
    expect(l2).not.toHaveProperty("note");
  });

  it("outcomes are plain JSON data", () => {
    const outcome = rateMember(ratingInput({ disciplines: [reprimand2011] }), rb);
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });
});
