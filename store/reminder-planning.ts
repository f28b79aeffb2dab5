// Planning the scheduler's rows (issue 5). Every sweep plans again; the unique key of Reminder makes planning
// idempotent, so planning twice never yields two rows, and a restart plans exactly what was planned before.
import { digestDue, missingAlertDue, planMemberReminders } from "../domain/deadlines";
import { isDaytime, whoToRemind, type DaytimeWindow } from "../domain/reminders";
import { getRulebook } from "../domain/rulebooks/index";
import { chunksOf } from "./chunks";
import type { Db } from "./client";
import { usersWithRole } from "./orgs";
import { openPeriodsWithJoinedMembers, periodProgress, type PeriodInfo } from "./period-progress";

export const REMINDER_KINDS = ["reminder", "missing-alert", "late-alert", "digest", "report-due", "report-late"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * `memberId` of the rows about the whole branch (missing-members alert, digest). Not NULL: SQLite treats NULLs
 * as distinct in a unique index, which would let the same alert be planned twice.
 */
export const BRANCH_WIDE = "*";

/** Roles that hear about missing and late members (the branch committee, secretary included). */
export const COMMITTEE_ROLES = ["secretary", "committee"] as const;

type PlannedRow = { periodId: string; kind: ReminderKind; memberId: string; recipientId: string; dueAt: string };

/** The period's rulebook says when people may be messaged (T1); `offsetMinutes` is TZ_REVIEW's. */
export function reminderWindow(period: Pick<PeriodInfo, "rulebookId">): DaytimeWindow {
  return getRulebook(period.rulebookId).reminders.window;
}

/**
 * Plans the reminders and alerts of every open period with someone to remind; returns how many rows were created.
 * `offsetMinutes` is the review's time zone (Deps.timeZone): the windows are local hours.
 */
export async function planAll(db: Db, now: Date, offsetMinutes: number): Promise<number> {
  let created = 0;
  for (const period of await openPeriodsWithJoinedMembers(db)) created += await planPeriod(db, period, now, offsetMinutes);
  return created;
}

export async function planPeriod(db: Db, period: PeriodInfo, now: Date, offsetMinutes: number): Promise<number> {
  const window = reminderWindow(period);
  const nowIso = now.toISOString();
  const progress = await periodProgress(db, period, now);
  const committee = await usersWithRole(db, period.orgId, [...COMMITTEE_ROLES]);
  const secretaries = await usersWithRole(db, period.orgId, ["secretary"]);
  const rows: PlannedRow[] = [];
  const row = (kind: ReminderKind, memberId: string, recipientId: string, dueAt: string) =>
    rows.push({ periodId: period.id, kind, memberId, recipientId, dueAt });

  // Reminders: only future instants, so a member added late is not sent the reminders already gone by.
  const remindAt = planMemberReminders({
    deadline: period.selfReviewDeadline,
    offsetsDays: period.reminderOffsets,
    window,
    now: nowIso,
    offsetMinutes,
  });
  const toRemind = new Set(whoToRemind(progress.map((m) => ({ id: m.memberId, state: m.state }))));
  for (const member of progress) {
    if (!toRemind.has(member.memberId) || member.userId === null || member.unreachable) continue;
    for (const at of remindAt) row("reminder", member.memberId, member.userId, at);
  }

  const alertAt = missingAlertDue(period.selfReviewDeadline, window, offsetMinutes);
  for (const user of committee) row("missing-alert", BRANCH_WIDE, user.userId, alertAt);

  // A late submission is alerted once, whoever sits on the committee later: detected by the absence of any row.
  const late = progress.filter((m) => m.late && m.submittedAt !== null);
  if (late.length > 0) {
    const done = new Set<string>();
    for (const ids of chunksOf(late.map((m) => m.memberId))) {
      const alerted = await db.reminder.findMany({
        where: { periodId: period.id, kind: "late-alert", memberId: { in: ids } },
        select: { memberId: true },
        distinct: ["memberId"],
      });
      for (const a of alerted) if (a.memberId) done.add(a.memberId);
    }
    for (const member of late) {
      if (done.has(member.memberId)) continue;
      for (const user of committee) row("late-alert", member.memberId, user.userId, member.submittedAt!);
    }
  }

  // The digest of today, planned only in daytime: a row planned at night would go out next morning beside that day's.
  if (isDaytime(nowIso, window, offsetMinutes)) {
    for (const user of secretaries) row("digest", BRANCH_WIDE, user.userId, digestDue(nowIso, window, offsetMinutes));
  }
  return insertMissing(db, period.id, rows);
}

async function insertMissing(db: Db, periodId: string, rows: PlannedRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const key = (r: { kind: string; memberId: string | null; recipientId: string; dueAt: string }) =>
    `${r.kind}|${r.memberId}|${r.recipientId}|${r.dueAt}`;
  const existing = await db.reminder.findMany({
    where: { periodId },
    select: { kind: true, memberId: true, recipientId: true, dueAt: true },
  });
  const seen = new Set(existing.map((e) => key({ ...e, dueAt: e.dueAt.toISOString() })));
  const fresh = rows.filter((r) => !seen.has(key(r)) && seen.add(key(r)));
  if (fresh.length === 0) return 0;
  // The unique key is the real guard: a concurrent planner makes this createMany fail, never duplicate.
  const { count } = await db.reminder.createMany({ data: fresh.map((r) => ({ ...r, dueAt: new Date(r.dueAt) })) });
  return count;
}

/**
 * After the secretary moves the deadline: pending (never claimed) reminders and missing-members alerts of the
 * period are dropped and planned again from the new deadline. Rows already sent or skipped stay as history.
 */
export async function replanPeriod(db: Db, period: PeriodInfo, now: Date, offsetMinutes: number): Promise<number> {
  await db.reminder.deleteMany({
    where: { periodId: period.id, kind: { in: ["reminder", "missing-alert"] }, claimedAt: null, sentAt: null, failedAt: null },
  });
  return planPeriod(db, period, now, offsetMinutes);
}
