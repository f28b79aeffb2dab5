// /roster: the secretary pastes the members one per line or uploads a CSV, sees a preview (or the lines to fix),
// confirms, and gets one invite link per member. The import is one transaction.
import { InlineKeyboard } from "grammy";
import { monthsBefore } from "../domain/branch-setup";
import type { RosterEntry, RosterImport } from "../domain/roster";
import { MAX_ROSTER_FILE_BYTES, MAX_ROSTER_MEMBERS, parseRosterLines, rosterHasRoom } from "../domain/roster";
import { rosterCsvSteps } from "../domain/roster-csv";
import { isSuspiciousName, setApartKnownNames, summarizeRoster } from "../domain/roster-summary";
import { summarizeFacts } from "../domain/roster-facts";
import { REVIEW_FORMS, SPECIAL_CASES } from "../domain/levels";
import { addMembersWithInvites } from "../store/invites";
import { listMembers, type NewMember } from "../store/orgs";
import { rosterStep } from "../bot/kit/buttons";
import type { BotContext, BotConversation, ConvContext } from "../bot/kit/context";
import { translatorFor, type Language, type Translate } from "../bot/kit/i18n";
import { inviteMessages, joinWaysOf } from "../bot/kit/invite-links";
import { decodeUpload } from "../bot/kit/decode-upload";
import { downloadBytes } from "../bot/kit/download-file";
import { shortList } from "../bot/kit/paging";
import { joinInMessages } from "../bot/kit/split-message";
import { ask, askHints, type Answer, type Checked, type Question } from "./ask";
import { writeWithRole } from "./role-checked-write";

export const ROSTER_CONVERSATION = "roster-import";
export type RosterArgs = { lang: Language; orgId: string; orgName: string };

const LIMITS = { max: MAX_ROSTER_MEMBERS, size: `${MAX_ROSTER_FILE_BYTES / 1024} KB` };
/** The preview names this many groups and already-known members, then "and N more": it stays one message. */
const PREVIEW_ITEMS = 30;
/** The first names shown, so that a garbled or shifted import shows at a glance. */
const PREVIEW_NAMES = 5;

export async function rosterImportConversation(conversation: BotConversation, ctx: ConvContext, args: RosterArgs) {
  const t = translatorFor(args.lang);
  // Two short messages rather than one wall of text on a phone: typing the roster, then sending a file (the question).
  await ctx.reply(t("roster.format", { branch: args.orgName }));
  let prompt = t("roster.format_csv");
  for (;;) {
    const question: Question = { text: prompt, acceptText: true, acceptDocument: true };
    const hints = askHints(t, question);
    // A roster that cannot be imported gets its reasons and a plea to send it again; it is not kept in the dialog.
    question.hints = (rejection, update) =>
      rejection.why === "invalid" ? { reply: [rejection.hint, t("roster.send-again")].flat() } : hints(rejection, update);
    const roster = await ask(conversation, ctx, t, question, (answer) => checkRoster(conversation, t, args, answer));
    prompt = t("roster.send-again");
    const { entries, fresh, known, existing } = roster;
    const keyboard = new InlineKeyboard();
    if (fresh.length > 0) keyboard.text(t("roster.import", { count: fresh.length }), rosterStep.pack({ choice: "import" })).row();
    if (known.length > 0 && rosterHasRoom(existing, entries.length))
      keyboard.text(t("roster.import-all", { count: entries.length }), rosterStep.pack({ choice: "all" })).row();
    keyboard.text(t("roster.again"), rosterStep.pack({ choice: "again" }));
    const choice = await ask(conversation, ctx, t, {
      text: previewText(t, entries, known),
      keyboard,
      buttons: { data: rosterStep, values: ["import", "all", "again"] },
    });
    if (choice.kind === "button" && choice.value !== "again") {
      const chosen = choice.value === "all" ? entries : fresh;
      const check = { target: { org: args.orgId }, roles: ["secretary"] } as const;
      const checked = await writeWithRole(conversation, ctx, t, check, (outside) => importRoster(outside, args.orgId, chosen));
      if (!checked.allowed) return;
      const result = checked.value;
      if (!result) {
        await ctx.reply(t("roster.import-failed"));
        return;
      }
      await ctx.reply(t("roster.imported", { count: chosen.length, branch: args.orgName }));
      for (const part of inviteMessages(t, result.ways, result.invites, result.timeZone)) await ctx.reply(part);
      return;
    }
  }
}

type Candidates = { entries: RosterEntry[]; fresh: RosterEntry[]; known: RosterEntry[]; existing: number };

/** A roster that can be imported: parsed without errors, not empty, with room for its new names on the roster. */
async function checkRoster(conversation: BotConversation, t: Translate, args: RosterArgs, answer: Answer): Promise<Checked<Candidates>> {
  const parsed = await readRoster(conversation, answer);
  if ("failed" in parsed) return { ok: false, hint: t(`roster.file.${parsed.failed}`, LIMITS) };
  if (parsed.errors.length > 0) return { ok: false, hint: errorMessages(t, parsed) };
  if (parsed.entries.length === 0) return { ok: false, hint: t("roster.empty") };
  const rosterNames = await conversation.external(async (outside) =>
    (await listMembers(outside.deps.db, args.orgId)).map((m) => m.fullName),
  );
  const { fresh, known } = setApartKnownNames(parsed.entries, rosterNames);
  if (!rosterHasRoom(rosterNames.length, fresh.length)) {
    return { ok: false, hint: t("roster.no-room", { ...LIMITS, existing: rosterNames.length, count: fresh.length }) };
  }
  return { ok: true, value: { entries: parsed.entries, fresh, known, existing: rosterNames.length } };
}

type FileFailure = { failed: "too-big" | "not-csv" | "download" | "too-many" | "encoding" };

/**
 * Pasted lines are parsed as they are; a file is size-checked from the message (before any download), downloaded
 * from the Bot API and parsed in steps that let the other chats' updates run in between.
 */
async function readRoster(conversation: BotConversation, answer: Answer): Promise<RosterImport | FileFailure> {
  if (answer.kind === "text") return parseRosterLines(answer.text);
  if (answer.kind !== "document") return { entries: [], errors: [] };
  if (answer.size > MAX_ROSTER_FILE_BYTES) return { failed: "too-big" };
  if (!/\.(csv|txt)$/i.test(answer.fileName)) return { failed: "not-csv" };
  return conversation.external(async (outside): Promise<RosterImport | FileFailure> => {
    const bytes = await downloadBytes(outside, answer.fileId, MAX_ROSTER_FILE_BYTES);
    if (typeof bytes === "string") return { failed: bytes };
    const text = decodeUpload(bytes);
    if (text === null) return { failed: "encoding" };
    const parsed = await finishInSteps(
      rosterCsvSteps(text, { asOf: { at: outside.deps.clock().toISOString(), offsetMinutes: outside.deps.timeZone.offsetMinutes } }),
    );
    return parsed.errors.some((e) => e.error === "roster.too-many-members") ? { failed: "too-many" } : parsed;
  });
}

/** Runs a stepwise computation, giving the event loop a turn between steps. */
async function finishInSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Null when nothing could be stored (the import is one transaction): the secretary is told, not left waiting. */
async function importRoster(ctx: BotContext, orgId: string, entries: RosterEntry[]) {
  const now = ctx.deps.clock();
  const members = entries.map((entry) => toNewMember(entry, now.toISOString(), ctx.deps.timeZone.offsetMinutes));
  try {
    const invites = await addMembersWithInvites(ctx.deps.db, orgId, members, ctx.identity.userId, now);
    return { invites, ways: joinWaysOf(ctx.deps), timeZone: ctx.deps.timeZone };
  } catch (error) {
    const e = error as { name?: string; code?: string };
    ctx.deps.log.error({ name: e.name, code: e.code, members: members.length }, "roster import failed");
    return null;
  }
}

function toNewMember(entry: RosterEntry, nowIso: string, offsetMinutes: number): NewMember {
  const { status } = entry;
  const awaySince =
    entry.workingAwaySince ?? (status.workingAwayMonths > 0 ? monthsBefore(nowIso, status.workingAwayMonths, offsetMinutes) : null);
  return {
    fullName: entry.name,
    kind: status.kind,
    exempt: status.exempt,
    retiredNotMoved: status.retiredNotMoved,
    workingAwaySince: awaySince,
    isLeader: status.isLeader,
    group: entry.group,
    form: entry.facts?.form ?? null,
    admittedOn: entry.facts?.admittedOn ?? null,
    suspended: entry.facts?.suspended ?? false,
    specialCase: entry.facts?.specialCase ?? null,
  };
}

function previewText(t: Translate, entries: RosterEntry[], known: RosterEntry[]): string {
  const summary = summarizeRoster(entries);
  const lines = [t("roster.preview.title", { count: summary.total })];
  lines.push(
    t("roster.preview.names", {
      names: shortList(
        t,
        entries.map((e) => e.name),
        PREVIEW_NAMES,
        "paging.more_people",
      ),
    }),
  );
  for (const kind of ["official", "probationary", "temporary"] as const) {
    lines.push(t(`roster.preview.${kind}`, { count: summary.byKind[kind] }));
  }
  for (const flag of ["exempt", "retiredNotMoved", "workingAway", "leaders"] as const) {
    if (summary[flag] > 0) lines.push(t(`roster.preview.${flag}`, { count: summary[flag] }));
  }
  lines.push(...factLines(t, entries));
  if (summary.groups.length > 0) {
    const groups = shortList(
      t,
      summary.groups.map((g) => t("roster.preview.group", { name: g.name, count: g.count })),
      PREVIEW_ITEMS,
      "paging.more_groups",
    );
    lines.push(t("roster.preview.groups", { groups }));
  }
  if (known.length > 0) {
    const names = shortList(
      t,
      known.map((e) => e.name),
      PREVIEW_ITEMS,
      "paging.more_people",
    );
    lines.push("", t("roster.preview.known", { count: known.length, names }));
  }
  const suspicious = entries.map((e) => e.name).filter(isSuspiciousName);
  if (suspicious.length > 0) {
    const names = shortList(t, suspicious, PREVIEW_ITEMS, "paging.more_people");
    lines.push("", t("roster.preview.suspicious", { count: suspicious.length, names }));
  }
  lines.push("", t("roster.preview.confirm"));
  return lines.join("\n");
}

/** RULES-2025 facts of the list (forms, admission days, suspensions, special cases): only those some entry has. */
function factLines(t: Translate, entries: RosterEntry[]): string[] {
  const facts = summarizeFacts(entries);
  const lines: string[] = [];
  const forms = REVIEW_FORMS.filter((f) => facts.forms[f] > 0);
  if (forms.length > 0)
    lines.push(
      t("roster.preview.forms", { forms: forms.map((f) => t("roster.preview.form", { form: f, count: facts.forms[f] })).join(", ") }),
    );
  if (facts.admitted > 0) lines.push(t("roster.preview.admitted", { count: facts.admitted }));
  if (facts.suspended > 0) lines.push(t("roster.preview.suspended", { count: facts.suspended }));
  for (const special of SPECIAL_CASES)
    if (facts.special[special] > 0) lines.push(t(`roster.preview.special.${special}`, { count: facts.special[special] }));
  return lines;
}

/** Errors whose detail is a CSV column: named in the reader's language (V17), as the help writes them. */
const COLUMN_ERRORS = new Set(["roster.csv-missing-column", "roster.invalid-boolean"]);

function errorMessages(t: Translate, parsed: RosterImport): string[] {
  const detail = (e: RosterImport["errors"][number]) =>
    e.detail && COLUMN_ERRORS.has(e.error) ? t(`roster.column.${e.detail}`, { defaultValue: e.detail }) : (e.detail ?? "");
  const lines = parsed.errors.map((e) => t(`roster.error.${e.error.slice("roster.".length)}`, { line: e.line, detail: detail(e) }));
  const header = t("roster.errors-title", { count: parsed.errors.length, ok: parsed.entries.length });
  return joinInMessages([header, ...lines, t("roster.fix-and-resend")], "\n");
}
