// The shape of a rulebook: every threshold and every Decision of RULES.md is a named value here, so a later
// guideline (2019, 2023) or a branch reading the text differently is a new value, not new code.
import type { Fraction } from "./fraction";
import type {
  DisciplineLevel,
  DisciplineSource,
  MemberLevel,
  NotCompletedGround,
  OrgKind,
  OrgLevel,
  OrgScoreCondition,
  ReviewForm,
  TaskKey,
} from "./levels";

export const PERIOD_DEADLINES = [
  "selfReviewDeadline",
  "branchReportDeadline",
  "tccsdConferenceDeadline",
  "blocAppraisalDeadline",
  "blocConferenceDeadline",
] as const;
export type PeriodDeadline = (typeof PERIOD_DEADLINES)[number];

/** A local wall-clock time in the review's time zone, relative to the period year (yearOffset 1 = January after). */
export type CalendarDefault = { yearOffset: 0 | 1; month: number; day: number; hh: number; mm: number; ss: number };

export const REWARD_GIVERS = ["base-committee", "bloc-committee", "provincial-standing"] as const;
export type RewardGiver = (typeof REWARD_GIVERS)[number];

export const ORG_REWARD_KEYS = [
  "base.exemplary-branch",
  "bloc.exemplary-tccsd",
  "bloc.branch-exemplary-3y",
  "province.tccsd-exemplary-3y",
] as const;
export type OrgRewardKey = (typeof ORG_REWARD_KEYS)[number];
export const MEMBER_REWARD_KEYS = ["base.excellent-member", "bloc.member-excellent-3y", "province.member-excellent-5y"] as const;
export type MemberRewardKey = (typeof MEMBER_REWARD_KEYS)[number];
export type RewardKey = OrgRewardKey | MemberRewardKey;

/** R6: the seven documents of a proposal file (C.III 1–7). */
export const PROPOSAL_DOCUMENTS = [
  "party-building-report",
  "emulation-registration",
  "proposal-letter",
  "review-meeting-minutes",
  "achievement-report",
  "emulation-title-certificate",
  "rated-lists",
] as const;
export type ProposalDocument = (typeof PROPOSAL_DOCUMENTS)[number];
/** R6: documents a file may hold in place of a required one (C.III 6: "hoặc biên bản họp xét của Hội đồng thi đua cơ sở"). */
export const PROPOSAL_DOCUMENT_ALTERNATIVES = ["emulation-council-minutes"] as const;
export type ProposalDocumentAlternative = (typeof PROPOSAL_DOCUMENT_ALTERNATIVES)[number];
export type RewardRecipient = "organization" | "member";

type RewardCommon = {
  giver: RewardGiver;
  /** R1: money = multipleTenths / 10 × base wage (0.6× is 6). */
  multipleTenths: number;
  /** How many years running the level is needed, ending with the proposal year. */
  consecutiveYears: number;
  /** Years that must pass since the same giver's previous reward (null: no wait). */
  yearsSincePrevious: number | null;
};
/** R3: the conditions on an organization proposed upward, each checked every year of the window. */
export const R3_CONDITIONS = ["score", "members-l2-or-better", "no-l4-member"] as const;
export type R3Condition = (typeof R3_CONDITIONS)[number];

export type OrgRewardSpec = RewardCommon & {
  recipient: "organization";
  /** R1: the kinds of unit the reward is for (a branch under a base committee, or a TCCSĐ). */
  forKinds: readonly OrgKind[];
  /** What the organization must have been in each of those years. */
  yearly: "tsvm" | "exemplary";
  /** R3: which conditions of `rewards.organization` apply (C.II.1 lists them per giver). */
  r3: readonly R3Condition[];
};
export type MemberRewardSpec = RewardCommon & {
  recipient: "member";
  /** R4: "Chiến sỹ thi đua cơ sở" or higher within the years, and bloc rewards within the years. */
  minEmulationTitles: number;
  minBlocRewards: number;
};

/** The figures that change every year (R1 base wage, R2 provincial quotas). */
export type YearParameters = {
  year: number;
  baseWageDong: number;
  provincialQuota: { organizations: number; members: number };
};

/**
 * N4 (RULES-2025): what a level needs besides its score. Shares are of the tasks assigned in the year; null: no
 * such condition.
 */
export type ScoreLevelCondition = {
  minScore: number;
  /** Every task done (on time or late). */
  allDone: boolean;
  /** Every task done on time. */
  allOnTime: boolean;
  /** At least this share of tasks exceeded (vượt mức). */
  minExceeded: Fraction | null;
  /** At most this share of tasks done late. */
  maxLate: Fraction | null;
  /** Earlier shortcomings fixed (N2's "results of fixing earlier shortcomings"). */
  earlierShortcomingsFixed: boolean;
};

/** How the cap's count is rounded (an open point of RULES-2025 N6). */
export const CAP_ROUNDINGS = ["floor", "nearest"] as const;
export type CapRounding = (typeof CAP_ROUNDINGS)[number];

/**
 * Quy định 366-QĐ/TW and Hướng dẫn 43-HD/BTCTW (RULES-2025): members score themselves out of 100, the branch
 * appraises and proposes, the competent level decides (N7). Absent (null) in a rulebook of ballots (2011).
 */
export type ScoreRules = {
  /** N2: the forms a self-review may use. */
  forms: readonly ReviewForm[];
  /** N3: the general criteria and the task results, out of these many points. */
  generalMax: number;
  taskMax: number;
  /** N4: the three levels above L4, each with its minimum and conditions; L4 is everything else. */
  levels: { L1: ScoreLevelCondition; L2: ScoreLevelCondition; L3: ScoreLevelCondition };
  /** N5: the grounds that force L4 whatever the score; more than this share of tasks not completed is one. */
  notCompletedGrounds: readonly NotCompletedGround[];
  notCompletedAbove: Fraction;
  /** N5: discipline of at least this form in the year, linked to the duties, forces L4. */
  disciplineForcesL4: boolean;
  /** N1: who is not evaluated. */
  exemptions: { exempt: boolean; suspended: boolean; admittedWithinMonths: number };
  /**
   * N6: "xuất sắc" at most `share` of the base (`outstandingUnitShare` for an outstanding unit); whether the base
   * counts the excellent ones too, and the rounding, are open points: a period's committee may change them.
   */
  cap: { share: Fraction; outstandingUnitShare: Fraction; baseIncludesExcellent: boolean; rounding: CapRounding };
  /** N8: sick this many months or more (or on maternity leave): rated on the work actually done. */
  sickMonths: number;
  /** N10: a period may be a quarter. */
  quarterly: boolean;
  /** N10 Decision: a quarter's self-reviews are due at the end of this many days after its last day. */
  quarterSelfReviewDaysAfter: number;
  /** N11: the draft collective report reaches participants this many working days before the meeting. */
  draftReportWorkingDays: number;
};

/**
 * NO1, NO2 (RULES-2025): an organization scores itself out of general + task points, in `org.bands`; its top level
 * ("xuất sắc", the code tsvm) needs the conditions too, else it falls to `org.tsvmConditionsFailedLevel`; the level
 * above keeps "xuất sắc" within the cap among the organizations it decides for (share, base and rounding as N6's).
 * Null in a rulebook of the seven tasks (2011, O1–O7).
 */
export type OrgScoreRules = {
  generalMax: number;
  taskMax: number;
  excellentConditions: readonly OrgScoreCondition[];
  cap: ScoreRules["cap"];
};

/** The open points of RULES-2025 a period's committee can see and change (stored with the period). */
export type OpenPoints = {
  capBaseIncludesExcellent?: boolean;
  capRounding?: CapRounding;
  /** N6: the unit is outstanding, so the cap's share is `outstandingUnitShare`. */
  outstandingUnit?: boolean;
};

export type Rulebook = {
  id: string;
  title: string;
  /**
   * How a member's level is reached: "ballot" (2011: secret-ballot fractions, B.II.4) or "appraisal" (366: self-score,
   * the committee's appraisal, the competent level's decision, N7).
   */
  procedure: "ballot" | "appraisal";
  /** The score-based rules (RULES-2025); null for a rulebook of ballots. */
  score: ScoreRules | null;
  member: {
    /** B.II.4 vote needed per level. */
    votes: Record<MemberLevel, Fraction>;
    /** M7: whose count is the denominator of a vote. */
    denominator: "official" | "present";
    /**
     * M7 Decision: an official member exempted from party work and activities (M2) does not take part in the meeting,
     * so the prefilled number of official members leaves them out (false); the secretary can still type another.
     */
    exemptOfficialsPrefilled: boolean;
    /** M13 Decision: a ballot for a higher level also counts for lower levels down to L3. */
    cumulativeBallots: boolean;
    l1Cap: {
      share: Fraction;
      /** M8 Decision: the base of the 15% — members who reached L2 or better by the vote, or only those at L2. */
      base: "reached-l2-or-better" | "l2-only";
      /** M8 Decision: who breaks a tie at the cap boundary. */
      tieBreak: "secretary" | "demote-all-tied";
      /** N6 open point: how share × base is rounded; absent: floor (M8). */
      rounding?: CapRounding;
    };
    discipline: {
      minimumLevel: DisciplineLevel;
      sources: readonly DisciplineSource[];
      /** M9: the forms each source decides; a form its source does not have is not a discipline of that source. */
      forms: Record<DisciplineSource, readonly DisciplineLevel[]>;
      /** M9: an L4 majority must carry at least one recorded ground of B.II.4.4 (a discipline is its own ground). */
      l4VoteNeedsGround: boolean;
      /** M9 Decision: discipline in the year forces L4 whatever the votes (false: it is only a recorded reason). */
      forcesL4: boolean;
    };
    hcm: {
      /** M5, M12: the levels that need concrete Ho Chi Minh actions. */
      requiredFor: readonly MemberLevel[];
      /** M5: committee members and leaders must write them in their self-review. */
      leadersMustReport: boolean;
    };
    /** M10: rated L3 without a vote. */
    autoL3: { retiredNotMoved: boolean; awayMonths: number; awayRequiresReport: boolean };
    /** M6: branches above this size that have set up party groups review in them. */
    groupsAboveMembers: number;
  };
  org: {
    /** NO1, NO2: rated by score (366); null: by the seven tasks (O1). */
    score: OrgScoreRules | null;
    taskMax: Record<TaskKey, number>;
    /** O2: minimum total for each level above weak. */
    bands: { tsvm: number; good: number; completed: number };
    /** O2 Decision: the level of a unit at the TSVM band that fails an O3 condition. */
    tsvmConditionsFailedLevel: OrgLevel;
    tsvm: {
      membersL2OrBetter: Fraction;
      branchesTsvm: Fraction;
      maxWeakBranches: number;
      attendance: Fraction;
      /** Which units are judged on their branches (O3, O4). */
      branchConditionsFor: readonly OrgKind[];
    };
    /** O4: a base committee with this share of weak branches is weak. */
    weakBranches: Fraction;
    /** O5: completed or better needs these Ho Chi Minh points and concrete actions. */
    hcm: { minimumPoints: number; concreteActionsRequired: boolean };
    /** O6, R2: exemplary TSVM at most this share of TSVM. */
    exemplaryShare: Fraction;
  };
  rewards: {
    catalogue: { [K in OrgRewardKey]: OrgRewardSpec } & { [K in MemberRewardKey]: MemberRewardSpec };
    /** R2: branches proposed to the bloc at most this share of the base committee's exemplary ones. */
    blocBranchProposalShare: Fraction;
    /** R4: members proposed to the bloc at most this share of the year's L1 members. */
    blocMemberProposalShare: Fraction;
    /** R3 */
    organization: { minScore: number; membersL2OrBetter: Fraction; maxL4Members: number };
    /** R5 */
    requiresRegistration: boolean;
    /** R6: the documents of C.III that concern each recipient. */
    documents: Record<RewardRecipient, readonly ProposalDocument[]>;
    /** R6: what a file may hold instead of a required document. */
    documentAlternatives: Partial<Record<ProposalDocument, readonly ProposalDocumentAlternative[]>>;
    yearDefaults: YearParameters;
  };
  calendar: Record<PeriodDeadline, CalendarDefault>;
  // No time zone here: it is the deployment's (TZ_REVIEW), see ReviewTimeZone in calendar.ts.
  /** T1: member reminders this many days before the self-review deadline; every message only in the window (local hours). */
  reminders: { offsetsDays: readonly number[]; window: { startHour: number; endHour: number } };
  /**
   * How many days an invite link stays valid, and at least how many days after the self-review deadline (see
   * domain/invites.ts); a secretary can always issue fresh ones.
   */
  invites: { validDays: number; daysAfterSelfReviewDeadline: number };
  /**
   * T1: dates a new period gets when the calendar's are no use. `leadDays`: a self-review deadline offered once the
   * calendar's has passed (January, for the previous year) is the end of the day this many days after today.
   * `reportGapDays`: the report deadline is at least this many days after the self-review deadline.
   */
  setupDates: { leadDays: number; reportGapDays: number };
};
