// The secretary's counts for one member (M13): method, official members (prefilled, M7), present, valid ballots,
// ballots per level; every bound checked by the domain's validateTally with its own message. A preview shows the
// level the domain gives and why; confirming stores the tally and runs the branch-wide pass (M8). Where the level
// needs Ho Chi Minh actions (M12), the meeting's acknowledgement of them is asked once for every member who wrote
// them, and stored with the counts.
import type { ReviewTimeZone } from "../domain/calendar";
import type { BotConversation, ConvContext } from "../bot/kit/context";
import { describeOutcome, describeReasons, describeTallyError } from "../bot/kit/describe-result";
import { translatorFor, type Translate } from "../bot/kit/i18n";
import { wordsOf } from "../bot/kit/rulebook-words";
import { getRulebook, levelByVote, levelNeedsHcm, MEMBER_LEVELS, validateTally, type TallyField, type TallyInput } from "../domain";
import { hcmAcknowledgementState } from "../store/rating-inputs";
import { evaluateBranch, latestResults, previewMemberOutcome } from "../store/results";
import { recordTally, setHcmAcknowledged } from "../store/tallies";
import { countingProgress } from "../store/branch-count";
import { writeWithRole } from "./role-checked-write";
import { ask } from "./ask";
import { officialQuestionText, parseCount, tallyQuestion } from "./tally-input";
import { acknowledgementKeyboard, methodKeyboard, singleButton } from "./tally-buttons";
import { askGrounds } from "./tally-grounds";
import { tallyStep } from "../bot/kit/buttons";
import { countsLine, reportPass } from "./tally-report";

export const TALLY = "tally";

export type TallyArgs = {
  lang: string;
  orgId: string;
  periodId: string;
  rulebookId: string;
  memberId: string;
  memberName: string;
  slot: 1 | 2;
  doubleEntry: boolean;
  /** M7: official members on the roster, offered as the default. */
  official: number;
  /** M7: exempt official members the prefilled number leaves out (told to the secretary). */
  exemptLeftOut?: number;
  /** M13: the most eligible voters the roster allows; absent in dialogs begun before it was passed. */
  voters?: number;
  /** Deps.timeZone: the dates in the reasons shown. */
  timeZone: ReviewTimeZone;
};

type Dialog = { conversation: BotConversation; ctx: ConvContext; t: Translate; args: TallyArgs };
/**
 * M12: what the meeting acknowledged, as confirmed in this dialog: the actions of every member waiting for it (read
 * again when saving: the replay log keeps one word, not a list as long as the roster), this member's, none; or not asked.
 */
type Acknowledgement = "all" | "member" | "none" | undefined;
const COUNT_FIELDS: TallyField[] = ["present", "valid", ...MEMBER_LEVELS.map((l) => `votes.${l}` as const)];

export async function tallyConversation(conversation: BotConversation, ctx: ConvContext, args: TallyArgs) {
  const d: Dialog = { conversation, ctx, t: wordsOf(translatorFor(args.lang), args.rulebookId), args };
  await ctx.reply(d.t(args.slot === 2 ? "tally.intro_second" : "tally.intro", { name: args.memberName }));
  let acknowledgement: Acknowledgement;
  for (;;) {
    const tally = await askCounts(d);
    const rulebook = getRulebook(args.rulebookId);
    const vote = levelByVote(tally, rulebook).level;
    if (vote === "L4") tally.l4Grounds = await askGrounds(conversation, ctx, d.t, d.t("tally.ask_grounds"));
    const note = vote === "L3" ? await askNote(d) : undefined;
    if (!acknowledgement && levelNeedsHcm(vote, rulebook)) acknowledgement = await askAcknowledgement(d);
    const acknowledged = acknowledgement === "all" || acknowledgement === "member" ? true : undefined;
    const outcome = await conversation.external((c) =>
      previewMemberOutcome(
        c.deps.db,
        { periodId: args.periodId, memberId: args.memberId, tally, l3Note: note, hcmAcknowledged: acknowledged },
        c.deps.clock(),
        c.deps.timeZone.offsetMinutes,
      ),
    );
    // N7: under 366 the counts are recorded as information; the level is the branch's proposal (/appraise).
    const information = rulebook.procedure === "appraisal";
    const preview = d.t(information ? "tally.preview_information" : "tally.preview", {
      name: args.memberName,
      counts: countsLine(d.t, tally),
      outcome: describeOutcome(d.t, outcome),
      reasons: describeReasons(d.t, outcome.reasons, args.lang, args.timeZone),
    });
    const keyboard = singleButton(d.t("tally.button.confirm"), "confirm").text(
      d.t("tally.button.redo"),
      tallyStep.pack({ choice: "redo" }),
    );
    const answer = await ask(conversation, ctx, d.t, tallyQuestion(d.t, preview, keyboard, ["confirm", "redo"]));
    if (answer.kind === "button" && answer.value === "confirm") return save(d, tally, note, acknowledgement);
  }
}

async function askCounts(d: Dialog): Promise<TallyInput> {
  const { t, args } = d;
  const chosen = await ask(d.conversation, d.ctx, t, tallyQuestion(t, t("tally.ask_method"), methodKeyboard(t), ["secret", "hands"]));
  const method: TallyInput["method"] = chosen.kind === "button" && chosen.value === "hands" ? "hands" : "secret";
  const tally: TallyInput = { method, official: args.official, present: 0, valid: 0, votes: { L1: 0, L2: 0, L3: 0, L4: 0 } };
  tally.official = await askNumber(d, tally, "official", officialQuestionText(t, args.official, args.exemptLeftOut));
  for (const field of COUNT_FIELDS) {
    const level = field.startsWith("votes.") ? field.slice(6) : null;
    const question = level ? t("tally.ask_votes", { level: t(`rating.level.${level}`) }) : t(`tally.ask_${field}`);
    const value = await askNumber(d, tally, field, question);
    if (level) tally.votes[level as keyof TallyInput["votes"]] = value;
    else tally[field as "present" | "valid"] = value;
  }
  return tally;
}

/** Asks one count until it is a number that breaks no bound involving this field (the later fields still 0). */
function askNumber(d: Dialog, sofar: TallyInput, field: TallyField | "official", question: string): Promise<number> {
  const keep = field === "official" ? singleButton(d.t("tally.button.keep", { count: d.args.official }), "keep") : undefined;
  return ask(d.conversation, d.ctx, d.t, tallyQuestion(d.t, question, keep, keep ? ["keep"] : [], true), (a) => {
    const value = a.kind === "button" ? d.args.official : a.kind === "text" ? parseCount(a.text) : null;
    if (value === null) return { ok: false, hint: d.t("tally.not_number") };
    const trial = structuredClone(sofar);
    if (field.startsWith("votes.")) trial.votes[field.slice(6) as keyof TallyInput["votes"]] = value;
    else trial[field as "official" | "present" | "valid"] = value;
    const errors = validateTally(trial, { voters: d.args.voters }).filter(
      (e) => e.field === field || (field.startsWith("votes.") && e.code === "tally.votes-exceed-valid"),
    );
    if (errors.length === 0) return { ok: true, value };
    return { ok: false, hint: errors.map((e) => describeTallyError(d.t, e)).join("\n") };
  });
}

async function askNote(d: Dialog): Promise<string | undefined> {
  const a = await ask(
    d.conversation,
    d.ctx,
    d.t,
    tallyQuestion(d.t, d.t("tally.ask_note"), singleButton(d.t("tally.button.skip"), "skip"), ["skip"], true),
  );
  return a.kind === "text" && a.text.trim() ? a.text.trim().slice(0, 1000) : undefined;
}

/**
 * M12: asked once per dialog, only while this member's written actions wait for the meeting's acknowledgement: one
 * answer confirms it for every member who wrote them (one tap for the whole branch), or for this member only.
 */
async function askAcknowledgement(d: Dialog): Promise<Acknowledgement> {
  const { args, t } = d;
  const state = await d.conversation.external((c) =>
    hcmAcknowledgementState(c.deps.db, args.periodId, args.memberId, {
      at: c.deps.clock().toISOString(),
      offsetMinutes: c.deps.timeZone.offsetMinutes,
    }),
  );
  if (!state.waits) return undefined;
  const count = state.waiting.length;
  const keyboard = acknowledgementKeyboard(t, count, args.memberName);
  const text = t(count > 1 ? "tally.ask_ack_all" : "tally.ask_ack_member", { count, name: args.memberName });
  const answer = await ask(d.conversation, d.ctx, t, tallyQuestion(t, text, keyboard, ["ackall", "ackone", "ackno"]));
  const choice = answer.kind === "button" ? answer.value : "ackno";
  return choice === "ackall" ? "all" : choice === "ackone" ? "member" : "none";
}

async function save(d: Dialog, tally: TallyInput, note: string | undefined, acknowledgement: Acknowledgement): Promise<void> {
  const { args, t } = d;
  const check = { target: { member: args.memberId }, roles: ["secretary", "committee"] } as const;
  const saved = await writeWithRole(d.conversation, d.ctx, t, check, async (c) => {
    const now = c.deps.clock();
    const actorId = c.identity.userId;
    await recordTally(c.deps.db, { periodId: args.periodId, memberId: args.memberId, slot: args.slot, tally, enteredById: actorId }, now);
    const asOf = { at: now.toISOString(), offsetMinutes: c.deps.timeZone.offsetMinutes };
    const acknowledgedIds =
      acknowledgement === "all"
        ? (await hcmAcknowledgementState(c.deps.db, args.periodId, args.memberId, asOf)).waiting
        : acknowledgement === "member"
          ? [args.memberId]
          : [];
    await setHcmAcknowledged(c.deps.db, { periodId: args.periodId, memberIds: acknowledgedIds, acknowledged: true }, actorId, now);
    const pass = await evaluateBranch(
      c.deps.db,
      { periodId: args.periodId, actorId, notes: note ? { [args.memberId]: note } : {} },
      now,
      c.deps.timeZone.offsetMinutes,
    );
    await reportPass(c.api, c.deps.db, args.orgId, pass, now);
    const result = (await latestResults(c.deps.db, args.periodId)).get(args.memberId);
    const progress = await countingProgress(c.deps.db, args.periodId, { now, offsetMinutes: c.deps.timeZone.offsetMinutes });
    return { outcome: result?.outcome ?? null, progress };
  });
  if (!saved.allowed) return;
  const stored = saved.value;
  // Running totals (issue 13): how far the branch's counting has come after this member.
  const progress = stored.progress ? `\n${t("tally.progress", stored.progress)}` : "";
  if (getRulebook(args.rulebookId).procedure === "appraisal")
    return void (await d.ctx.reply(t("tally.saved_information", { name: args.memberName }) + progress));
  if (!stored.outcome || stored.outcome.kind === "awaiting-tally") {
    await d.ctx.reply(t("tally.saved_waiting_second", { name: args.memberName }) + progress);
    return;
  }
  await d.ctx.reply(t("tally.saved", { name: args.memberName, outcome: describeOutcome(t, stored.outcome) }) + progress);
}
