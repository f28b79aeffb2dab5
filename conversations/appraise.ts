// N7 step 2 (RULES-2025): the branch committee appraises one member. It sees the self-score (totals per group, tasks,
// proposed level; never the texts), accepts it or types the appraised score, keeps or corrects the task counts,
// records N5 grounds and the N8 comments received; the domain gives the level with its reasons. Then the meeting's
// opinion (optional) and the branch's proposal: the computed level, or another one with its reason.
import { InlineKeyboard } from "grammy";
import { appraiseStep } from "../bot/kit/buttons";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { describeOutcome, describeReasons } from "../bot/kit/describe-result";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { wordsOf } from "../bot/kit/rulebook-words";
import {
  canPropose,
  getRulebook,
  MEMBER_LEVELS,
  NOT_COMPLETED_GROUNDS,
  type MemberLevel,
  type MemberOutcome,
  type NotCompletedGround,
} from "../domain";
import type { ReviewTimeZone } from "../domain/calendar";
import { scoreRules } from "../domain/score-rating";
import { taskResultErrors, type TaskResults } from "../domain/task-results";
import {
  memberAppraisalView,
  recordAppraisal,
  recordMeetingOpinion,
  recordProposal,
  type AppraisalInput,
  type MemberAppraisalView,
} from "../store/appraisals";
import { appraiseRight, mayAppraise } from "../store/authority";
import { ask, type Answer, type Checked, type Question } from "./ask";
import { yearQuartersBlock } from "./quarter-results-block";
import { writeWithRole, type RoleCheck } from "./role-checked-write";
import { countsLine } from "./tally-report";

export const APPRAISE = "appraise";

export type AppraiseArgs = {
  lang: string;
  periodId: string;
  rulebookId: string;
  memberId: string;
  timeZone: ReviewTimeZone;
};

type Choice = NonNullable<ReturnType<typeof appraiseStep.unpack>>["choice"];
type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: AppraiseArgs; view: MemberAppraisalView };

const MAX_NOTE_LENGTH = 1000;

export async function appraiseConversation(conversation: BotConversation, ctx: ConvContext, args: AppraiseArgs) {
  const t = wordsOf(translatorFor(args.lang), args.rulebookId);
  const view = await conversation.external((c) => memberAppraisalView(c.deps.db, args.periodId, args.memberId));
  const d: Dialog = { conversation, ctx, t, args, view };
  await ctx.reply(cardText(d) + (await yearQuartersBlock(conversation, t, args.periodId, args.memberId)));
  const input = await askAppraisal(d);
  const saved = await writeWithRole(conversation, ctx, t, roleCheck(args), async (c) => {
    const done = await recordAppraisal(c.deps.db, input, c.identity.userId, c.deps.clock(), c.deps.timeZone.offsetMinutes);
    return { version: done.version, outcome: done.outcome };
  });
  if (!saved.allowed) return;
  const { outcome } = saved.value;
  await ctx.reply(
    [
      t("appraise.saved", { name: view.fullName, version: saved.value.version, score: input.score }),
      t("appraise.computed", { outcome: describeOutcome(t, outcome) }),
      describeReasons(t, outcome.reasons, args.lang, args.timeZone),
      ...(input.residenceComment ? [] : [t("appraise.residence_missing")]),
    ].join("\n"),
  );
  if (!canPropose(outcome)) return void (await ctx.reply(t("appraise.cannot_propose")));
  if (!(await askMeeting(d))) return;
  await askProposal(d, outcome);
}

/** N7 step 2: the branch's committee or a person assigned in the period, read again at each write. */
const roleCheck = (args: AppraiseArgs): RoleCheck => ({
  allows: async (db, userId) => mayAppraise(await appraiseRight(db, userId, { periodId: args.periodId, memberId: args.memberId })),
});

function buttons(choices: ReadonlyArray<readonly [Choice, string]>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const [value, label] of choices) keyboard.text(label, appraiseStep.pack({ choice: value })).row();
  return keyboard;
}

function question(text: string, choices: ReadonlyArray<readonly [Choice, string]>, acceptText = false): Question {
  return {
    text,
    acceptText,
    keyboard: choices.length > 0 ? buttons(choices) : undefined,
    buttons: choices.length > 0 ? { data: appraiseStep, values: choices.map(([value]) => value) } : undefined,
  };
}

/** The member's self-score as submitted (or that there is none) and what was appraised before. */
function cardText({ t, args, view }: Dialog): string {
  const rules = scoreRules(getRulebook(args.rulebookId));
  const self = view.selfScore;
  const lines = [t("appraise.card_title", { name: view.fullName })];
  if (!self.submitted) lines.push(t("appraise.self_not_submitted"));
  if (self.total !== null)
    lines.push(
      t("appraise.self_score", {
        total: self.total,
        general: self.general,
        generalMax: rules.generalMax,
        tasks: self.tasksPoints,
        tasksMax: rules.taskMax,
      }),
    );
  if (self.tasks) lines.push(t("appraise.self_tasks", { ...self.tasks }));
  if (self.fixStatus) lines.push(t("appraise.self_fix", { status: t(`appraise.fix.${self.fixStatus}`) }));
  if (self.proposed) lines.push(t("appraise.self_level", { level: t(`rating.level.${self.proposed}`) }));
  if (view.specialCase) lines.push(t("appraise.special_case", { case: t(`rating.special_case.${view.specialCase}`) }));
  if (view.ballot) lines.push(t("appraise.ballot", { counts: countsLine(t, view.ballot) }));
  const before = view.steps.appraisal;
  if (before) lines.push(t("appraise.appraised_before", { version: before.version, score: before.score ?? "—" }));
  return lines.join("\n");
}

async function askAppraisal(d: Dialog): Promise<AppraisalInput> {
  const { t, view, args } = d;
  const self = view.selfScore;
  const score = await askScore(d, self.submitted ? self.total : null);
  const tasks = await askTasks(d, self.tasks);
  const grounds = await askGrounds(d);
  const residenceComment = await askYesNo(d, t("appraise.ask_residence"));
  const temporaryBranchComment = view.specialCase === "attached-elsewhere" ? await askYesNo(d, t("appraise.ask_temporary")) : false;
  return {
    periodId: args.periodId,
    memberId: args.memberId,
    score,
    tasks,
    fixStatus: self.fixStatus ?? "none",
    grounds,
    residenceComment,
    temporaryBranchComment,
  };
}

/** The self-score accepted (one press), or the appraised score typed, 0 to 100. */
async function askScore(d: Dialog, selfTotal: number | null): Promise<number> {
  const { t } = d;
  const typedScore = (answer: Answer): Checked<number | null> => {
    if (answer.kind === "button") return { ok: true, value: answer.value === "accept" ? selfTotal : null };
    const typed = answer.kind === "text" ? answer.text.trim() : "";
    const score = /^[0-9]{1,3}$/.test(typed) ? Number(typed) : Number.NaN;
    return score >= 0 && score <= 100 ? { ok: true, value: score } : { ok: false, hint: t("appraise.error.score") };
  };
  if (selfTotal !== null) {
    const choices = [
      ["accept", t("appraise.button.accept", { score: selfTotal })],
      ["type", t("appraise.button.type")],
    ] as const;
    const first = await ask(d.conversation, d.ctx, t, question(t("appraise.ask_score"), choices, true), typedScore);
    if (first !== null) return first;
  }
  return (await ask(d.conversation, d.ctx, t, question(t("appraise.ask_score_typed"), [], true), typedScore)) ?? 0;
}

/** "10 8 2 0 3": assigned, on time, late, not done, exceeded. */
function parseTasks(text: string): TaskResults | null {
  const numbers = text.trim().split(/[\s,;]+/);
  if (numbers.length !== 5 || !numbers.every((n) => /^[0-9]{1,6}$/.test(n))) return null;
  const [assigned, onTime, late, notDone, exceeded] = numbers.map(Number) as [number, number, number, number, number];
  return { assigned, onTime, late, notDone, exceeded };
}

async function askTasks(d: Dialog, selfTasks: TaskResults | null): Promise<TaskResults> {
  const { t } = d;
  if (selfTasks) {
    const keep = await ask(
      d.conversation,
      d.ctx,
      t,
      question(t("appraise.ask_tasks_keep"), [
        ["keep", t("appraise.button.keep")],
        ["correct", t("appraise.button.correct")],
      ]),
    );
    if (keep.kind === "button" && keep.value === "keep") return selfTasks;
  }
  return ask(d.conversation, d.ctx, t, question(t("appraise.ask_tasks"), [], true), (answer) => {
    const tasks = answer.kind === "text" ? parseTasks(answer.text) : null;
    if (!tasks) return { ok: false, hint: t("appraise.error.tasks_format") };
    const errors = taskResultErrors(tasks);
    return errors.length === 0 ? { ok: true, value: tasks } : { ok: false, hint: errors.map((e) => t(`appraise.error.${e}`)) };
  });
}

/** N5: each press chooses or drops a ground; «Xong» ends. */
async function askGrounds(d: Dialog): Promise<NotCompletedGround[]> {
  const { t } = d;
  const chosen = new Set<NotCompletedGround>();
  for (;;) {
    const choices = NOT_COMPLETED_GROUNDS.map((g) => [g, `${chosen.has(g) ? "✓ " : ""}${t(`rating.not_completed_ground.${g}`)}`] as const);
    const answer = await ask(
      d.conversation,
      d.ctx,
      t,
      question(t("appraise.ask_grounds"), [...choices, ["done", t("appraise.button.done")]]),
    );
    const ground = NOT_COMPLETED_GROUNDS.find((g) => answer.kind === "button" && answer.value === g);
    if (!ground) return NOT_COMPLETED_GROUNDS.filter((g) => chosen.has(g));
    if (chosen.has(ground)) chosen.delete(ground);
    else chosen.add(ground);
  }
}

async function askYesNo(d: Dialog, text: string): Promise<boolean> {
  const answer = await ask(
    d.conversation,
    d.ctx,
    d.t,
    question(text, [
      ["yes", d.t("appraise.button.yes")],
      ["no", d.t("appraise.button.no")],
    ]),
  );
  return answer.kind === "button" && answer.value === "yes";
}

/** A short text as typed (trimmed), refused when empty or longer than the limit. */
function askNote(d: Dialog, q: Question): Promise<string | null> {
  return ask(d.conversation, d.ctx, d.t, q, (answer) => {
    if (answer.kind === "button") return { ok: true, value: null };
    const note = answer.kind === "text" ? answer.text.trim() : "";
    if (note === "") return { ok: false, hint: d.t("appraise.error.note_empty") };
    if (note.length > MAX_NOTE_LENGTH) return { ok: false, hint: d.t("appraise.error.note_long", { max: MAX_NOTE_LENGTH }) };
    return { ok: true, value: note };
  });
}

/** The branch meeting's opinion, optional: recorded only when typed. False: the role was withdrawn meanwhile. */
async function askMeeting(d: Dialog): Promise<boolean> {
  const { t, args } = d;
  const note = await askNote(d, question(t("appraise.ask_meeting"), [["skip", t("appraise.button.skip")]], true));
  if (note === null) return true;
  const saved = await writeWithRole(d.conversation, d.ctx, t, roleCheck(args), (c) =>
    recordMeetingOpinion(c.deps.db, { periodId: args.periodId, memberId: args.memberId, note }, c.identity.userId, c.deps.clock()),
  );
  if (saved.allowed) await d.ctx.reply(t("appraise.meeting_saved"));
  return saved.allowed;
}

async function askProposal(d: Dialog, computed: MemberOutcome): Promise<void> {
  const { t, args, view } = d;
  const computedWords = describeOutcome(t, computed);
  const others = computed.kind === "level" ? MEMBER_LEVELS.filter((l) => l !== computed.level) : [];
  const answer = await ask(
    d.conversation,
    d.ctx,
    t,
    question(t("appraise.ask_proposal", { outcome: computedWords }), [
      ["propose", t("appraise.button.propose", { outcome: computedWords })],
      ...others.map((l) => [l, t("appraise.button.other_level", { level: t(`rating.level.${l}`) })] as const),
    ]),
  );
  const level = MEMBER_LEVELS.find((l) => answer.kind === "button" && answer.value === l) ?? null;
  const note = level ? await askNote(d, question(t("appraise.ask_reason", { level: t(`rating.level.${level}`) }), [], true)) : null;
  const saved = await writeWithRole(d.conversation, d.ctx, t, roleCheck(args), (c) =>
    recordProposal(
      c.deps.db,
      { periodId: args.periodId, memberId: args.memberId, level: level as MemberLevel | null, note },
      c.identity.userId,
      c.deps.clock(),
      c.deps.timeZone.offsetMinutes,
    ),
  );
  if (!saved.allowed) return;
  const result = saved.value;
  if (!result.ok) return void (await d.ctx.reply(t(`appraise.error.${result.error}`)));
  await d.ctx.reply(t("appraise.proposed", { name: view.fullName, outcome: describeOutcome(t, result.outcome) }));
}
