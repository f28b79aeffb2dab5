// The tables of a committee's report to the level above (guideline D, C.III.7), shared by its DOCX and XLSX forms:
// members by level per organization, organizations by level, the exemplary lists and the reward proposals.
import { MEMBER_LEVELS, ORG_LEVELS } from "../../domain/levels";
import { orgLevelCounts, percentTenths, type MemberLevelCounts } from "../../domain/reports";
import { localDateKey, type ReviewTimeZone } from "../../domain/calendar";
import type { OrgKind } from "../../store/orgs";
import type { CommitteeReport, ReportUnit, RewardLine } from "../../store/report-data";
import type { Translate } from "../kit/i18n";
import type { Signer } from "./letterhead";

/** What the person who sends the report said about it (or left out: a dotted line to fill by hand). */
export type ReportHeading = { number: string | null; place: string | null; date: string };
export type ReportSigner = { name: string | null; title: "secretary" | "deputy" };
export type ReportPaper = {
  report: CommitteeReport;
  /** The reward proposals of the year (store/rewards.ts rewardProposals, wired by the caller). */
  rewards: RewardLine[];
  heading: ReportHeading;
  signer: ReportSigner;
};

export type Cell = string | number;
/** `left`: the columns of text (names), aligned left; counts and shares are centred. */
export type Sheet = { header: string[]; rows: Cell[][]; shares: number[]; left: readonly number[] };

/** 429 tenths → "42,9%" (vi) or "42.9%" (en). */
export function percentText(t: Translate, part: number, whole: number): string {
  const tenths = percentTenths(part, whole);
  return t("docs.report.percent", { whole: Math.floor(tenths / 10), tenth: tenths % 10 });
}

export function reportTitle(t: Translate, paper: ReportPaper): { title: string; subtitle: string } {
  return { title: t("docs.report.title"), subtitle: t("docs.report.subtitle", { year: paper.report.year }) };
}

/** "Số: 12-BC/ĐU", or the form's blank to number by hand. */
export function numberLine(t: Translate, paper: ReportPaper): string {
  const kind = paper.report.committeeKind === "bloc" ? "bloc" : "base";
  return paper.heading.number ? t("docs.report.number", { number: paper.heading.number }) : t(`docs.report.number_blank.${kind}`);
}

/** "Hà Nội, ngày 10 tháng 01 năm 2027": the place typed (or dotted) and the day the report was made. */
export function placeDate(t: Translate, paper: ReportPaper, zone: ReviewTimeZone): string {
  const [year, month, day] = localDateKey(paper.heading.date, zone.offsetMinutes).split("-");
  return t("docs.report.place_date", { place: paper.heading.place ?? t("docs.report.place_blank"), day, month, year });
}

export function reportSigner(t: Translate, paper: ReportPaper): Signer {
  const forWhom = paper.report.committeeKind === "bloc" ? "docs.report.sign.for_bloc" : "docs.report.sign.for_committee";
  return { lines: [t(forWhom), t(`docs.report.sign.${paper.signer.title}`)], name: paper.signer.name };
}

const KIND_GROUPS: Record<"tccsd" | "branches", readonly OrgKind[]> = {
  tccsd: ["base-committee", "base-branch"],
  branches: ["branch", "sub-committee"],
};

/** Under the 366 rules (RULES-2025) the words of the levels and of N1; absence "evaluated later" is 2011's alone. */
const under366 = (report: CommitteeReport) => report.procedure === "appraisal";

/** The key of a word that differs under the 366 rules. */
function wordKey(report: CommitteeReport, key: string): string {
  return under366(report) ? `docs.report.appraisal.${key}` : `docs.report.${key}`;
}

/** The sentence over the members' table: the whole tree's figures. */
export function membersSummary(t: Translate, report: CommitteeReport): string {
  const { total } = report;
  const share = (n: number) => percentText(t, n, total.evaluated);
  return t(wordKey(report, "members_summary"), {
    total: total.total,
    evaluated: total.evaluated,
    exempt: total.exempt,
    deferred: total.deferred,
    l1: total.levels.L1,
    l1p: share(total.levels.L1),
    l2: total.levels.L2,
    l2p: share(total.levels.L2),
    l3: total.levels.L3,
    l3p: share(total.levels.L3),
    l4: total.levels.L4,
    l4p: share(total.levels.L4),
    unrecognized: total.unrecognized,
  });
}

/** A unit's name, indented by its depth under the committee: a bloc's branches sit under their base committee. */
function unitName(unit: ReportUnit): string {
  return `${"   ".repeat(unit.depth - 1)}${unit.name}`;
}

function rating(t: Translate, report: CommitteeReport, unit: ReportUnit): string {
  if (!unit.rating) return t("docs.report.not_rated");
  const level = t(wordKey(report, `org_level.${unit.rating.level}`));
  return unit.rating.exemplary ? t("docs.report.exemplary_mark", { level }) : level;
}

/** I. Members by level: one line per organization of the tree (numbers and percentages of the evaluated), and the total. */
export function membersSheet(t: Translate, report: CommitteeReport): Sheet {
  const deferred = !under366(report);
  const header = [
    t("docs.col.index"),
    t("docs.report.col.org"),
    t("docs.report.col.total"),
    t(under366(report) ? "docs.report.appraisal.col_exempt" : "docs.report.col.exempt"),
    ...(deferred ? [t("docs.report.col.deferred")] : []),
    t("docs.report.col.evaluated"),
    ...MEMBER_LEVELS.flatMap((level) => [t(`docs.report.col.${level}`), "%"]),
    t("docs.report.col.unrecognized"),
    t("docs.report.col.org_rating"),
  ];
  const line = (index: Cell, name: string, c: MemberLevelCounts, orgRating: string): Cell[] => [
    index,
    name,
    c.total,
    c.exempt,
    ...(deferred ? [c.deferred] : []),
    c.evaluated,
    ...MEMBER_LEVELS.flatMap((level) => [c.levels[level], percentText(t, c.levels[level], c.evaluated)]),
    c.unrecognized,
    orgRating,
  ];
  const rows = report.units.map((unit, i) => line(i + 1, unitName(unit), unit.members, rating(t, report, unit)));
  rows.push(line("", t("docs.report.total"), report.total, ""));
  const shares = [4, 14, 5, 5, ...(deferred ? [5] : []), 5, 5, 6, 5, 6, 5, 6, 6, 6, 5, 12];
  return { header, rows, shares, left: [1, shares.length - 1] };
}

/** II. Organizations by level (recognized ratings only): the TCCSĐ and the branches, each a line with percentages. */
export function orgsSheet(t: Translate, report: CommitteeReport): Sheet {
  const header = [
    t("docs.report.col.group"),
    t("docs.report.col.org_total"),
    ...ORG_LEVELS.flatMap((level) => [t(wordKey(report, `org_level.${level}`)), "%"]),
    // O6's exemplary share is 2011's; under 366 the cap is on "xuất sắc" itself (NO1).
    ...(under366(report) ? [] : [t("docs.report.col.exemplary")]),
    t("docs.report.col.not_rated"),
  ];
  const rows: Cell[][] = [];
  for (const [group, kinds] of Object.entries(KIND_GROUPS)) {
    const units = report.units.filter((u) => kinds.includes(u.kind));
    if (units.length === 0) continue;
    const c = orgLevelCounts(units.map((u) => u.rating));
    rows.push([
      t(`docs.report.group.${group}`),
      c.total,
      ...ORG_LEVELS.flatMap((level) => [c.levels[level], percentText(t, c.levels[level], c.total)]),
      ...(under366(report) ? [] : [c.exemplary]),
      c.unrated,
    ]);
  }
  const shares = [22, 8, 8, 6, 8, 6, 8, 6, 8, 6, ...(under366(report) ? [] : [8]), 6];
  return { header, rows, shares, left: [0] };
}

/** III.1 Exemplary organizations (O6) and III.2 members rated L1 and recognized. */
export function exemplarySheets(t: Translate, report: CommitteeReport): { orgs: Sheet; members: Sheet } {
  return {
    orgs: {
      header: [t("docs.col.index"), t("docs.report.col.org"), t("docs.report.col.kind")],
      rows: report.exemplaryOrgs.map((o, i) => [i + 1, o.name, t(`docs.report.kind.${o.kind}`)]),
      shares: [8, 62, 30],
      left: [1, 2],
    },
    members: {
      header: [t("docs.col.index"), t("docs.col.name"), t("docs.report.col.unit")],
      rows: report.exemplaryMembers.map((m, i) => [i + 1, m.fullName, m.unit]),
      shares: [8, 46, 46],
      left: [1, 2],
    },
  };
}

/** IV. Reward proposals: the reward, recipient, unit and money in đồng (empty money: none set for the year yet). */
export function rewardsSheet(t: Translate, rewards: RewardLine[]): Sheet {
  return {
    header: [
      t("docs.col.index"),
      t("docs.report.col.reward"),
      t("docs.report.col.recipient"),
      t("docs.report.col.unit"),
      t("docs.report.col.money"),
    ],
    rows: rewards.map((r, i) => [
      i + 1,
      t(`docs.report.reward.${r.reward}`),
      r.recipient,
      r.unit,
      r.moneyDong === null ? "" : t("docs.report.money", { money: r.moneyDong }),
    ]),
    shares: [6, 34, 24, 22, 14],
    left: [1, 2, 3],
  };
}

/** The sections in order, each with its heading and either its table or the honest sentence that it is empty. */
export function reportSections(t: Translate, paper: ReportPaper): Array<{ heading: string; lead?: string; sheet: Sheet; empty: string }> {
  const { report } = paper;
  const exemplary = exemplarySheets(t, report);
  return [
    { heading: t("docs.report.section.members"), lead: membersSummary(t, report), sheet: membersSheet(t, report), empty: "" },
    { heading: t("docs.report.section.orgs"), sheet: orgsSheet(t, report), empty: t("docs.report.none.orgs") },
    {
      heading: t(wordKey(report, "section.exemplary_orgs")),
      sheet: exemplary.orgs,
      empty: t(under366(report) ? "docs.report.appraisal.none_exemplary_orgs" : "docs.report.none.exemplary_orgs"),
    },
    { heading: t(wordKey(report, "section.exemplary_members")), sheet: exemplary.members, empty: t("docs.report.none.exemplary_members") },
    { heading: t("docs.report.section.rewards"), sheet: rewardsSheet(t, paper.rewards), empty: t("docs.report.none.rewards") },
  ];
}

/** The file's name without its extension, e.g. bao-cao-xep-loai-2026. */
export function reportFileName(year: number): string {
  return `bao-cao-xep-loai-${year}`;
}
