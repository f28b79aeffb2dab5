// T1: when an organization reported its year to the committee above (OrgReport), and the deadline of its level.
import { defaultPeriodDates } from "../domain/calendar";
import { DEFAULT_RULEBOOK_ID, getRulebook } from "../domain/rulebooks/index";
import { recordAudit } from "./audit";
import { inTransaction, type Db } from "./client";
import { chunksOf } from "./chunks";
import type { OrgKind } from "./orgs";
import { integer, text, tuple, tupleQuery } from "./sqlite";

/** The organization bound to `?` and every organization under it, at any depth. */
export const TREE = `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT o.id FROM Organization o JOIN tree ON o.parentId = tree.id)`;

/** Records the first report of the organization's year; a later sending keeps the first time. Returns that time. */
export async function recordReport(db: Db, input: { orgId: string; year: number; actorId: string }, now: Date): Promise<string> {
  return inTransaction(db, async (tx) => {
    const existing = await tx.orgReport.findUnique({ where: { orgId_year: { orgId: input.orgId, year: input.year } } });
    if (existing) return existing.reportedAt.toISOString();
    await tx.orgReport.create({ data: { orgId: input.orgId, year: input.year, reportedAt: now, reportedById: input.actorId } });
    await recordAudit(
      tx,
      { actorId: input.actorId, action: "org.reported", entity: "Organization", entityId: input.orgId, data: { year: input.year } },
      now,
    );
    return now.toISOString();
  });
}

export async function reportedAt(db: Db, orgId: string, year: number): Promise<string | null> {
  const row = await db.orgReport.findUnique({ where: { orgId_year: { orgId, year } }, select: { reportedAt: true } });
  return row?.reportedAt.toISOString() ?? null;
}

/** The organizations directly under the parent, by name. */
export async function childOrganizations(db: Db, parentId: string): Promise<Array<{ id: string; name: string; kind: OrgKind }>> {
  const rows = await db.organization.findMany({ where: { parentId }, select: { id: true, name: true, kind: true } });
  return rows.map((r) => ({ ...r, kind: r.kind as OrgKind })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * T1: a committee (base committee, sub-committee) reports by its year-end conference, before the rulebook's
 * `tccsdConferenceDeadline` of the year; the rulebook is its branches' (the default one when it has none yet).
 */
export function committeeReportDeadline(year: number, rulebookId: string | null, offsetMinutes: number): string {
  return defaultPeriodDates(year, getRulebook(rulebookId ?? DEFAULT_RULEBOOK_ID), offsetMinutes).tccsdConferenceDeadline;
}

const NEWEST_YEAR = `${TREE} SELECT p.year, p.rulebookId FROM ReviewPeriod p WHERE p.orgId IN (SELECT id FROM tree)
  ORDER BY p.year DESC, p.quarter ASC, p.createdAt ASC LIMIT 1`;

/** T1: the bloc's own dates of the year: its appraisal of the TCCSĐ and its year-end conference. */
export function blocDeadlines(year: number, rulebookId: string | null, offsetMinutes: number): { appraisal: string; conference: string } {
  const dates = defaultPeriodDates(year, getRulebook(rulebookId ?? DEFAULT_RULEBOOK_ID), offsetMinutes);
  return { appraisal: dates.blocAppraisalDeadline, conference: dates.blocConferenceDeadline };
}

/** The newest year any organization in the committee's tree reviews, with that year's rulebook; null without any. */
export async function committeeYear(db: Db, committeeId: string): Promise<{ year: number; rulebookId: string } | null> {
  const row = tupleQuery(db, NEWEST_YEAR, tuple(integer, text)).get(committeeId);
  return row ? { year: row[0], rulebookId: row[1] } : null;
}

export const SIGNER_TITLES = ["secretary", "deputy"] as const;
export type SignerTitle = (typeof SIGNER_TITLES)[number];
export type ReportSettings = { number: string | null; place: string | null; signerName: string | null; signerTitle: SignerTitle };

const asTitle = (value: string): SignerTitle => (value === "deputy" ? "deputy" : "secretary");

/** The committee's stored number, place and signer; all empty until someone sets them. */
export async function reportSettings(db: Db, orgId: string): Promise<ReportSettings> {
  const row = await db.reportSettings.findUnique({ where: { orgId } });
  return row
    ? { number: row.number, place: row.place, signerName: row.signerName, signerTitle: asTitle(row.signerTitle) }
    : { number: null, place: null, signerName: null, signerTitle: "secretary" };
}

export async function saveReportSettings(db: Db, orgId: string, settings: ReportSettings, actorId: string, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.reportSettings.upsert({
      where: { orgId },
      create: { orgId, ...settings, updatedById: actorId },
      update: { ...settings, updatedById: actorId },
    });
    await recordAudit(tx, { actorId, action: "report.settings", entity: "Organization", entityId: orgId, data: {} }, now);
  });
}

/** The reports of these organizations, every year, keyed `orgId|year`. */
export async function reportTimes(db: Db, orgIds: readonly string[]): Promise<Map<string, string>> {
  const times = new Map<string, string>();
  for (const ids of chunksOf([...orgIds])) {
    const rows = await db.orgReport.findMany({ where: { orgId: { in: ids } }, select: { orgId: true, year: true, reportedAt: true } });
    for (const r of rows) times.set(`${r.orgId}|${r.year}`, r.reportedAt.toISOString());
  }
  return times;
}
