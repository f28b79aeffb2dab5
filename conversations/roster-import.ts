// /roster: the secretary pastes the members one per line or uploads a CSV, sees a preview (or the lines to fix),
// confirms, and gets one invite link per member. The import is one transaction.
import { InlineKeyboard } from "grammy";
import { monthsBefore } from "../domain/branch-setup";
import type { RosterEntry, RosterImport } from "../domain/roster";
import { parseRosterLines } from "../domain/roster";
import { parseRosterCsv } from "../domain/roster-csv";
import { setApartKnownNames, summarizeRoster } from "../domain/roster-summary";
import { addMembersWithInvites } from "../store/invites";
import { listMembers, type NewMember } from "../store/orgs";
import { callbackData } from "../bot/callback-data";
import type { BotContext, BotConversation, ConvContext } from "../bot/context";
import { translatorFor, type Language, type Translate } from "../bot/i18n";
import { inviteMessages } from "../bot/invite-links";
import { joinInMessages } from "../bot/split-message";
import { ask, type Answer } from "./ask";

export const ROSTER_CONVERSATION = "roster-import";
export type RosterArgs = { lang: Language; orgId: string; orgName: string };

/** Buttons: roster:import (the new names), roster:all (same names too), roster:again. */
export const rosterButton = callbackData("roster");
const MAX_ROSTER_FILE_BYTES = 1_000_000;
const TELEGRAM_API = "https://api.telegram.org";

export async function rosterImportConversation(conversation: BotConversation, ctx: ConvContext, args: RosterArgs) {
  const t = translatorFor(args.lang);
  let prompt = t("roster.format", { branch: args.orgName });
  for (;;) {
    const answer = await ask(conversation, ctx, t, { text: prompt, acceptText: true, acceptDocument: true });
    const parsed = await readRoster(conversation, answer);
    prompt = t("roster.send-again");
    if ("failed" in parsed) {
      await ctx.reply(t(`roster.file.${parsed.failed}`));
      continue;
    }
    if (parsed.errors.length > 0) {
      for (const part of errorMessages(t, parsed)) await ctx.reply(part);
      continue;
    }
    if (parsed.entries.length === 0) {
      await ctx.reply(t("roster.empty"));
      continue;
    }
    const rosterNames = await conversation.external(async (outside) =>
      (await listMembers(outside.deps.db, args.orgId)).map((m) => m.fullName));
    const { fresh, known } = setApartKnownNames(parsed.entries, rosterNames);
    const keyboard = new InlineKeyboard();
    if (fresh.length > 0) keyboard.text(t("roster.import", { count: fresh.length }), rosterButton.data("import")).row();
    if (known.length > 0) keyboard.text(t("roster.import-all", { count: parsed.entries.length }), rosterButton.data("all")).row();
    keyboard.text(t("roster.again"), rosterButton.data("again"));
    const choice = await ask(conversation, ctx, t, {
      text: previewText(t, parsed.entries, known), keyboard, buttons: { data: rosterButton, values: ["import", "all", "again"] },
    });
    if (choice.kind === "button" && choice.value !== "again") {
      const chosen = choice.value === "all" ? parsed.entries : fresh;
      const result = await conversation.external((outside) => importRoster(outside, args.orgId, chosen));
      if (!result) {
        await ctx.reply(t("roster.import-failed"));
        return;
      }
      await ctx.reply(t("roster.imported", { count: chosen.length, branch: args.orgName }));
      for (const part of inviteMessages(t, result.botUsername, result.invites)) await ctx.reply(part);
      return;
    }
  }
}

/** Pasted lines are parsed as they are; a file is downloaded from the Bot API first. */
async function readRoster(conversation: BotConversation, answer: Answer): Promise<RosterImport | { failed: "too-big" | "not-csv" | "download" }> {
  if (answer.kind === "text") return parseRosterLines(answer.text);
  if (answer.kind !== "document") return { entries: [], errors: [] };
  if (answer.size > MAX_ROSTER_FILE_BYTES) return { failed: "too-big" };
  if (!/\.(csv|txt)$/i.test(answer.fileName)) return { failed: "not-csv" };
  return conversation.external(async (outside) => {
    const text = await downloadText(outside, answer.fileId);
    return text === null ? { failed: "download" as const } : parseRosterCsv(text, { asOf: outside.deps.clock().toISOString() });
  });
}

async function downloadText(ctx: BotContext, fileId: string): Promise<string | null> {
  try {
    const file = await ctx.api.getFile(fileId);
    if (!file.file_path) return null;
    const apiRoot = ctx.api.options?.apiRoot ?? TELEGRAM_API;
    const response = await fetch(`${apiRoot}/file/bot${ctx.api.token}/${file.file_path}`);
    return response.ok ? await response.text() : null;
  } catch (error) {
    ctx.deps.log.warn({ code: (error as { error_code?: number }).error_code }, "roster file download failed");
    return null;
  }
}

/** Null when nothing could be stored (the import is one transaction): the secretary is told, not left waiting. */
async function importRoster(ctx: BotContext, orgId: string, entries: RosterEntry[]) {
  const now = ctx.deps.clock();
  const members = entries.map((entry) => toNewMember(entry, now.toISOString()));
  try {
    const invites = await addMembersWithInvites(ctx.deps.db, orgId, members, ctx.identity.userId, now);
    return { invites, botUsername: ctx.deps.botUsername() };
  } catch (error) {
    const e = error as { name?: string; code?: string };
    ctx.deps.log.error({ name: e.name, code: e.code, members: members.length }, "roster import failed");
    return null;
  }
}

function toNewMember(entry: RosterEntry, nowIso: string): NewMember {
  const { status } = entry;
  const awaySince = entry.workingAwaySince ?? (status.workingAwayMonths > 0 ? monthsBefore(nowIso, status.workingAwayMonths) : null);
  return {
    fullName: entry.name, kind: status.kind, exempt: status.exempt, retiredNotMoved: status.retiredNotMoved,
    workingAwaySince: awaySince, isLeader: status.isLeader, group: entry.group,
  };
}

function previewText(t: Translate, entries: RosterEntry[], known: RosterEntry[]): string {
  const summary = summarizeRoster(entries);
  const lines = [t("roster.preview.title", { count: summary.total })];
  for (const kind of ["official", "probationary", "temporary"] as const) {
    lines.push(t(`roster.preview.${kind}`, { count: summary.byKind[kind] }));
  }
  for (const flag of ["exempt", "retiredNotMoved", "workingAway", "leaders"] as const) {
    if (summary[flag] > 0) lines.push(t(`roster.preview.${flag}`, { count: summary[flag] }));
  }
  if (summary.groups.length > 0) {
    const groups = summary.groups.map((g) => t("roster.preview.group", { name: g.name, count: g.count })).join(", ");
    lines.push(t("roster.preview.groups", { groups }));
  }
  if (known.length > 0) lines.push("", t("roster.preview.known", { count: known.length, names: known.map((e) => e.name).join(", ") }));
  lines.push("", t("roster.preview.confirm"));
  return lines.join("\n");
}

function errorMessages(t: Translate, parsed: RosterImport): string[] {
  const lines = parsed.errors.map((e) =>
    t(`roster.error.${e.error.slice("roster.".length)}`, { line: e.line, detail: e.detail ?? "" }));
  const header = t("roster.errors-title", { count: parsed.errors.length, ok: parsed.entries.length });
  return joinInMessages([header, ...lines, t("roster.fix-and-resend")], "\n");
}
