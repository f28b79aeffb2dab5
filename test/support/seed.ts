import { DEFAULT_RULEBOOK_ID } from "../../domain/rulebooks";
import type { Db } from "../../store/client";
import { recordAppraisal } from "../../store/appraisals";
import { addMembers, createOrganization, grantRole, linkMember, type NewMember } from "../../store/orgs";
import { openPeriod } from "../../store/periods";
import { recordHcmPresented, setHcmAcknowledged } from "../../store/tallies";
import { loadIdentity, type Role } from "../../store/users";
import { REVIEW_OFFSET } from "./time-zone";

/** `form`: the roster's self-review form under the 366 rulebook (RULES-2025 N2). */
export type SeedMember = NewMember & { telegramId?: number; roles?: Role[]; form?: "2A" | "2B" | "2C" };

/**
 * A branch with its roster, Telegram users linked, roles granted and the review period open:
 * the starting point of most end-to-end tests. Returns ids by full name.
 */
export async function seedBranch(
  db: Db,
  input: {
    name?: string;
    members: SeedMember[];
    /** Users with a role but no roster entry (e.g. an upper committee). */
    outsiders?: Array<{ telegramId: number; roles: Role[] }>;
    year?: number;
    selfReviewDeadline?: string;
    reportDeadline?: string;
    parentId?: string | null;
    doubleEntry?: boolean;
    now?: Date;
    /** The period's rulebook; the default a new period gets otherwise. */
    rulebookId?: string;
  },
) {
  const now = input.now ?? new Date("2026-12-01T02:00:00Z");
  const org = await createOrganization(
    db,
    { name: input.name ?? "Chi bộ Văn phòng", kind: "branch", parentId: input.parentId ?? null, doubleEntry: input.doubleEntry },
    null,
    now,
  );
  const ids = await addMembers(db, org.id, input.members, null, now);
  const memberIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  for (const [index, member] of input.members.entries()) {
    memberIds[member.fullName] = ids[index];
    if (member.form) await db.member.update({ where: { id: ids[index] }, data: { form: member.form } });
    if (member.telegramId === undefined) continue;
    const identity = await loadIdentity(db, { id: member.telegramId, displayName: member.fullName });
    await linkMember(db, ids[index], identity.userId);
    userIds[member.fullName] = identity.userId;
    for (const role of member.roles ?? []) await grantRole(db, identity.userId, org.id, role, null, now);
  }
  for (const outsider of input.outsiders ?? []) {
    const identity = await loadIdentity(db, { id: outsider.telegramId });
    for (const role of outsider.roles) await grantRole(db, identity.userId, input.parentId ?? org.id, role, null, now);
  }
  const year = input.year ?? 2026;
  const period = await openPeriod(
    db,
    {
      orgId: org.id,
      year,
      rulebookId: input.rulebookId ?? DEFAULT_RULEBOOK_ID,
      selfReviewDeadline: input.selfReviewDeadline ?? "2026-12-20T16:59:59.000Z",
      reportDeadline: input.reportDeadline ?? "2026-12-30T16:59:59.000Z",
    },
    null,
    now,
  );
  return { orgId: org.id, periodId: period.id, memberIds, userIds };
}

/** A self-review as submitted at `submittedAt` (text is irrelevant to the scheduler); `late` as T2 marks it. */
export async function seedSubmission(db: Db, input: { periodId: string; memberId: string; submittedAt: string; late?: boolean }) {
  await db.selfReview.upsert({
    where: { periodId_memberId: { periodId: input.periodId, memberId: input.memberId } },
    create: { periodId: input.periodId, memberId: input.memberId, submittedAt: new Date(input.submittedAt), late: input.late ?? false },
    update: { submittedAt: new Date(input.submittedAt), late: input.late ?? false },
  });
}

/** Every member of a seeded branch with a proposed result, version 1 at L2: what an upper committee recognizes. */
export async function seedProposedResults(db: Db, branch: { periodId: string; memberIds: Record<string, string> }) {
  await db.memberResult.createMany({
    data: Object.values(branch.memberIds).map((memberId) => ({
      periodId: branch.periodId,
      memberId,
      version: 1,
      outcome: "L2",
      reasons: "[]",
      inputs: "{}",
    })),
  });
}

/** A period of 2025 for an organization, left open beside the current one (status must read only the newest). */
export function openOlderPeriod(db: Db, orgId: string, now: Date) {
  return openPeriod(
    db,
    {
      orgId,
      year: 2025,
      rulebookId: DEFAULT_RULEBOOK_ID,
      selfReviewDeadline: "2025-12-20T16:59:59.000Z",
      reportDeadline: "2025-12-30T16:59:59.000Z",
    },
    null,
    now,
  );
}

/**
 * A committee above branches (a base committee by default, or the bloc): its secretary and committee members as
 * Telegram users with their roles on it, and the given organizations (seeded branches) attached under it.
 * Returns the committee's id and the users' ids by Telegram id.
 */
export async function seedCommittee(
  db: Db,
  input: {
    name?: string;
    kind?: "base-committee" | "bloc";
    parentId?: string | null;
    /** Telegram id of its secretary (bí thư). */
    secretary?: number;
    /** Telegram ids of its other members (ủy viên). */
    committee?: number[];
    /** Organizations to attach under it (e.g. seedBranch's orgId). */
    children?: string[];
    now?: Date;
  } = {},
) {
  const now = input.now ?? new Date("2026-12-01T02:00:00Z");
  const kind = input.kind ?? "base-committee";
  const name = input.name ?? (kind === "bloc" ? "Đảng ủy Khối" : "Đảng ủy cơ sở");
  const org = await createOrganization(db, { name, kind, parentId: input.parentId ?? null }, null, now);
  const userIds: Record<number, string> = {};
  const seats: Array<[number, Role]> = [
    ...(input.secretary === undefined ? [] : [[input.secretary, "secretary"] as [number, Role]]),
    ...(input.committee ?? []).map((telegramId) => [telegramId, "committee"] as [number, Role]),
  ];
  for (const [telegramId, role] of seats) {
    const identity = await loadIdentity(db, { id: telegramId });
    await grantRole(db, identity.userId, org.id, role, null, now);
    userIds[telegramId] = identity.userId;
  }
  if (input.children?.length) await db.organization.updateMany({ where: { id: { in: input.children } }, data: { parentId: org.id } });
  return { orgId: org.id, userIds };
}

/**
 * M12 for each member: the secretary recorded the Ho Chi Minh actions as presented, and (unless `acknowledged` is
 * false) the meeting acknowledged them: both are needed for a level above L4.
 */
export async function seedHcmConfirmed(db: Db, periodId: string, memberIds: readonly string[], now: Date, { acknowledged = true } = {}) {
  for (const id of memberIds) await recordHcmPresented(db, periodId, id, "seed", now);
  if (acknowledged) await setHcmAcknowledged(db, { periodId, memberIds, acknowledged: true }, "seed", now);
}

/** N7 (RULES-2025): the committee's appraisal of one member at `score`, every task done on time, by user "u". */
export async function seedAppraisal(db: Db, input: { periodId: string; memberId: string; score?: number; at: Date }) {
  const tasks = { assigned: 4, onTime: 4, late: 0, notDone: 0, exceeded: 0 };
  const facts = { tasks, fixStatus: "none" as const, grounds: [], residenceComment: true, temporaryBranchComment: false };
  const { periodId, memberId, score = 80, at } = input;
  return recordAppraisal(db, { periodId, memberId, score, ...facts }, "u", at, REVIEW_OFFSET);
}
