// T1: the secretary types a new self-review deadline or meeting date. The typed text is validated by the domain's
// schema, the order of the dates by the store (through the domain); a bad answer gets the reason and another try.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { draftReportLine } from "../bot/kit/draft-report";
import { formatInstant } from "../bot/kit/format-date";
import { translatorFor } from "../bot/kit/i18n";
import type { ReviewTimeZone } from "../domain/calendar";
import { exampleDate, localInputSchema, type PeriodDateField } from "../domain/deadlines";
import { changePeriodDate } from "../store/deadlines";
import { ask, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";

export const DEADLINE_EDIT = "deadline-edit";

/** Plain data passed to `enter`. */
export type DeadlineEditArgs = {
  lang: string;
  periodId: string;
  orgName: string;
  field: PeriodDateField;
  year: number;
  deadline: string;
  report: string;
  meeting: string | null;
  /** Optional: a dialog entered before it was passed reads as a rulebook without N11's line. */
  rulebookId?: string;
  /** Deps.timeZone: what a typed date means and how dates are shown. */
  timeZone: ReviewTimeZone;
};

export async function deadlineEditConversation(conversation: BotConversation, ctx: ConvContext, args: DeadlineEditArgs) {
  const t = translatorFor(args.lang);
  const show = (iso: string) => formatInstant(iso, args.lang, args.timeZone);
  const now = await conversation.external((outside) => outside.deps.clock().toISOString());
  const example = exampleDate(args.field, args.deadline, now, args.timeZone.offsetMinutes);
  const meeting = args.meeting ? show(args.meeting) : t("deadline.meeting_unset");
  const words = { year: args.year, deadline: show(args.deadline), report: show(args.report), meeting, example };
  const question: Question = {
    text: t(`deadline.ask.${args.field}`, words),
    acceptText: true,
    hints: (rejection) => {
      if (rejection.why === "invalid") return { reply: rejection.hint };
      return { reply: t(rejection.why === "command" ? "deadline.command_typed" : "deadline.not_text", words) };
    },
  };
  // The date is parsed by the domain, then written; a date the store refuses (wrong order) is asked again, unstored.
  const result = await ask(conversation, ctx, t, question, async (answer) => {
    const parsed = answer.kind === "text" ? localInputSchema(args.field, args.timeZone.offsetMinutes).safeParse(answer.text) : null;
    if (!parsed?.success) return { ok: false, hint: t(`deadline.error.${parsed?.error.issues[0]?.message}`, words) };
    const value = parsed.data;
    const checked = await writeWithRole(conversation, ctx, t, { target: { period: args.periodId }, roles: ["secretary"] }, (outside) =>
      changePeriodDate(
        outside.deps.db,
        { periodId: args.periodId, field: args.field, value },
        outside.identity.userId,
        outside.deps.clock(),
        args.timeZone.offsetMinutes,
      ),
    );
    if (checked.allowed && checked.value.status === "invalid") {
      return { ok: false, hint: checked.value.errors.map((code) => t(`deadline.error.${code}`, words)).join("\n") };
    }
    return { ok: true, value: checked.allowed ? { status: checked.value.status, value } : null };
  });
  if (!result) return;
  if (result.status === "no-period") return void (await ctx.reply(t("deadline.no_period", { org: args.orgName })));
  const changed = t(`deadline.changed.${args.field}`, { value: show(result.value) });
  const draft = args.field === "meetingDate" && args.rulebookId ? draftReportLine(t, result.value, args.rulebookId, args.timeZone) : null;
  await ctx.reply(draft ? `${changed}\n${draft}` : changed);
}
