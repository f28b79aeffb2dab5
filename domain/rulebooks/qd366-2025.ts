// Quy định 366-QĐ/TW (30/8/2025) with Hướng dẫn 43-HD/BTCTW (31/10/2025), as RULES-2025.md reads them. Rule ids
// point into RULES-2025.md. What the 366 rules do not change (discipline forms, reminders, invites, the organizations'
// seven tasks) is the 2011 rulebook's value, so the two differ only where the texts do.
import { percent } from "../fraction";
import type { Rulebook, ScoreLevelCondition } from "../rulebook";
import { hd07_2011 } from "./hd07-2011";

const level = (minScore: number, rest: Partial<ScoreLevelCondition>): ScoreLevelCondition => ({
  minScore,
  allDone: true,
  allOnTime: false,
  minExceeded: null,
  maxLate: null,
  earlierShortcomingsFixed: false,
  ...rest,
});
const endOfDay = (yearOffset: 0 | 1, month: number, day: number) => ({ yearOffset, month, day, hh: 23, mm: 59, ss: 59 });

export const qd366_2025: Rulebook = {
  ...hd07_2011,
  id: "qd366-2025",
  title: "Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025",
  procedure: "appraisal",
  score: {
    forms: ["2A", "2B", "2C"], // N2
    generalMax: 30, // N3
    taskMax: 70,
    levels: {
      // N4
      L1: level(90, { allOnTime: true, minExceeded: percent(30), earlierShortcomingsFixed: true }),
      L2: level(70, { allOnTime: true }),
      L3: level(50, { maxLate: percent(20) }),
    },
    notCompletedGrounds: ["degradation-concluded", "forbidden-with-harm", "tasks-not-completed"], // N5
    notCompletedAbove: percent(50, true), // N5: "more than 50% of tasks not completed"
    disciplineForcesL4: true, // N5: khiển trách or heavier in the year, linked to the duties
    exemptions: { exempt: true, suspended: true, admittedWithinMonths: 6 }, // N1
    // N6 Decision: the base counts everyone at "tốt" or better (as M8 does), floor(share × base).
    cap: { share: percent(20), outstandingUnitShare: percent(25), baseIncludesExcellent: true, rounding: "floor" },
    sickMonths: 3, // N8
    quarterly: true, // N10
    quarterSelfReviewDaysAfter: 10, // N10 Decision: within the first ten days of the next quarter
    draftReportWorkingDays: 3, // N11
  },
  member: {
    ...hd07_2011.member,
    // N7: a ballot may still be recorded, as information; it decides nothing.
    l1Cap: { share: percent(20), base: "reached-l2-or-better", tieBreak: "secretary" }, // N6
    discipline: { ...hd07_2011.member.discipline, l4VoteNeedsGround: false, forcesL4: true }, // N5
    hcm: { requiredFor: [], leadersMustReport: false }, // the 366 forms have no separate Ho Chi Minh part
    // No automatic level without an appraisal under 366 (N8 rates the sick on the work done instead).
    autoL3: { retiredNotMoved: false, awayMonths: Number.MAX_SAFE_INTEGER, awayRequiresReport: true },
  },
  org: {
    ...hd07_2011.org,
    // NO1: also 30 + 70; "xuất sắc" also needs no subordinate unit and no member of the leadership disciplined in the
    // year; the same 20% (25%) cap among comparable organizations, read as N6 (base, rounding: open points).
    score: {
      generalMax: 30,
      taskMax: 70,
      excellentConditions: ["no-subordinate-disciplined", "no-leader-disciplined"],
      cap: { share: percent(20), outstandingUnitShare: percent(25), baseIncludesExcellent: true, rounding: "floor" },
    },
    bands: { tsvm: 90, good: 70, completed: 50 }, // NO1: the same bands as members
    exemplaryShare: percent(20), // NO1
  },
  rewards: {
    ...hd07_2011.rewards,
    catalogue: {
      ...hd07_2011.rewards.catalogue,
      // N13 (Hướng dẫn 06-HD/TW, 2025): 0.3×, 1.0× and 1.5× the base wage.
      "base.excellent-member": { ...hd07_2011.rewards.catalogue["base.excellent-member"], multipleTenths: 3, consecutiveYears: 1 },
      "bloc.member-excellent-3y": {
        ...hd07_2011.rewards.catalogue["bloc.member-excellent-3y"],
        multipleTenths: 10,
        consecutiveYears: 5,
        yearsSincePrevious: 5,
      },
      "province.member-excellent-5y": {
        ...hd07_2011.rewards.catalogue["province.member-excellent-5y"],
        multipleTenths: 15,
        consecutiveYears: 5,
        yearsSincePrevious: 5,
      },
    },
  },
  calendar: {
    ...hd07_2011.calendar,
    branchReportDeadline: endOfDay(0, 12, 30), // N11: finish before 31/12
    tccsdConferenceDeadline: endOfDay(1, 1, 14), // N11: special cycles before 15/01
    blocConferenceDeadline: endOfDay(1, 1, 31), // N11: files to the Organization Commission before 01/02
  },
};
