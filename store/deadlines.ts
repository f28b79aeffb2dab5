// T1: the secretary changes the self-review deadline or the meeting date of the open period.
import { validateReviewDates, type DeadlineErrorCode, type PeriodDateField } from "../domain/deadlines";
import { recordAudit } from "./audit";
import type { Db } from "./client";
import { periodInfo, type PeriodInfo } from "./period-progress";
import { replanPeriod } from "./reminder-planning";

export type DateChangeResult =
  | { status: "changed"; period: PeriodInfo; replanned: number }
  | { status: "invalid"; errors: DeadlineErrorCode[] }
  | { status: "no-period" };

/** Validates and saves one date; a new deadline re-plans the pending reminders at once. */
export async function changePeriodDate(
  db: Db,
  input: { periodId: string; field: PeriodDateField; value: string },
  actorId: string,
  now: Date,
): Promise<DateChangeResult> {
  const period = await periodInfo(db, input.periodId);
  if (!period || period.closedAt) return { status: "no-period" };
  const dates = { selfReviewDeadline: period.selfReviewDeadline, meetingDate: period.meetingDate, reportDeadline: period.reportDeadline, [input.field]: input.value };
  const errors = validateReviewDates(dates, input.field, now.toISOString());
  if (errors.length > 0) return { status: "invalid", errors };
  await db.$transaction(async (tx) => {
    await tx.reviewPeriod.update({ where: { id: period.id }, data: { [input.field]: new Date(input.value) } });
    await recordAudit(tx, {
      actorId, action: "period.date-changed", entity: "ReviewPeriod", entityId: period.id,
      data: { field: input.field, from: period[input.field], to: input.value },
    }, now);
  });
  const changed = (await periodInfo(db, period.id))!;
  const replanned = input.field === "selfReviewDeadline" ? await replanPeriod(db, changed, now) : 0;
  return { status: "changed", period: changed, replanned };
}
