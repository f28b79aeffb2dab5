// /status for a committee (T1): a base committee sees one line per branch, the bloc one line per base committee
// (the totals of its whole tree) and per standalone base branch; each line says whether the unit has reported to it,
// and the units late with their report are named under the totals. Counted in SQL (store/branch-tallies.ts).
import { InlineKeyboard } from "grammy";
import { branchCounts, sumCounts, type BranchTallies, type StatusCounts } from "../../domain";
import { reportState, type ReportState } from "../../domain/reports";
import { getRulebook } from "../../domain/rulebooks";
import {
  loadBranchTallies,
  loadUnitTallies,
  type BranchPeriodRow,
  type BranchTalliesRow,
  type UnitTallies,
} from "../../store/branch-tallies";
import { blocDeadlines, childOrganizations, committeeReportDeadline, reportTimes } from "../../store/org-reports";
import type { Db } from "../../store/client";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { OrgKind } from "../../store/orgs";
import type { Translate } from "../kit/i18n";
import { upperPage } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { formatInstant } from "../kit/format-date";
import { replyInParts } from "../kit/outgoing";
import { addPageButtons, pageOf, shortList } from "../kit/paging";

/** A line of about 150 characters: a page stays one message. */
const UNITS_PER_PAGE = 30;
/** The late units named under the totals; the lines show them all. */
const LATE_NAMES_SHOWN = 30;

type Committee = { orgId: string; orgName: string; orgKind: OrgKind };
type Report = { state: ReportState; deadline: string; at: string | null };
/** What "counted" means for the unit's branches: ballots (2011), appraisals (RULES-2025 N7), or some of each. */
type Counting = "ballot" | "appraisal" | "both";
type UnitLine = { name: string; branches: number | null; counts: StatusCounts; report: Report | null; counting: Counting };

/** `bloc`: the bloc's own T1 dates of the newest year under it. */
export type CommitteeStatus = { branches: number; units: UnitLine[]; bloc: { appraisal: string; conference: string } | null };

/** What /status shows a committee, counted (bench/bloc-status.bench.ts times this and the text). */
export async function committeeStatus(
  db: Db,
  committee: Omit<Committee, "orgName">,
  now: string,
  zone: ReviewTimeZone,
): Promise<CommitteeStatus> {
  const zoned = { at: now, offsetMinutes: zone.offsetMinutes };
  const bloc = committee.orgKind === "bloc";
  const { branches, units } = bloc
    ? await blocUnits(db, committee.orgId, await loadUnitTallies(db, committee.orgId, zoned), now, zone)
    : branchUnits(await loadBranchTallies(db, committee.orgId, zoned), now);
  const newest = newestPeriod(branches);
  const dates = bloc && newest ? blocDeadlines(newest.year, newest.rulebookId, zone.offsetMinutes) : null;
  return { branches: branches.length, units, bloc: dates };
}

/** A page of the committee's lines under the totals and the names of the units late with their report. */
export function committeeStatusText(
  t: Translate,
  lang: string,
  zone: ReviewTimeZone,
  committee: Committee,
  status: CommitteeStatus,
  page: number,
) {
  const { units } = status;
  const { items, current, pages } = pageOf(units, page, UNITS_PER_PAGE);
  const late = units.filter((u) => u.report && (u.report.state === "overdue" || u.report.state === "reported-late"));
  const reported = units.filter((u) => u.report && (u.report.state === "reported" || u.report.state === "reported-late"));
  const lines = [
    t(committee.orgKind === "bloc" ? "status.bloc_title" : "status.upper_title", { org: committee.orgName, page: current + 1, pages }),
    t("status.upper_total", {
      branches: status.branches,
      ...sumCounts(units.map((u) => u.counts)),
      countedWord: t(`status.counted_word.${allCounting(units)}`),
    }),
    t("status.report_total", { units: units.length, reported: reported.length }),
    ...(status.bloc
      ? [
          t("status.bloc_dates", {
            appraisal: formatInstant(status.bloc.appraisal, lang, zone),
            conference: formatInstant(status.bloc.conference, lang, zone),
          }),
        ]
      : []),
    ...(late.length > 0
      ? [
          t("status.report_late_list", {
            count: late.length,
            names: shortList(
              t,
              late.map((u) => u.name),
              LATE_NAMES_SHOWN,
              "paging.more_groups",
            ),
          }),
        ]
      : []),
    "",
    ...items.map((u) => unitLine(t, lang, zone, u)),
  ];
  return { text: lines.join("\n"), current, pages };
}

export async function showCommittee(ctx: BotContext, committee: Committee, page = 0) {
  const { db, clock, timeZone } = ctx.deps;
  const status = await committeeStatus(db, committee, clock().toISOString(), timeZone);
  if (status.units.length === 0) return void (await ctx.reply(ctx.t("status.upper_none")));
  const { text, current, pages } = committeeStatusText(ctx.t, ctx.lang, timeZone, committee, status, page);
  const keyboard = addPageButtons(new InlineKeyboard(), ctx.t, { current, pages }, (p) => upperPage.pack({ page: p }));
  await replyInParts(ctx, text, keyboard);
}

function unitLine(t: Translate, lang: string, zone: ReviewTimeZone, unit: UnitLine): string {
  const org = unit.branches === null ? unit.name : t("status.bloc_unit", { org: unit.name, branches: unit.branches });
  const line = t("status.upper_line", { org, ...unit.counts, countedWord: t(`status.counted_word.${unit.counting}`) });
  if (!unit.report) return line;
  const show = (iso: string) => formatInstant(iso, lang, zone);
  const { state, deadline, at } = unit.report;
  return `${line} — ${t(`status.report.${state}`, { deadline: show(deadline), at: at ? show(at) : "" })}`;
}

function allCounting(units: readonly UnitLine[]): Counting {
  const kinds = new Set(units.filter((u) => u.branches !== 0).map((u) => u.counting));
  return kinds.size === 1 ? kinds.values().next().value! : kinds.size === 0 ? "ballot" : "both";
}

/** T1: a branch (or base branch) has reported when it sent its results; due by its period's report deadline. */
function branchReport(branch: BranchPeriodRow, now: string): Report {
  const deadline = branch.period.reportDeadline;
  return { state: reportState({ deadline, reportedAt: branch.reportedAt, now }), deadline, at: branch.reportedAt };
}

/** The period of the newest year among the branches (its rulebook gives the committees' dates). */
function newestPeriod(branches: readonly BranchPeriodRow[]): BranchPeriodRow["period"] | null {
  return branches.reduce<BranchPeriodRow["period"] | null>((a, b) => (a && a.year >= b.period.year ? a : b.period), null);
}

function countingOf(branches: readonly BranchPeriodRow[]): Counting {
  const procedures = new Set(branches.map((b) => getRulebook(b.period.rulebookId).procedure));
  return procedures.size > 1 ? "both" : (procedures.values().next().value ?? "ballot");
}

const countsOf = (tallies: BranchTallies, deadline: string, now: string): StatusCounts => branchCounts({ ...tallies, deadline, now });

function branchUnits(branches: BranchTalliesRow[], now: string) {
  const units = branches.map(
    (b): UnitLine => ({
      name: b.orgName,
      branches: null,
      counts: countsOf(b.tallies, b.period.selfReviewDeadline, now),
      report: branchReport(b, now),
      counting: countingOf([b]),
    }),
  );
  return { branches, units };
}

/** Items grouped by a key, in their order. */
function groupedBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The bloc's units: each base committee with the totals of the branches in its tree (counted together in SQL) and
 * its report (due by the rulebook's TCCSĐ conference deadline), each standalone base branch as a branch.
 */
async function blocUnits(
  db: Db,
  blocId: string,
  tallies: { branches: BranchPeriodRow[]; units: UnitTallies[] },
  now: string,
  zone: ReviewTimeZone,
) {
  const children = await childOrganizations(db, blocId);
  const times = await reportTimes(
    db,
    children.map((c) => c.id),
  );
  const branchesOf = groupedBy(tallies.branches, (b) => b.unitId);
  const talliesOf = groupedBy(tallies.units, (u) => u.unitId);
  const units = children.map((child): UnitLine => {
    const own = branchesOf.get(child.id) ?? [];
    const counts = sumCounts((talliesOf.get(child.id) ?? []).map((u) => countsOf(u.tallies, u.deadline, now)));
    const counting = countingOf(own);
    const self = own.find((b) => b.orgId === child.id);
    if (self) return { name: child.name, branches: null, counts, report: branchReport(self, now), counting };
    const newest = newestPeriod(own);
    if (!newest) return { name: child.name, branches: 0, counts, report: null, counting };
    const { year, rulebookId } = newest;
    const deadline = committeeReportDeadline(year, rulebookId, zone.offsetMinutes);
    const at = times.get(`${child.id}|${year}`) ?? null;
    return {
      name: child.name,
      branches: own.length,
      counts,
      report: { state: reportState({ deadline, reportedAt: at, now }), deadline, at },
      counting,
    };
  });
  return { branches: tallies.branches, units };
}
