// T1: reminders to the secretaries of organizations that have not reported to the committee above: on the morning
// of their level's deadline and once after it. A branch (or base branch) is due by its period's report deadline; a
// committee under another (a base committee under the bloc) by the rulebook's TCCSĐ conference deadline, and its rows
// hang on a period of its tree of that year (Reminder.periodId is required; `subjectOrgId` names the committee).
// Planned at every sweep like the others; the unique key of Reminder keeps it idempotent.
import { missingAlertDue, planMemberReminders } from "../domain/deadlines";
import { BRANCH_WIDE, reminderWindow } from "./reminder-planning";
import { chunksOf } from "./chunks";
import type { Db, Tx } from "./client";
import { committeeReportDeadline } from "./org-reports";

export const REPORT_REMINDER_KINDS = ["report-due", "report-late"] as const;
export type ReportReminderKind = (typeof REPORT_REMINDER_KINDS)[number];
export const isReportReminder = (kind: string): kind is ReportReminderKind => (REPORT_REMINDER_KINDS as readonly string[]).includes(kind);

/** The reminder ahead: on the morning of the deadline's day, as members' last one (planMemberReminders' offset 0). */
const DAYS_AHEAD = 0;

type Period = { id: string; orgId: string; year: number; rulebookId: string; reportDeadline: Date; createdAt: Date };
/** An organization that reports to the level above, the period its rows hang on, and its deadline. */
type Subject = { orgId: string; period: Period; deadline: string };

/** Plans the report reminders of every open period's organization and of every committee above them. */
export async function planReportReminders(db: Db, now: Date, offsetMinutes: number): Promise<number> {
  const periods: Period[] = await db.reviewPeriod.findMany({
    where: { closedAt: null, quarter: 0, org: { parentId: { not: null } } },
    select: { id: true, orgId: true, year: true, rulebookId: true, reportDeadline: true, createdAt: true },
  });
  if (periods.length === 0) return 0;
  const subjects: Subject[] = periods.map((p) => ({ orgId: p.orgId, period: p, deadline: p.reportDeadline.toISOString() }));
  subjects.push(...(await committeeSubjects(db, periods, offsetMinutes)));
  const reported = await reportedKeys(
    db,
    subjects.map((s) => s.orgId),
  );
  const waiting = subjects.filter((s) => !reported.has(`${s.orgId}|${s.period.year}`));
  const secretaries = await secretariesOf(
    db,
    waiting.map((s) => s.orgId),
  );
  const nowIso = now.toISOString();
  const rows = waiting.flatMap((s) => {
    const window = reminderWindow(s.period);
    const ahead = planMemberReminders({ deadline: s.deadline, offsetsDays: [DAYS_AHEAD], window, now: nowIso, offsetMinutes });
    const due = [
      ...ahead.map((at) => ["report-due", at] as const),
      ["report-late", missingAlertDue(s.deadline, window, offsetMinutes)] as const,
    ];
    return (secretaries.get(s.orgId) ?? []).flatMap((recipientId) =>
      due.map(([kind, at]) => ({ periodId: s.period.id, kind, memberId: BRANCH_WIDE, recipientId, dueAt: at, subjectOrgId: s.orgId })),
    );
  });
  return insertNew(db, rows);
}

/** The committees above the periods' organizations that report further up, each on its tree's oldest period of the year. */
async function committeeSubjects(db: Db, periods: Period[], offsetMinutes: number): Promise<Subject[]> {
  const orgs = [];
  for (const ids of chunksOf([...new Set(periods.map((p) => p.orgId))])) {
    orgs.push(
      ...(await db.organization.findMany({
        where: { id: { in: ids } },
        select: { id: true, parent: { select: { id: true, kind: true, parentId: true } } },
      })),
    );
  }
  const committeeOf = new Map(orgs.flatMap((o) => (o.parent?.parentId && o.parent.kind !== "bloc" ? [[o.id, o.parent.id] as const] : [])));
  const anchors = new Map<string, Period>();
  for (const p of periods) {
    const committee = committeeOf.get(p.orgId);
    const anchor = committee && anchors.get(committee);
    if (committee && (!anchor || p.year > anchor.year || (p.year === anchor.year && p.createdAt < anchor.createdAt)))
      anchors.set(committee, p);
  }
  return [...anchors].map(([orgId, period]) => ({
    orgId,
    period,
    deadline: committeeReportDeadline(period.year, period.rulebookId, offsetMinutes),
  }));
}

async function reportedKeys(db: Db | Tx, orgIds: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const ids of chunksOf(orgIds)) {
    const rows = await db.orgReport.findMany({ where: { orgId: { in: ids } }, select: { orgId: true, year: true } });
    for (const r of rows) keys.add(`${r.orgId}|${r.year}`);
  }
  return keys;
}

async function secretariesOf(db: Db, orgIds: string[]): Promise<Map<string, string[]>> {
  const byOrg = new Map<string, string[]>();
  for (const ids of chunksOf(orgIds)) {
    const grants = await db.roleGrant.findMany({ where: { orgId: { in: ids }, role: "secretary" }, select: { orgId: true, userId: true } });
    for (const g of grants) byOrg.set(g.orgId, [...(byOrg.get(g.orgId) ?? []), g.userId]);
  }
  return byOrg;
}

type Row = { periodId: string; kind: ReportReminderKind; memberId: string; recipientId: string; dueAt: string; subjectOrgId: string };

async function insertNew(db: Db, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const key = (r: { periodId: string; kind: string; recipientId: string; dueAt: string }) =>
    `${r.periodId}|${r.kind}|${r.recipientId}|${r.dueAt}`;
  const seen = new Set<string>();
  for (const ids of chunksOf([...new Set(rows.map((r) => r.periodId))])) {
    const existing = await db.reminder.findMany({
      where: { periodId: { in: ids }, kind: { in: [...REPORT_REMINDER_KINDS] } },
      select: { periodId: true, kind: true, recipientId: true, dueAt: true },
    });
    for (const e of existing) seen.add(key({ ...e, dueAt: e.dueAt.toISOString() }));
  }
  const fresh = rows.filter((r) => !seen.has(key(r)) && seen.add(key(r)));
  if (fresh.length === 0) return 0;
  // The unique key of Reminder is the real guard: a concurrent planner makes this fail, never duplicate.
  const { count } = await db.reminder.createMany({ data: fresh.map((r) => ({ ...r, dueAt: new Date(r.dueAt) })) });
  return count;
}

/** What a due report row's message needs, re-read at claim time: whom it is about, the deadline, whether it reported. */
export type ReportSubject = { name: string; deadline: string; reported: boolean };

export async function reportSubjects(
  tx: Tx,
  rows: ReadonlyArray<{ id: string; kind: string; periodId: string; subjectOrgId: string | null }>,
  offsetMinutes: number,
): Promise<Map<string, ReportSubject>> {
  const ofReports = rows.filter((r) => isReportReminder(r.kind) && r.subjectOrgId);
  const subjects = new Map<string, ReportSubject>();
  if (ofReports.length === 0) return subjects;
  const periods = new Map(
    (
      await tx.reviewPeriod.findMany({
        where: { id: { in: [...new Set(ofReports.map((r) => r.periodId))] } },
        select: { id: true, orgId: true, year: true, rulebookId: true, reportDeadline: true },
      })
    ).map((p) => [p.id, p]),
  );
  const orgIds = [...new Set(ofReports.map((r) => r.subjectOrgId!))];
  const names = new Map(
    (await tx.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  );
  const reported = await reportedKeys(tx, orgIds);
  for (const row of ofReports) {
    const period = periods.get(row.periodId);
    const orgId = row.subjectOrgId!;
    if (!period || !names.has(orgId)) continue;
    const deadline =
      orgId === period.orgId ? period.reportDeadline.toISOString() : committeeReportDeadline(period.year, period.rulebookId, offsetMinutes);
    subjects.set(row.id, { name: names.get(orgId)!, deadline, reported: reported.has(`${orgId}|${period.year}`) });
  }
  return subjects;
}
