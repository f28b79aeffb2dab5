// Hướng dẫn 07-HD/BTCTW (11/10/2011) as applied by the provincial bloc committee's 2011 guideline.
// Section marks point into /work/shared/guideline; rule ids into RULES.md.
import { percent } from "../fraction";
import { PROPOSAL_DOCUMENTS, R3_CONDITIONS, type Rulebook } from "../rulebook";

const MORE_THAN_HALF = { num: 1, den: 2, strict: true };
const TWO_THIRDS = { num: 2, den: 3, strict: false };
/** O7, C.I: a grassroots party organization (TCCSĐ) is a base committee or a base branch. */
const TCCSD = ["base-committee", "base-branch"] as const;
/** C.II.1: a TCCSĐ proposed to the province needs 95 points and more than 90% at L2 or better every year; the text
 * for the province, unlike the one for the bloc, does not add "không có đảng viên không hoàn thành nhiệm vụ". */
const PROVINCE_R3 = ["score", "members-l2-or-better"] as const;
/** "Before 31/12" is read as "by 30/12 23:59:59 local"; a submission at the instant itself is on time. */
const endOfDay = (yearOffset: 0 | 1, month: number, day: number) => ({ yearOffset, month, day, hh: 23, mm: 59, ss: 59 });

export const hd07_2011: Rulebook = {
  id: "hd07-2011",
  title: "Hướng dẫn 07-HD/BTCTW ngày 11/10/2011",
  procedure: "ballot",
  score: null,
  member: {
    votes: { L1: TWO_THIRDS, L2: MORE_THAN_HALF, L3: MORE_THAN_HALF, L4: MORE_THAN_HALF }, // B.II.4
    denominator: "official", // M7
    exemptOfficialsPrefilled: false, // M7 Decision: the exempt (M2) do not attend, so they are not prefilled
    cumulativeBallots: true, // M13 Decision
    l1Cap: { share: percent(15), base: "reached-l2-or-better", tieBreak: "secretary" }, // M8 Decision
    discipline: {
      minimumLevel: "reprimand",
      sources: ["party", "state", "mass"], // B.II.4.4: "kỷ luật của Đảng, chính quyền, đoàn thể"
      forms: {
        party: ["reprimand", "warning", "removal", "expulsion"], // Điều lệ Đảng
        state: ["reprimand", "warning", "salary-downgrade", "demotion", "removal", "dismissal"], // Luật Cán bộ, công chức 2008
        mass: ["reprimand", "warning", "removal", "expulsion"], // the mass organizations' charters
      },
      forcesL4: true, // M9 Decision
      l4VoteNeedsGround: true, // M9
    },
    hcm: { requiredFor: ["L1", "L2", "L3"], leadersMustReport: true }, // M5, M12
    // M10 (B.II.5): the guideline asks no report for the automatic L3 (reporting keeps the member on the roster, M1).
    autoL3: { retiredNotMoved: true, awayMonths: 3, awayRequiresReport: false },
    groupsAboveMembers: 15, // M6
  },
  org: {
    score: null, // O1: the seven tasks
    taskMax: { politicalTasks: 30, ideology: 15, partyBuilding: 15, cadres: 10, inspection: 10, massOrgs: 5, hcm: 15 },
    bands: { tsvm: 90, good: 70, completed: 50 }, // O2
    tsvmConditionsFailedLevel: "good", // O2 Decision
    tsvm: {
      membersL2OrBetter: percent(80),
      branchesTsvm: TWO_THIRDS,
      maxWeakBranches: 0,
      attendance: percent(80),
      branchConditionsFor: ["base-committee"],
    },
    weakBranches: { num: 1, den: 3, strict: false }, // O4
    hcm: { minimumPoints: 8, concreteActionsRequired: true }, // O5
    exemplaryShare: percent(20), // O6
  },
  rewards: {
    // R1 (C.I)
    catalogue: {
      "base.exemplary-branch": {
        recipient: "organization",
        forKinds: ["branch"],
        giver: "base-committee",
        multipleTenths: 6,
        consecutiveYears: 1,
        yearsSincePrevious: null,
        yearly: "tsvm",
        r3: [],
      },
      "bloc.exemplary-tccsd": {
        recipient: "organization",
        forKinds: TCCSD,
        giver: "bloc-committee",
        multipleTenths: 20,
        consecutiveYears: 1,
        yearsSincePrevious: null,
        yearly: "tsvm",
        r3: R3_CONDITIONS,
      },
      "bloc.branch-exemplary-3y": {
        recipient: "organization",
        forKinds: ["branch"],
        giver: "bloc-committee",
        multipleTenths: 15,
        consecutiveYears: 3,
        yearsSincePrevious: null,
        yearly: "exemplary",
        r3: R3_CONDITIONS,
      },
      "province.tccsd-exemplary-3y": {
        recipient: "organization",
        forKinds: TCCSD,
        giver: "provincial-standing",
        multipleTenths: 30,
        consecutiveYears: 3,
        yearsSincePrevious: 3,
        yearly: "exemplary",
        r3: PROVINCE_R3,
      },
      "base.excellent-member": {
        recipient: "member",
        giver: "base-committee",
        multipleTenths: 3,
        consecutiveYears: 1,
        yearsSincePrevious: null,
        minEmulationTitles: 0,
        minBlocRewards: 0,
      },
      "bloc.member-excellent-3y": {
        recipient: "member",
        giver: "bloc-committee",
        multipleTenths: 6,
        consecutiveYears: 3,
        yearsSincePrevious: 3,
        minEmulationTitles: 1,
        minBlocRewards: 0,
      },
      "province.member-excellent-5y": {
        recipient: "member",
        giver: "provincial-standing",
        multipleTenths: 10,
        consecutiveYears: 5,
        yearsSincePrevious: 5,
        minEmulationTitles: 2,
        minBlocRewards: 1,
      },
    },
    blocBranchProposalShare: percent(15), // R2
    blocMemberProposalShare: percent(15), // R4
    organization: { minScore: 95, membersL2OrBetter: percent(90, true), maxL4Members: 0 }, // R3
    requiresRegistration: true, // R5
    // R6 (C.III): the emulation title certificate (6) is a member's document; an organization's file does not wait for it.
    documents: { member: PROPOSAL_DOCUMENTS, organization: PROPOSAL_DOCUMENTS.filter((d) => d !== "emulation-title-certificate") },
    documentAlternatives: { "emulation-title-certificate": ["emulation-council-minutes"] }, // C.III 6 "hoặc biên bản …"
    // R1, R2: the 2011 figures; a review period supplies its own. 830 000 đ is the general minimum wage from 05/2011.
    yearDefaults: { year: 2011, baseWageDong: 830_000, provincialQuota: { organizations: 7, members: 10 } },
  },
  calendar: {
    // T1 (D.V). The self-review deadline is this project's default; the guideline only says "in December".
    selfReviewDeadline: endOfDay(0, 12, 20),
    branchReportDeadline: endOfDay(0, 12, 30), // before 31/12
    tccsdConferenceDeadline: endOfDay(1, 1, 14), // before 15/01
    blocAppraisalDeadline: endOfDay(1, 1, 19), // before 20/01
    blocConferenceDeadline: endOfDay(1, 1, 29), // before 30/01
  },
  reminders: { offsetsDays: [3, 1, 0], window: { startHour: 8, endHour: 20 } },
  invites: { validDays: 14, daysAfterSelfReviewDeadline: 7 }, // this project's choice: the guideline says nothing about links
  // This project's choice: a week to write a self-review; 20/12 to 30/12 of the calendar for the report.
  setupDates: { leadDays: 7, reportGapDays: 10 },
};
