// Self-reviews (M4, M5, T2). Review texts are personal data: they leave this file only as return values,
// never in audit events or logs.
import { isLate } from "../domain/submission";
import { missingParts, reviewEditPermission, type ReviewDraft, type ReviewPart } from "../domain/self-review-parts";
import { MEMBER_LEVELS } from "../domain/levels";
import { auditWriter } from "./audit";
import type { Db } from "./client";
import { iso } from "./dates";
import {
  durably,
  flag,
  idRow,
  instant,
  optionalInstant,
  nullable,
  oneOf,
  optionalInteger,
  optionalText,
  query,
  row,
  sqlInstant,
  text,
  tuple,
  tupleQuery,
} from "./sqlite";
import { newId } from "./ids";
import { CURRENT_FIRST } from "./periods";

export type ReviewRow = ReviewDraft & { periodId: string; memberId: string; late: boolean; updatedAt: string };
export type SubmissionRow = { memberId: string; submittedAt: string | null; late: boolean; updatedAt: string };

/** A "SelfReview" row as SQLite returns it to a raw statement. */
const reviewRecord = row({
  id: text,
  periodId: text,
  memberId: text,
  contentA: optionalText,
  contentB: optionalText,
  contentC: optionalText,
  contentD: optionalText,
  hcmActions: optionalText,
  selfRating: nullable(oneOf(MEMBER_LEVELS)),
  submittedAt: optionalInstant,
  late: flag,
  updatedAt: instant,
});

function toRow(r: ReturnType<typeof reviewRecord>): ReviewRow {
  return {
    periodId: r.periodId,
    memberId: r.memberId,
    contents: { a: r.contentA, b: r.contentB, c: r.contentC, d: r.contentD },
    hcmActions: r.hcmActions,
    selfRating: r.selfRating,
    submittedAt: r.submittedAt,
    late: r.late,
    updatedAt: r.updatedAt,
  };
}

/** The review's row as stored, every column read (the completeness check of a 2025 form reads its own columns). */
export type StoredReview = Readonly<Record<string, unknown>>;
const recordAndColumns = (value: unknown) => ({ record: reviewRecord(value), stored: value as StoredReview });
const REVIEW_WITH_COLUMNS = 'SELECT r.* FROM "SelfReview" r WHERE r."periodId" = ? AND r."memberId" = ?';

export const PART_COLUMN: Record<ReviewPart, "contentA" | "contentB" | "contentC" | "contentD" | "hcmActions" | "selfRating"> = {
  a: "contentA",
  b: "contentB",
  c: "contentC",
  d: "contentD",
  hcm: "hcmActions",
  rating: "selfRating",
};

export async function getReview(db: Db, periodId: string, memberId: string): Promise<ReviewRow | null> {
  const row = query(db, 'SELECT * FROM "SelfReview" WHERE "periodId" = ? AND "memberId" = ?', reviewRecord).get(periodId, memberId);
  return row ? toRow(row) : null;
}

/** The review with every column as stored (a 2025 form's answers: store/score-reviews.ts reads them). */
export function getReviewColumns(db: Db, periodId: string, memberId: string): { review: ReviewRow; stored: StoredReview } | null {
  const read = query(db, REVIEW_WITH_COLUMNS, recordAndColumns).get(periodId, memberId);
  return read ? { review: toRow(read.record), stored: read.stored } : null;
}

/**
 * The covering index (periodId, memberId, submittedAt, late): whether a review exists and when it was submitted,
 * without reading its row and the texts in it (about 600 characters a part).
 */
export const selfReviewBySubmission = (alias: string) =>
  `"SelfReview" AS ${alias} INDEXED BY "SelfReview_periodId_memberId_submittedAt_late_idx"`;

/** Which parts are written and whether the review was submitted, without returning any text. */
export type ReviewProgressRow = { written: ReviewPart[]; submittedAt: string | null };

const progressRow = tuple(flag, flag, flag, flag, flag, flag, optionalInstant);

export async function getReviewProgress(db: Db, periodId: string, memberId: string): Promise<ReviewProgressRow | null> {
  const parts = Object.keys(PART_COLUMN) as ReviewPart[];
  const select = tupleQuery(
    db,
    `SELECT ${parts.map((p) => `ifnull(octet_length("${PART_COLUMN[p]}"), 0) > 0`).join(", ")}, "submittedAt"
    FROM "SelfReview" WHERE "periodId" = ? AND "memberId" = ?`,
    progressRow,
  );
  const row = select.get(periodId, memberId);
  if (!row) return null;
  return { written: parts.filter((_, i) => row[i]), submittedAt: row[parts.length] as string | null };
}

const editableRow = row({ deadline: instant, submittedAt: optionalInstant, closedAt: optionalInstant });
const closedRow = row({ closedAt: optionalInstant });

/** The texts are not read back: at ~600 characters a part, that read was a good part of a step's cost. */
export type SaveResult = { status: "saved" } | { status: "locked" };

/**
 * Saves one part at once (a draft survives a restart). Editing a submitted review is allowed until the
 * period's deadline; afterwards it is refused (T2: the submission stands as it was).
 * The value must already be validated by the domain's schemas.
 */
export async function saveDraftPart(
  db: Db,
  /** `actorId`: the user writing (the member), recorded in the audit of an edit after submission. */
  input: { periodId: string; memberId: string; part: ReviewPart; value: string; actorId?: string | null },
  now: Date,
): Promise<SaveResult> {
  return saveReviewColumn(db, { ...input, column: PART_COLUMN[input.part] }, now);
}

/**
 * One column of a member's review written at once, if the review may still change (the 2011 parts, the 2025 form's
 * answers: store/score-reviews.ts). `part` names it in the audit of an edit after submission.
 */
export async function saveReviewColumn(
  db: Db,
  input: { periodId: string; memberId: string; part: string; column: string; value: string; actorId?: string | null },
  now: Date,
): Promise<SaveResult> {
  // The hot path of the self-review (one call per answer): statements straight to SQLite (store/sqlite/)
  // instead of Prisma's compiled queries. Check and write need no transaction: a member's chat is handled in
  // order, and both use `now`. The write is durable when this returns (`durably`).
  const select = query(
    db,
    `SELECT p."selfReviewDeadline" AS deadline, r."submittedAt" AS submittedAt, p."closedAt" AS closedAt
       FROM "ReviewPeriod" p LEFT JOIN ${selfReviewBySubmission("r")} ON r."periodId" = p."id" AND r."memberId" = ? WHERE p."id" = ?`,
    editableRow,
  );
  const state = select.get(input.memberId, input.periodId);
  if (!state) throw new Error(`unknown review period ${input.periodId}`);
  const { submittedAt } = state;
  // A closed period (a quarter, N10) takes no more answers, even from a dialog opened before it closed.
  if (reviewEditPermission(submittedAt, state.deadline, now.toISOString(), state.closedAt) === "locked") return { status: "locked" };
  const { column } = input;
  const at = sqlInstant(now);
  // An upsert: the first answer creates the row, and the secretary may have created it meanwhile (M12, the Ho Chi
  // Minh actions on one's behalf).
  const upsert = query(
    db,
    `INSERT INTO "SelfReview" ("id", "periodId", "memberId", "${column}", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("periodId", "memberId") DO UPDATE SET "${column}" = excluded."${column}", "updatedAt" = excluded."updatedAt" RETURNING "id"`,
    idRow,
  );
  const audit = auditWriter(db);
  await durably(db, () => {
    const { id } = upsert.get(newId(), input.periodId, input.memberId, input.value, at, at)!; // an upsert returns its row
    if (submittedAt)
      audit(
        {
          actorId: input.actorId ?? null,
          action: "review.edited",
          entity: "SelfReview",
          entityId: id,
          data: { memberId: input.memberId, part: input.part },
        },
        now,
      );
  });
  return { status: "saved" };
}

export type SubmitResult<P = ReviewPart> =
  | { status: "submitted"; late: boolean; resubmitted: boolean; review: ReviewRow }
  | { status: "incomplete"; missing: P[] }
  | { status: "locked" };

/**
 * Submits the review. T2: after the deadline it is kept and marked late, never refused. A re-confirmation
 * after an edit (before the deadline) keeps the first submission time; after the deadline it is locked.
 */
export function submitReview(
  db: Db,
  input: { periodId: string; memberId: string; actorId?: string | null },
  now: Date,
  deadline: string,
): Promise<SubmitResult> {
  return submitWith(db, input, now, deadline, (_, draft) => missingParts(draft));
}

/** submitReview with the review's own completeness check: what is still missing in the stored row (empty: complete). */
export async function submitWith<P>(
  db: Db,
  input: { periodId: string; memberId: string; actorId?: string | null },
  now: Date,
  deadline: string,
  missingOf: (stored: StoredReview | null, draft: ReviewRow | null) => P[],
): Promise<SubmitResult<P>> {
  const select = query(db, REVIEW_WITH_COLUMNS, recordAndColumns);
  const update = query(
    db,
    'UPDATE "SelfReview" SET "submittedAt" = ?, "late" = ?, "updatedAt" = ? WHERE "id" = ? RETURNING *',
    reviewRecord,
  );
  const audit = auditWriter(db);
  const period = query(db, 'SELECT "closedAt" FROM "ReviewPeriod" WHERE "id" = ?', closedRow);
  // Read, check and write in one transaction (straight to SQLite, store/sqlite/; durable when this returns).
  return durably(db, (): SubmitResult<P> => {
    const read = select.get(input.periodId, input.memberId);
    const existing = read?.record;
    const draft = existing ? toRow(existing) : null;
    const missing = missingOf(read?.stored ?? null, draft);
    if (!existing || !draft || missing.length > 0) return { status: "incomplete", missing };
    const resubmitted = draft.submittedAt !== null;
    const closedAt = period.get(input.periodId)?.closedAt ?? null;
    if (reviewEditPermission(draft.submittedAt, deadline, now.toISOString(), closedAt) === "locked") return { status: "locked" };
    const submittedAt = draft.submittedAt ?? now.toISOString();
    const late = isLate(submittedAt, deadline);
    const row = update.get(sqlInstant(new Date(submittedAt)), late ? 1 : 0, sqlInstant(now), existing.id)!; // the row just read
    audit(
      {
        actorId: input.actorId ?? null,
        action: resubmitted ? "review.reconfirmed" : "review.submitted",
        entity: "SelfReview",
        entityId: existing.id,
        data: { memberId: input.memberId, late },
      },
      now,
    );
    return { status: "submitted", late, resubmitted, review: toRow(row) };
  });
}

/** Every review row of a period, drafts included (submittedAt null), without any text. */
export async function listSubmissions(db: Db, periodId: string): Promise<SubmissionRow[]> {
  const rows = await db.selfReview.findMany({
    where: { periodId },
    select: { memberId: true, submittedAt: true, late: true, updatedAt: true },
    orderBy: { memberId: "asc" },
  });
  return rows.map((r) => ({ memberId: r.memberId, submittedAt: iso(r.submittedAt), late: r.late, updatedAt: iso(r.updatedAt) }));
}

export type ViewerAccess = { status: "forbidden" } | { status: "ok"; review: ReviewRow | null };

/**
 * Review text is visible to the member themselves, their branch's secretary and branch committee only.
 * Without a periodId, the member's branch's open period.
 */
export async function getReviewForViewer(db: Db, viewerUserId: string, memberId: string, periodId?: string): Promise<ViewerAccess> {
  const member = await db.member.findUnique({ where: { id: memberId }, select: { orgId: true, userId: true } });
  if (!member) return { status: "forbidden" };
  const isSelf = member.userId !== null && member.userId === viewerUserId;
  const grant = isSelf
    ? null
    : await db.roleGrant.findFirst({
        where: { userId: viewerUserId, orgId: member.orgId, role: { in: ["secretary", "committee"] } },
        select: { id: true },
      });
  if (!isSelf && !grant) return { status: "forbidden" };
  const period = periodId
    ? { id: periodId }
    : await db.reviewPeriod.findFirst({ where: { orgId: member.orgId, closedAt: null }, orderBy: CURRENT_FIRST, select: { id: true } });
  if (!period) return { status: "ok", review: null };
  return { status: "ok", review: await getReview(db, period.id, memberId) };
}

export type ReviewerContext = {
  memberId: string;
  fullName: string;
  isLeader: boolean;
  orgId: string;
  orgName: string;
  period: { id: string; year: number; selfReviewDeadline: string } | null;
};

const reviewerRow = row({
  memberId: text,
  fullName: text,
  isLeader: flag,
  orgId: text,
  orgName: text,
  periodId: optionalText,
  year: optionalInteger,
  deadline: optionalInstant,
});

/** What the self-review needs to know about the writer, in one statement: who, which branch, which open period. */
export async function reviewerContext(db: Db, memberId: string): Promise<ReviewerContext | null> {
  const select = query(
    db,
    `SELECT m."id" AS memberId, m."fullName" AS fullName, m."isLeader" AS isLeader, m."orgId" AS orgId, o."name" AS orgName,
            p."id" AS periodId, p."year" AS year, p."selfReviewDeadline" AS deadline
       FROM "Member" m JOIN "Organization" o ON o."id" = m."orgId"
       LEFT JOIN "ReviewPeriod" p ON p."id" = (
         SELECT q."id" FROM "ReviewPeriod" q WHERE q."orgId" = m."orgId" AND q."closedAt" IS NULL ORDER BY q."year" DESC, q."quarter" DESC LIMIT 1)
      WHERE m."id" = ?`,
    reviewerRow,
  );
  const row = select.get(memberId);
  if (!row) return null;
  const { periodId, year, deadline, ...member } = row;
  return { ...member, period: periodId && year !== null && deadline ? { id: periodId, year, selfReviewDeadline: deadline } : null };
}
