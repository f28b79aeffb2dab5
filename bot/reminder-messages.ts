// The words of the scheduler's messages, in the recipient's language (locales `reminder.*`).
import { InlineKeyboard } from "grammy";
import { REVIEW_START_DATA } from "../conversations/self-review-buttons";
import { daysLeft } from "../domain/deadlines";
import type { ReviewTimeZone } from "../domain/calendar";
import type { ReminderJob } from "../store/reminders";
import { formatInstant } from "./kit/format-date";
import { translatorFor } from "./kit/i18n";
import { splitMessage } from "./kit/split-message";

export type OutgoingMessage = { chatId: string; parts: string[]; keyboard?: InlineKeyboard };

/** The reminder carries the self-review's "review:start" button, which opens the member's self-review. */
export function renderJob(job: ReminderJob, zone: ReviewTimeZone): OutgoingMessage {
  const t = translatorFor(job.recipient.language);
  const show = (iso: string) => formatInstant(iso, job.recipient.language, zone);
  const common = { org: job.orgName, year: job.year, deadline: show(job.deadline) };
  const message = (text: string, keyboard?: InlineKeyboard) => ({ chatId: job.recipient.telegramId, parts: splitMessage(text), keyboard });
  switch (job.kind) {
    case "reminder": {
      const key = daysLeft(job.dueAt, job.deadline, zone.offsetMinutes) === 0 ? "reminder.member_today" : "reminder.member";
      return message(t(key, { ...common, name: job.memberName }), new InlineKeyboard().text(t("reminder.button"), REVIEW_START_DATA));
    }
    case "missing-alert":
      return message(
        t("reminder.missing", { ...common, count: job.missing.length, list: job.missing.map((name, i) => `${i + 1}. ${name}`).join("\n") }),
      );
    case "late-alert":
      return message(t("reminder.late", { ...common, name: job.memberName, at: show(job.submittedAt) }));
    case "report-due":
    case "report-late":
      return message(
        t(`reminder.${job.kind === "report-due" ? "report_due" : "report_late"}`, { ...common, deadline: show(job.reportDeadline) }),
      );
    case "digest": {
      const c = job.counts;
      return message(
        t("reminder.digest", {
          ...common,
          total: job.total,
          unreachable: job.unreachable,
          submitted: c.submitted ?? 0,
          late: c.late ?? 0,
          draft: c.draft ?? 0,
          pending: c.pending ?? 0,
          missing: c.missing ?? 0,
          notEvaluated: c["not-evaluated"] ?? 0,
          deferred: c.deferred ?? 0,
        }),
      );
    }
  }
}
