// T1: the secretary changes the self-review deadline or the meeting date of the open period.
import { validateReviewDates, type DeadlineErrorCode, type PeriodDateField } from "../domain/deadlines";
import { isLate } from "../domain/submission";
import { recordAudit } from "./audit";
import { inTransaction, type Db, type Tx } from "./client";
import { periodInfo, type PeriodInfo } from "./period-progress";
import { replanPeriod } from "./reminder-planning";

export type DateChangeResult =
  | { status: "changed"; period: PeriodInfo; replanned: number }
  | { status: "invalid"; errors: DeadlineErrorCode[] }
  | { status: "no-period" };

/**
 * Validates and saves one date; a new deadline re-marks late submissions (T2) and re-plans the pending reminders at
 * once (in the review's time zone, `offsetMinutes`).
 */
export async function changePeriodDate(
  db: Db,
  input: { periodId: string; field: PeriodDateField; value: string },
  actorId: string,
  now: Date,
  offsetMinutes: number,
): Promise<DateChangeResult> {
  const period = await periodInfo(db, input.periodId);
  if (!period || period.closedAt) return { status: "no-period" };
  const dates = {
    selfReviewDeadline: period.selfReviewDeadline,
    meetingDate: period.meetingDate,
    reportDeadline: period.reportDeadline,
    [input.field]: input.value,
  };
  const errors = validateReviewDates(dates, input.field, now.toISOString());
  if (errors.length > 0) return { status: "invalid", errors };
  await inTransaction(db, async (tx) => {
    await tx.reviewPeriod.update({ where: { id: period.id }, data: { [input.field]: new Date(input.value) } });
    const remarked = input.field === "selfReviewDeadline" ? await remarkLate(tx, period.id, input.value) : 0;
    await recordAudit(
      tx,
      {
        actorId,
        action: "period.date-changed",
        entity: "ReviewPeriod",
        entityId: period.id,
        data: { field: input.field, from: period[input.field], to: input.value, ...(remarked > 0 && { lateRemarked: remarked }) },
      },
      now,
    );
  });
  const changed = (await periodInfo(db, period.id))!;
  const replanned = input.field === "selfReviewDeadline" ? await replanPeriod(db, changed, now, offsetMinutes) : 0;
  return { status: "changed", period: changed, replanned };
}

/**
 * T2: a submission is late against the deadline in force. When the deadline moves, the marks follow it, so a review
 * sent after the old deadline but before an extended one is on time (the /status counts read the marks).
 */
async function remarkLate(tx: Tx, periodId: string, deadline: string): Promise<number> {
  const submitted = await tx.selfReview.findMany({
    where: { periodId, submittedAt: { not: null } },
    select: { id: true, submittedAt: true, late: true },
  });
  const flipped = submitted.filter((r) => isLate(r.submittedAt!.toISOString(), deadline) !== r.late);
  for (const late of [true, false]) {
    const ids = flipped.filter((r) => !r.late === late).map((r) => r.id);
    if (ids.length > 0) await tx.selfReview.updateMany({ where: { id: { in: ids } }, data: { late } });
  }
  return flipped.length;
}
