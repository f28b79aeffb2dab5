// The durable outbox of the scheduler (issue 5): claim → send → mark.
//
// Delivery guarantee — never twice, at most the in-flight batch in doubt after a hard kill:
// - claim: one transaction re-checks each due row (the member may have submitted since it was planned) and stamps
//   the rows it will send with claimedAt (+1 attempt). Rows no longer wanted are closed as skipped in the same
//   transaction. In SQLite a transaction whose read snapshot went stale cannot commit a write (SQLITE_BUSY), so two
//   schedulers cannot claim the same row.
// - send: outside any transaction (a Telegram call cannot be rolled back).
// - mark: sentAt, or failedAt with the error; a send that provably did not happen (429 after the retries, no
//   connection) releases the claim for the next sweep, up to MAX_ATTEMPTS.
// A row claimed but never marked (the process was killed between claim and mark) cannot tell whether Telegram got
// the message. It is never sent again: after the lease it is closed as "in-doubt" (at-most-once). Claims are small
// batches taken just before sending, so a kill leaves at most `batch × workers` rows in doubt; a graceful stop
// finishes and marks the batches in flight and leaves none.
import { supersededReminders } from "../domain/deadlines";
import { isDaytime } from "../domain/reminders";
import type { SubmissionState } from "../domain/submission";
import { inTransaction, type Db, type Tx } from "./client";
import { deliveriesOf } from "./member-accounts";
import { markUnreachable } from "./users";
import { periodInfo, periodProgress, type MemberProgress, type PeriodInfo } from "./period-progress";
import { BRANCH_WIDE, reminderWindow, type ReminderKind } from "./reminder-planning";
import { localDateKey } from "../domain/calendar";
import { reportSubjects, type ReportSubject } from "./report-reminders";

export const MAX_ATTEMPTS = 5;
/** A report reminder ahead of its deadline is due within the day before it. */
const DAY_MS = 24 * 60 * 60 * 1000;
export const IN_DOUBT = "in-doubt";

/** The account a job goes to (`userId`: that account's User row, marked unreachable if it blocked the bot). */
export type Recipient = { userId: string; telegramId: string; language: string };
type JobBase = { id: string; periodId: string; orgName: string; year: number; deadline: string; dueAt: string; recipient: Recipient };
export type ReminderJob =
  | (JobBase & { kind: "reminder"; memberName: string })
  | (JobBase & { kind: "missing-alert"; missing: string[] })
  | (JobBase & { kind: "late-alert"; memberName: string; submittedAt: string })
  | (JobBase & { kind: "digest"; counts: Partial<Record<SubmissionState, number>>; total: number; unreachable: number })
  /** T1: the recipient's organization has not reported to the committee above (`orgName` is that organization). */
  | (JobBase & { kind: "report-due" | "report-late"; reportDeadline: string });

type Row = {
  id: string;
  periodId: string;
  kind: string;
  memberId: string | null;
  recipientId: string;
  dueAt: Date;
  subjectOrgId: string | null;
};
type Context = { period: PeriodInfo; progress: Map<string, MemberProgress> };
type Decision = { job: ReminderJob } | { skip: string };

const REMINDABLE: ReadonlySet<SubmissionState> = new Set(["pending", "draft"]);

/**
 * Claims up to `limit` due rows; returns the messages to send now (skipped rows are already closed). Rows of a period
 * whose rulebook's daytime window (local hours at `offsetMinutes`, TZ_REVIEW) does not hold `now` wait for morning.
 */
export async function claimDue(db: Db, now: Date, limit: number, offsetMinutes: number): Promise<ReminderJob[]> {
  return inTransaction(db, async (tx) => {
    const asleep = new Set<string>();
    let rows: Row[];
    for (;;) {
      rows = await tx.reminder.findMany({
        where: { dueAt: { lte: now }, claimedAt: null, sentAt: null, failedAt: null, periodId: { notIn: [...asleep] } },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: limit,
      });
      const night = await nightPeriods(tx, rows, now, offsetMinutes);
      if (night.length === 0) break;
      for (const id of night) asleep.add(id); // then fetch again without them: they must not starve the others
    }
    if (rows.length === 0) return [];
    // A row is the person's; it goes to the one account their messages go to (issue 14: never to both).
    const deliveries = await deliveriesOf(
      tx,
      rows.map((r) => r.recipientId),
    );
    const contexts = new Map<string, Context | null>();
    for (const periodId of new Set(rows.map((r) => r.periodId))) {
      const period = await periodInfo(tx, periodId);
      const ofPeriod = rows.filter((r) => r.periodId === periodId);
      // The whole roster only for a branch-wide message; otherwise just the members the rows are about.
      const memberIds = ofPeriod.some((r) => r.memberId === BRANCH_WIDE) ? undefined : ofPeriod.map((r) => r.memberId!);
      const progress = period ? await periodProgress(tx, period, now, memberIds) : [];
      contexts.set(periodId, period && { period, progress: new Map(progress.map((m) => [m.memberId, m])) });
    }
    const subjects = await reportSubjects(tx, rows, offsetMinutes);
    const superseded = new Set(
      supersededReminders(
        rows.filter((r) => r.kind === "reminder").map((r) => ({ id: r.id, memberId: r.memberId!, dueAt: r.dueAt.toISOString() })),
      ),
    );
    const jobs: ReminderJob[] = [];
    const skips = new Map<string, string[]>();
    for (const row of rows) {
      const to = deliveries.get(row.recipientId);
      const decision: Decision = superseded.has(row.id)
        ? { skip: "superseded" }
        : !to
          ? { skip: "no-recipient" }
          : to.unreachable
            ? { skip: "unreachable" }
            : decide(
                row,
                contexts.get(row.periodId) ?? null,
                subjects.get(row.id),
                { userId: to.accountId, telegramId: to.telegramId, language: to.language },
                now,
                offsetMinutes,
              );
      if ("job" in decision) jobs.push(decision.job);
      else skips.set(decision.skip, [...(skips.get(decision.skip) ?? []), row.id]);
    }
    for (const [reason, ids] of skips) {
      await tx.reminder.updateMany({ where: { id: { in: ids } }, data: { failedAt: now, error: `skipped:${reason}` } });
    }
    const ids = jobs.map((j) => j.id);
    const claimed = await tx.reminder.updateMany({
      where: { id: { in: ids }, claimedAt: null, sentAt: null, failedAt: null },
      data: { claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count !== ids.length) throw new Error("reminder rows claimed concurrently; retry the sweep");
    return jobs;
  });
}

/** The periods of `rows` outside their rulebook's daytime window at `now`. */
async function nightPeriods(tx: Tx, rows: Row[], now: Date, offsetMinutes: number): Promise<string[]> {
  const ids = [...new Set(rows.map((r) => r.periodId))];
  if (ids.length === 0) return [];
  const periods = await tx.reviewPeriod.findMany({ where: { id: { in: ids } }, select: { id: true, rulebookId: true } });
  return periods.filter((p) => !isDaytime(now.toISOString(), reminderWindow(p), offsetMinutes)).map((p) => p.id);
}

/** Whether a due row is still wanted, re-checked at send time, and what its message needs. */
function decide(
  row: Row,
  context: Context | null,
  subject: ReportSubject | undefined,
  recipient: Recipient,
  now: Date,
  offsetMinutes: number,
): Decision {
  if (!context || context.period.closedAt) return { skip: "period-closed" };
  const { period, progress } = context;
  const base = {
    id: row.id,
    periodId: row.periodId,
    orgName: period.orgName,
    year: period.year,
    deadline: period.selfReviewDeadline,
    dueAt: row.dueAt.toISOString(),
    recipient,
  };
  const member = row.memberId && row.memberId !== BRANCH_WIDE ? progress.get(row.memberId) : undefined;
  const members = [...progress.values()];
  switch (row.kind as ReminderKind) {
    case "reminder":
      if (!member) return { skip: "no-member" };
      if (!REMINDABLE.has(member.state)) return { skip: member.state }; // submitted, late, exempt, deferred, past the deadline
      return { job: { ...base, kind: "reminder", memberName: member.fullName } };
    case "missing-alert": {
      if (now.getTime() <= Date.parse(period.selfReviewDeadline)) return { skip: "deadline-moved" };
      const missing = members.filter((m) => m.state === "missing").map((m) => m.fullName);
      return missing.length === 0 ? { skip: "none-missing" } : { job: { ...base, kind: "missing-alert", missing } };
    }
    case "late-alert":
      if (!member?.submittedAt) return { skip: "no-member" };
      if (member.state !== "late") return { skip: "not-late" }; // T2: the deadline was extended past the submission
      return { job: { ...base, kind: "late-alert", memberName: member.fullName, submittedAt: member.submittedAt } };
    case "digest": {
      if (localDateKey(base.dueAt, offsetMinutes) !== localDateKey(now.toISOString(), offsetMinutes)) return { skip: "stale" };
      const counts: Partial<Record<SubmissionState, number>> = {};
      for (const m of members) counts[m.state] = (counts[m.state] ?? 0) + 1;
      const unreachable = members.filter((m) => m.unreachable).length;
      return { job: { ...base, kind: "digest", counts, total: members.length, unreachable } };
    }
    case "report-due":
    case "report-late": {
      if (!subject) return { skip: "no-subject" };
      if (subject.reported) return { skip: "reported" };
      // The report deadline moved since the row was planned (/deadline): the rows of the new one are planned apart.
      if (row.kind === "report-late" && now.getTime() <= Date.parse(subject.deadline)) return { skip: "deadline-moved" };
      const ahead = Date.parse(subject.deadline) - row.dueAt.getTime();
      if (row.kind === "report-due" && (ahead < 0 || ahead > DAY_MS)) return { skip: "deadline-moved" };
      if (row.kind === "report-due" && now.getTime() > Date.parse(subject.deadline)) return { skip: "past-deadline" }; // the late one follows
      const kind = row.kind === "report-due" ? "report-due" : "report-late";
      return { job: { ...base, kind, orgName: subject.name, reportDeadline: subject.deadline } };
    }
    default:
      return { skip: "unknown-kind" };
  }
}

export type SendOutcome =
  | { id: string; status: "sent" }
  /** Telegram refused for good (403 blocked: the recipient is marked unreachable). */
  | { id: string; status: "failed"; error: string; blocked?: { userId: string } }
  /** Provably not delivered (429 after retries, no connection): claim released for the next sweep. */
  | { id: string; status: "retry"; error: string }
  /** Maybe delivered: never sent again. */
  | { id: string; status: "in-doubt"; error: string };

/** Marks a batch of send outcomes in one transaction; blocked recipients become unreachable. */
export async function markOutcomes(db: Db, outcomes: SendOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const blocked = new Set<string>();
  await inTransaction(db, async (tx) => {
    const sent = outcomes.filter((o) => o.status === "sent").map((o) => o.id);
    if (sent.length > 0) await tx.reminder.updateMany({ where: { id: { in: sent } }, data: { sentAt: now } });
    for (const o of outcomes) {
      if (o.status === "failed" || o.status === "in-doubt") {
        await tx.reminder.update({ where: { id: o.id }, data: { failedAt: now, error: o.status === "in-doubt" ? IN_DOUBT : o.error } });
        if (o.status === "failed" && o.blocked) blocked.add(o.blocked.userId);
      } else if (o.status === "retry") {
        const row = await tx.reminder.findUniqueOrThrow({ where: { id: o.id }, select: { attempts: true } });
        const data = row.attempts >= MAX_ATTEMPTS ? { failedAt: now, error: `gave-up:${o.error}` } : { claimedAt: null, error: o.error };
        await tx.reminder.update({ where: { id: o.id }, data });
      }
    }
  });
  for (const userId of blocked) await markUnreachable(db, userId, now);
}

/**
 * Rows claimed longer than `leaseMs` ago and never marked belong to a process that died mid-send: they may have
 * been delivered, so they are closed as in-doubt, never re-sent. Returns how many.
 */
export async function expireStaleClaims(db: Db, now: Date, leaseMs: number): Promise<number> {
  const { count } = await db.reminder.updateMany({
    where: { claimedAt: { lt: new Date(now.getTime() - leaseMs) }, sentAt: null, failedAt: null },
    data: { failedAt: now, error: IN_DOUBT },
  });
  return count;
}

export type ReminderRow = {
  id: string;
  kind: string;
  memberId: string | null;
  recipientId: string;
  dueAt: string;
  claimedAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  error: string | null;
  attempts: number;
};

/** The period's scheduler rows, oldest first (for tests, the demo and diagnostics). */
export async function listReminders(db: Db, periodId: string): Promise<ReminderRow[]> {
  const rows = await db.reminder.findMany({ where: { periodId }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    memberId: r.memberId,
    recipientId: r.recipientId,
    dueAt: r.dueAt.toISOString(),
    claimedAt: r.claimedAt?.toISOString() ?? null,
    sentAt: r.sentAt?.toISOString() ?? null,
    failedAt: r.failedAt?.toISOString() ?? null,
    error: r.error,
    attempts: r.attempts,
  }));
}
