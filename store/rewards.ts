// C, R1–R6: what the reward lists are made of, read for one committee: its organizations and members, their
// recognized results and org ratings of every year held in the app, the earlier years imported from the committee's
// own spreadsheets (RewardHistory), the year's figures set by the bloc (YearParameters) and the documents ticked for
// each proposal's file (ProposalDocument). The rules are the domain's (domain/reward-lists.ts).
import { getRulebook, isMemberLevel, type LevelCounts, type MemberLevel, type OrgLevel, type Rulebook } from "../domain";
import type { HistoryEntry } from "../domain/reward-import";
import {
  documentsKey,
  proposalsOf,
  rewardLists,
  type MemberSubject,
  type OrgSubject,
  type RewardList,
  type RewardScope,
  type RewardYears,
} from "../domain/reward-lists";
import type { MemberYearRecord, OrgYearRecord } from "../domain/rewards";
import type { RewardGiver, RewardKey, YearParameters } from "../domain/rulebook";
import { DEFAULT_RULEBOOK_ID } from "../domain/rulebooks";
import { foldVietnamese } from "../domain/text";
import { recordAudit } from "./audit";
import { chunksOf } from "./chunks";
import { inTransaction, type Db } from "./client";
import { integer, text, tuple, tupleQuery } from "./sqlite";
import type { OrgKind } from "./orgs";

type OrgNode = { id: string; name: string; kind: OrgKind; parentId: string | null; registeredEmulation: boolean };
const TCCSD_KINDS: readonly OrgKind[] = ["base-committee", "base-branch"];
/** The organizations that keep reward lists and import earlier years. */
const COMMITTEE_KINDS: readonly OrgKind[] = ["base-committee", "sub-committee", "bloc"];
const ORG_SELECT = { id: true, name: true, kind: true, parentId: true, registeredEmulation: true } as const;

/**
 * A bloc's lists read 50,000 members and their results: through Prisma about two seconds, straight from SQLite a
 * fraction of it (as /status does, store/branch-tallies.ts). `tree` is the committee and everything under it.
 */
const TREE = `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT o.id FROM Organization o JOIN tree t ON o.parentId = t.id)`;
const STATEMENTS = {
  members: `${TREE} SELECT m.id, m.fullName, m.orgId FROM tree JOIN Member m ON m.orgId = tree.id ORDER BY m.createdAt, m.id`,
  // SQLite takes the bare columns of an aggregate from the row holding MAX: the newest version of each result.
  results: `${TREE} SELECT r.memberId, p.orgId, p.year, r.outcome, r.state, MAX(r.version)
    FROM tree JOIN ReviewPeriod p ON p.orgId = tree.id JOIN MemberResult r ON r.periodId = p.id GROUP BY r.periodId, r.memberId`,
  scores: `${TREE} SELECT s.orgId, s.year, s.total, s.level, s.exemplary, s.state, MAX(s.version)
    FROM tree JOIN OrgScore s ON s.orgId = tree.id GROUP BY s.orgId, s.year`,
};
const ROWS = {
  members: tuple(text, text, text),
  results: tuple(text, text, integer, text, text, integer),
  scores: tuple(text, integer, integer, text, integer, text, integer),
};

/** The committee and every organization under it, the committee first (the tree is a few levels deep). */
async function subtree(db: Db, committeeId: string): Promise<OrgNode[]> {
  const root = await db.organization.findUnique({ where: { id: committeeId }, select: ORG_SELECT });
  if (!root) return [];
  const all = [root as OrgNode];
  for (let level = [root.id]; level.length > 0; ) {
    const children = (await inSlices(level, (slice) =>
      db.organization.findMany({ where: { parentId: { in: slice } }, select: ORG_SELECT }),
    )) as OrgNode[];
    all.push(...children);
    level = children.map((c) => c.id);
  }
  return all;
}

/** The organization's id and those of every organization above it, nearest first. */
async function ancestorsOf(db: Db, orgId: string | null): Promise<string[]> {
  const ids: string[] = [];
  for (let id = orgId; id && !ids.includes(id); ) {
    ids.push(id);
    id = (await db.organization.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null;
  }
  return ids;
}

/** The bloc above (or at) an organization, if the tree reaches one. */
export async function blocOf(db: Db, orgId: string): Promise<string | null> {
  for (let id: string | null = orgId; id; ) {
    const org: { id: string; kind: string; parentId: string | null } | null = await db.organization.findUnique({
      where: { id },
      select: { id: true, kind: true, parentId: true },
    });
    if (!org) return null;
    if (org.kind === "bloc") return org.id;
    id = org.parentId;
  }
  return null;
}

/** The year being decided: the newest review period under the committee, or the calendar year of `now`. */
export async function rewardYear(db: Db, committeeId: string, now: Date): Promise<number> {
  const ids = (await subtree(db, committeeId)).map((o) => o.id);
  const newest = await inSlices(ids, async (slice) => {
    const period = await db.reviewPeriod.findFirst({ where: { orgId: { in: slice } }, orderBy: { year: "desc" }, select: { year: true } });
    return period ? [period.year] : [];
  });
  return newest.length > 0 ? Math.max(...newest) : now.getUTCFullYear();
}

/** R1, R2: the year's figures the bloc above (or at) the organization set; null when none. */
export async function yearParameters(db: Db, orgId: string, year: number): Promise<YearParameters | null> {
  const blocId = await blocOf(db, orgId);
  const row = blocId ? await db.yearParameters.findUnique({ where: { blocId_year: { blocId, year } } }) : null;
  return row
    ? { year, baseWageDong: row.baseWageDong, provincialQuota: { organizations: row.provincialOrgs, members: row.provincialMembers } }
    : null;
}

export async function setYearParameters(db: Db, blocId: string, parameters: YearParameters, actorId: string, now: Date): Promise<void> {
  const values = {
    baseWageDong: parameters.baseWageDong,
    provincialOrgs: parameters.provincialQuota.organizations,
    provincialMembers: parameters.provincialQuota.members,
    setById: actorId,
  };
  await inTransaction(db, async (tx) => {
    await tx.yearParameters.upsert({
      where: { blocId_year: { blocId, year: parameters.year } },
      create: { blocId, year: parameters.year, ...values },
      update: values,
    });
    await recordAudit(
      tx,
      { actorId, action: "rewards.year-set", entity: "Organization", entityId: blocId, data: { ...values, year: parameters.year } },
      now,
    );
  });
}

const fold = (text: string) => foldVietnamese(text);

/** One query per slice of ids (Prisma refuses more than 999 bound values on SQLite), the rows together. */
async function inSlices<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const slice of chunksOf(ids)) rows.push(...(await query(slice)));
  return rows;
}

/** What an import row matched: a member by name (within the unit when given), an organization by name. */
export type HistoryMatch = { memberId: string | null; subjectOrgId: string | null };

/**
 * Matches each row against the committee's roster and organizations. A member's name alone matches only when one
 * member under the committee has it; with a unit, within the organization of that name.
 */
export async function matchHistory(db: Db, committeeId: string, entries: readonly HistoryEntry[]): Promise<HistoryMatch[]> {
  const orgs = await subtree(db, committeeId);
  const orgByName = new Map<string, OrgNode[]>();
  for (const o of orgs) orgByName.set(fold(o.name), [...(orgByName.get(fold(o.name)) ?? []), o]);
  const members = await inSlices(
    orgs.map((o) => o.id),
    (slice) => db.member.findMany({ where: { orgId: { in: slice } }, select: { id: true, fullName: true, orgId: true } }),
  );
  const membersByName = new Map<string, typeof members>();
  for (const m of members) membersByName.set(fold(m.fullName), [...(membersByName.get(fold(m.fullName)) ?? []), m]);
  return entries.map((e) => {
    if (e.kind === "organization") {
      const found = orgByName.get(fold(e.name)) ?? [];
      return { memberId: null, subjectOrgId: found.length === 1 ? found[0]!.id : null };
    }
    const units = e.unit ? new Set((orgByName.get(fold(e.unit)) ?? []).map((o) => o.id)) : null;
    const found = (membersByName.get(fold(e.name)) ?? []).filter((m) => !units || units.has(m.orgId));
    return { memberId: found.length === 1 ? found[0]!.id : null, subjectOrgId: null };
  });
}

/**
 * Saves the rows in one transaction; a row for the same year, kind, name and unit as an earlier import replaces it
 * (a corrected sheet sent again). Returns how many rows matched the roster or an organization.
 */
export async function importRewardHistory(
  db: Db,
  committeeId: string,
  entries: readonly HistoryEntry[],
  actorId: string,
  now: Date,
): Promise<{ saved: number; matched: number }> {
  const matches = await matchHistory(db, committeeId, entries);
  await inTransaction(db, async (tx) => {
    for (const [i, e] of entries.entries()) {
      const key = { committeeId, year: e.year, recipientKind: e.kind, name: e.name, unit: e.unit };
      await tx.rewardHistory.deleteMany({ where: key });
      await tx.rewardHistory.create({
        data: {
          ...key,
          ...matches[i]!,
          memberLevel: e.memberLevel,
          emulationTitle: e.emulationTitle,
          orgLevel: e.orgLevel,
          exemplary: e.exemplary,
          score: e.score,
          membersL1: e.memberLevels?.L1 ?? null,
          membersL2: e.memberLevels?.L2 ?? null,
          membersL3: e.memberLevels?.L3 ?? null,
          membersL4: e.memberLevels?.L4 ?? null,
          registered: e.registered,
          rewardGiver: e.rewardGiver,
          importedById: actorId,
          createdAt: now,
        },
      });
    }
    await recordAudit(
      tx,
      { actorId, action: "rewards.history-imported", entity: "Organization", entityId: committeeId, data: { rows: entries.length } },
      now,
    );
  });
  return { saved: entries.length, matched: matches.filter((m) => m.memberId || m.subjectOrgId).length };
}

/** R6: ticks a document of a proposal's file present, or unticks it; returns whether it is now present. */
export async function toggleProposalDocument(
  db: Db,
  input: { committeeId: string; year: number; rewardKey: RewardKey; recipientId: string; document: string },
  actorId: string,
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const where = { committeeId_year_rewardKey_recipientId_document: input };
    const existing = await tx.proposalDocument.findUnique({ where });
    if (existing) await tx.proposalDocument.delete({ where });
    else await tx.proposalDocument.create({ data: { ...input, tickedById: actorId, createdAt: now } });
    await recordAudit(
      tx,
      { actorId, action: "rewards.document", entity: "Organization", entityId: input.committeeId, data: { ...input, present: !existing } },
      now,
    );
    return !existing;
  });
}

export type CommitteeRewards = {
  committee: { id: string; name: string; kind: OrgKind; upperName: string | null };
  year: number;
  parameters: YearParameters | null;
  lists: RewardList[];
};

/** Every reward list of a committee (a base committee or the bloc) for `year`; null when it is not a committee. */
export async function loadRewardLists(db: Db, committeeId: string, year: number, rulebook?: Rulebook): Promise<CommitteeRewards | null> {
  const orgs = await subtree(db, committeeId);
  const committee = orgs[0];
  if (!committee || !COMMITTEE_KINDS.includes(committee.kind)) return null;
  const scope: RewardScope = committee.kind === "bloc" ? "bloc" : "base-committee";
  const book = rulebook ?? getRulebook(DEFAULT_RULEBOOK_ID);
  const [parameters, history, documents, results, scores] = await Promise.all([
    yearParameters(db, committeeId, year),
    // What the committees above and under it imported: the bloc reads its base committees' sheets, a base committee
    // the bloc's (rows still match only this committee's members and organizations).
    ancestorsOf(db, committee.parentId).then((above) =>
      db.rewardHistory.findMany({
        where: { committeeId: { in: [...above, ...orgs.filter((o) => COMMITTEE_KINDS.includes(o.kind)).map((o) => o.id)] } },
        orderBy: { createdAt: "asc" },
      }),
    ),
    db.proposalDocument.findMany({ where: { committeeId, year } }),
    recognizedLevels(db, committeeId),
    recognizedOrgScores(db, committeeId),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // Names repeat (a branch's for each of its members): each is folded once.
  const folded = new Map<string, string>();
  const foldOnce = (name: string) => folded.get(name) ?? folded.set(name, fold(name)).get(name)!;
  const tccsdOf = (org: OrgNode): OrgNode => {
    for (let o: OrgNode | undefined = org; o; o = o.parentId ? byId.get(o.parentId) : undefined) if (TCCSD_KINDS.includes(o.kind)) return o;
    return committee;
  };
  const members = tupleQuery(db, STATEMENTS.members, ROWS.members)
    .all(committeeId)
    .map(([id, fullName, orgId]) => ({ id, fullName, orgId }));
  // Indexed once: at a bloc's size (50,000 members) a scan of every row per member would take minutes.
  const memberRows = groupBy(
    history.filter((h) => h.recipientKind === "member"),
    (h) => h.memberId ?? `name|${foldOnce(h.name)}`,
  );
  const orgRows = groupBy(
    history.filter((h) => h.recipientKind === "organization"),
    (h) => h.subjectOrgId ?? `name|${foldOnce(h.name)}`,
  );
  /** A member's imported rows: matched at import, or (unmatched then) by name and, when given, the unit. */
  const historyOfMember = (m: { id: string; fullName: string; orgId: string }) => [
    ...(memberRows.get(m.id) ?? []),
    ...(memberRows.get(`name|${foldOnce(m.fullName)}`) ?? []).filter(
      (h) => !h.unit || foldOnce(h.unit) === foldOnce(byId.get(m.orgId)!.name),
    ),
  ];
  const historyOfOrg = (o: OrgNode) => [...(orgRows.get(o.id) ?? []), ...(orgRows.get(`name|${foldOnce(o.name)}`) ?? [])];
  const resultsOf = groupBy(results, (r) => r.memberId);
  const scoresOf = groupBy(scores, (r) => r.orgId);
  const counts = countsByOrgYear(results, byId);
  /**
   * R5: registered for emulation at the start of the year (an imported row of that year, or the organization's flag
   * for the current year). An organization proposed must have registered itself; a member counts under their branch
   * or their TCCSĐ (C.III: "đăng ký đầu năm của tổ chức cơ sở đảng").
   */
  const registered = (o: OrgNode, y: number) =>
    historyOfOrg(o).some((h) => h.year === y && h.registered) || (y === year && o.registeredEmulation);

  const orgSubjects: OrgSubject[] = orgs
    .filter((o): o is OrgNode & { kind: OrgSubject["kind"] } => o.id !== committee.id && o.kind !== "bloc")
    .map((o) => {
      const years = new Map<number, OrgYearRecord>();
      const rows = historyOfOrg(o);
      for (const h of rows) {
        if (!h.orgLevel) continue;
        // Without the shares R3 cannot be shown met: 0 of 0 members never reaches 90% (the template asks for them).
        const shares = h.membersL1 === null ? null : { L1: h.membersL1, L2: h.membersL2 ?? 0, L3: h.membersL3 ?? 0, L4: h.membersL4 ?? 0 };
        years.set(h.year, {
          year: h.year,
          registered: registered(o, h.year),
          score: h.score ?? 0,
          level: h.orgLevel as OrgLevel,
          exemplary: h.exemplary,
          memberLevels: shares ?? { L1: 0, L2: 0, L3: 0, L4: 0 },
        });
      }
      // The app's own recognized rating wins over an imported row of the same year.
      for (const s of scoresOf.get(o.id) ?? []) {
        years.set(s.year, {
          year: s.year,
          registered: registered(o, s.year),
          score: s.total,
          level: s.level as OrgLevel,
          exemplary: s.exemplary,
          memberLevels: counts.get(`${o.id}|${s.year}`) ?? { L1: 0, L2: 0, L3: 0, L4: 0 },
        });
      }
      const group = o.kind === "branch" && o.parentId ? byId.get(o.parentId)! : committee;
      return {
        id: o.id,
        name: o.name,
        kind: o.kind,
        quotaGroup: { id: group.id, name: group.name },
        years: [...years.values()],
        rewardYears: rewardYearsOf(rows),
      };
    });

  const memberSubjects: MemberSubject[] = members.map((m) => {
    const branch = byId.get(m.orgId)!;
    const rows = historyOfMember(m);
    const years = new Map<number, MemberYearRecord>();
    for (const h of rows)
      years.set(h.year, { year: h.year, level: isMemberLevel(h.memberLevel) ? h.memberLevel : null, emulationTitle: h.emulationTitle });
    for (const r of resultsOf.get(m.id) ?? []) {
      const title = rows.some((h) => h.year === r.year && h.emulationTitle);
      years.set(r.year, { year: r.year, level: r.level, emulationTitle: title });
    }
    const tccsd = tccsdOf(branch);
    return {
      id: m.id,
      name: m.fullName,
      unit: branch.name,
      quotaGroup: { id: tccsd.id, name: tccsd.name },
      organizationRegistered: registered(branch, year) || registered(tccsd, year),
      years: [...years.values()],
      rewardYears: rewardYearsOf(rows),
    };
  });

  const ticked = new Map<string, string[]>();
  for (const d of documents)
    ticked.set(documentsKey(d.rewardKey as RewardKey, d.recipientId), [
      ...(ticked.get(documentsKey(d.rewardKey as RewardKey, d.recipientId)) ?? []),
      d.document,
    ]);
  const lists = rewardLists({ scope, year, orgs: orgSubjects, members: memberSubjects, parameters, documents: ticked }, book);
  const upper = committee.parentId ? await db.organization.findUnique({ where: { id: committee.parentId }, select: { name: true } }) : null;
  return {
    committee: { id: committee.id, name: committee.name, kind: committee.kind, upperName: upper?.name ?? null },
    year,
    parameters,
    lists,
  };
}

type RecognizedLevel = { memberId: string; orgId: string; year: number; level: MemberLevel };

/** The newest version of every member's result in the periods under the committee, when recognized at a level. */
async function recognizedLevels(db: Db, committeeId: string): Promise<RecognizedLevel[]> {
  return tupleQuery(db, STATEMENTS.results, ROWS.results)
    .all(committeeId)
    .flatMap(([memberId, orgId, year, outcome, state]) =>
      state === "recognized" && isMemberLevel(outcome) ? [{ memberId, orgId, year, level: outcome }] : [],
    );
}

/** The newest version of every organization's rating of a year, when it is recognized (O2, B.I.4). */
async function recognizedOrgScores(db: Db, committeeId: string) {
  return tupleQuery(db, STATEMENTS.scores, ROWS.scores)
    .all(committeeId)
    .flatMap(([orgId, year, total, level, exemplary, state]) =>
      state === "recognized" ? [{ orgId, year, total, level, exemplary: exemplary === 1 }] : [],
    );
}

/** R3: members per level of each organization and year, every branch's results counted in each level above it. */
function countsByOrgYear(results: readonly RecognizedLevel[], byId: Map<string, OrgNode>): Map<string, LevelCounts> {
  const counts = new Map<string, LevelCounts>();
  for (const r of results)
    for (let o = byId.get(r.orgId); o; o = o.parentId ? byId.get(o.parentId) : undefined) {
      const key = `${o.id}|${r.year}`;
      const entry = counts.get(key) ?? { L1: 0, L2: 0, L3: 0, L4: 0 };
      entry[r.level] += 1;
      counts.set(key, entry);
    }
  return counts;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function rewardYearsOf(rows: readonly { year: number; rewardGiver: string | null }[]): RewardYears {
  const years: Partial<Record<RewardGiver, number[]>> = {};
  for (const r of rows) if (r.rewardGiver) (years[r.rewardGiver as RewardGiver] ??= []).push(r.year);
  return years;
}

export type RewardProposal = {
  rewardKey: RewardKey;
  recipientKind: "organization" | "member";
  name: string;
  /** A member's branch; for an organization, the organization whose quota it counts in. */
  unit: string;
  /** R1: the money (floor of multiple × the bloc's base wage of the year); null while the bloc has not set it. */
  amountDong: number | null;
};

/**
 * For the reports going up (D): what a committee proposes for `year`, every reward it gives or proposes upward (R1),
 * eligible candidates only (R3–R5). When more are eligible than a quota allows (R2, R4) all are listed: the committee
 * chooses among them, the program does not rank. Empty when the organization is not a committee.
 */
export async function rewardProposals(db: Db, committeeId: string, year: number): Promise<RewardProposal[]> {
  const loaded = await loadRewardLists(db, committeeId, year);
  return loaded ? proposalsOf(loaded.lists) : [];
}
