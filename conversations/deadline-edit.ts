// T1: the secretary types a new self-review deadline or meeting date. The typed text is validated by the domain's
// schema, the order of the dates by the store (through the domain); a bad answer gets the reason and another try.
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { formatInstant } from "../bot/kit/format-date";
import { translatorFor } from "../bot/kit/i18n";
import type { ReviewTimeZone } from "../domain/calendar";
import { localInputSchema, type PeriodDateField } from "../domain/deadlines";
import { changePeriodDate } from "../store/deadlines";
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
  /** Deps.timeZone: what a typed date means and how dates are shown. */
  timeZone: ReviewTimeZone;
};

export async function deadlineEditConversation(conversation: BotConversation, ctx: ConvContext, args: DeadlineEditArgs) {
  const t = translatorFor(args.lang);
  const show = (iso: string) => formatInstant(iso, args.lang, args.timeZone);
  const words = { year: args.year, deadline: show(args.deadline), report: show(args.report) };
  await ctx.reply(t(`deadline.ask.${args.field}`, words));
  for (;;) {
    const next = await conversation.wait();
    if (next.callbackQuery) await next.answerCallbackQuery();
    const text = next.message?.text;
    if (text === undefined) {
      await next.reply(t("deadline.not_text", words));
      continue;
    }
    if (text.startsWith("/")) {
      await next.reply(t("deadline.command_typed"));
      continue;
    }
    const parsed = localInputSchema(args.field, args.timeZone.offsetMinutes).safeParse(text);
    if (!parsed.success) {
      await next.reply(t(`deadline.error.${parsed.error.issues[0]?.message}`, words));
      continue;
    }
    const value = parsed.data;
    const checked = await writeWithRole(conversation, next, t, { target: { period: args.periodId }, roles: ["secretary"] }, (outside) =>
      changePeriodDate(outside.deps.db, { periodId: args.periodId, field: args.field, value }, outside.identity.userId, outside.deps.clock(), args.timeZone.offsetMinutes),
    );
    if (!checked.allowed) return;
    const result = checked.value;
    if (result.status === "invalid") {
      await next.reply(result.errors.map((code) => t(`deadline.error.${code}`, words)).join("\n"));
      continue;
    }
    if (result.status === "no-period") return void (await next.reply(t("deadline.no_period", { org: args.orgName })));
    return void (await next.reply(t(`deadline.changed.${args.field}`, { value: show(value) })));
  }
}
