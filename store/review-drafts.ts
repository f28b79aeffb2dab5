// A text part of the self-review written message by message. The stored row is the only copy of what the member
// wrote: each message is added to it at once (durable before the bot answers), and a message handled a second
// time after a crash (the inbox re-handles what a kill interrupted) is recognised by its id and not added twice.
// An edit collects the new text beside the old (pendingPart/pendingText) and replaces it only when the member
// presses Done, so an edit given up halfway loses nothing. Review texts leave this file only as lengths.
import { joinPartText, reviewEditPermission, type TextPart } from "../domain/self-review-parts";
import type { FormTextPart } from "../domain/self-score-parts";
import { MAX_REVIEW_CHARS } from "../domain/schemas";
import { auditWriter } from "./audit";
import type { Db } from "./client";
import {
  durably,
  flag,
  idRow,
  instant,
  integer,
  optionalInstant,
  optionalInteger,
  optionalText,
  query,
  row,
  sqlInstant,
  statement,
  text,
} from "./sqlite";
import { newId } from "./ids";
import { channelOf } from "./member-accounts";
import { PART_COLUMN } from "./reviews";
import { FORM_PART_COLUMN } from "./score-reviews";

/** A part written message by message: the 2011 review's texts and the written parts of the 2025 forms. */
export type DraftPart = TextPart | FormTextPart;
const TEXT_COLUMN: Readonly<Record<DraftPart, string>> = {
  a: PART_COLUMN.a,
  b: PART_COLUMN.b,
  c: PART_COLUMN.c,
  d: PART_COLUMN.d,
  hcm: PART_COLUMN.hcm,
  ...FORM_PART_COLUMN,
};

export type DraftKey = { periodId: string; memberId: string; actorId?: string | null };
/** `first`: the message began the part (or the edit's new text), the moment the member is told how to go on. */
export type AppendResult =
  | { status: "saved"; length: number; first: boolean }
  | { status: "too_long"; length: number }
  | { status: "locked" };

const draftState = row({
  id: optionalText,
  deadline: instant,
  closedAt: optionalInstant,
  submittedAt: optionalInstant,
  current: optionalText,
  pendingPart: optionalText,
  pendingText: optionalText,
  lastMessageId: optionalInteger,
});

function draftReader(db: Db, part: DraftPart) {
  const select = query(
    db,
    `SELECT r."id" AS id, p."selfReviewDeadline" AS deadline, p."closedAt" AS closedAt, r."submittedAt" AS submittedAt,
            r."${TEXT_COLUMN[part]}" AS current,
            r."pendingPart" AS pendingPart, r."pendingText" AS pendingText, r."lastMessageId" AS lastMessageId
       FROM "ReviewPeriod" p LEFT JOIN "SelfReview" r ON r."periodId" = p."id" AND r."memberId" = ? WHERE p."id" = ?`,
    draftState,
  );
  return (key: DraftKey, now: Date) => {
    const state = select.get(key.memberId, key.periodId);
    if (!state) throw new Error(`unknown review period ${key.periodId}`);
    // A closed period (a quarter, N10) takes no more text, even from a dialog opened before it closed.
    return { ...state, locked: reviewEditPermission(state.submittedAt, state.deadline, now.toISOString(), state.closedAt) === "locked" };
  };
}

/**
 * Where Zalo messages' keys start. A person may write from Telegram and from Zalo (issue 14), whose message ids are
 * counted apart and meet; a Zalo message's key is its id moved above any id a Telegram private chat reaches (a
 * billion messages), so the keys of the two chats never collide and each grows on its own side of this line.
 */
const ZALO_MESSAGE_KEYS = 2 ** 30;

/** A chat message's key among its member's messages (ReviewMessage.messageId, SelfReview.lastMessageId). */
export function messageKey(chatId: number, messageId: number): number {
  return channelOf(chatId) === "zalo" ? ZALO_MESSAGE_KEYS + messageId : messageId;
}

/**
 * Adds one message to a part (or, during an edit, to the part's new text). `messageId` is the chat message's id,
 * which only grows within a chat: a message at or below the last one added from the same chat was added already;
 * after one from the member's other chat, whether it was is read from where it was placed.
 */
export async function appendToPart(
  db: Db,
  input: DraftKey & { part: DraftPart; text: string; chatId: number; messageId: number; editing: boolean },
  now: Date,
): Promise<AppendResult> {
  const key = messageKey(input.chatId, input.messageId);
  const placed = query(db, 'SELECT "id" FROM "ReviewMessage" WHERE "memberId" = ? AND "messageId" = ?', idRow);
  const read = draftReader(db, input.part);
  const create = statement(
    db,
    'INSERT INTO "SelfReview" ("id", "periodId", "memberId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const column = TEXT_COLUMN[input.part];
  const writePart = query(
    db,
    `UPDATE "SelfReview" SET "${column}" = ?, "lastMessageId" = ?, "updatedAt" = ? WHERE "periodId" = ? AND "memberId" = ? RETURNING "id"`,
    idRow,
  );
  const writePending = statement(
    db,
    'UPDATE "SelfReview" SET "pendingPart" = ?, "pendingText" = ?, "lastMessageId" = ?, "updatedAt" = ? WHERE "periodId" = ? AND "memberId" = ?',
  );
  const place = placeMessage(db);
  const audit = auditWriter(db);
  const at = sqlInstant(now);
  return durably(db, (): AppendResult => {
    const state = read(input, now);
    if (state.locked) return { status: "locked" };
    const base = input.editing ? (state.pendingPart === input.part ? state.pendingText : null) : state.current;
    // Handled again after a kill: it was first if the part holds nothing else (its reply may never have gone out).
    const last = state.lastMessageId;
    const sameChat = last !== null && last >= ZALO_MESSAGE_KEYS === key >= ZALO_MESSAGE_KEYS;
    if (last !== null && (sameChat ? key <= last : placed.get(input.memberId, key) !== undefined))
      return { status: "saved", length: base?.length ?? 0, first: base === input.text };
    const joined = joinPartText(base, input.text, MAX_REVIEW_CHARS);
    if (joined === null) return { status: "too_long", length: base?.length ?? 0 };
    if (state.id === null) create.run(newId(), input.periodId, input.memberId, at, at);
    place.run(
      newId(),
      input.periodId,
      input.memberId,
      input.part,
      input.editing ? 1 : 0,
      key,
      joined.length - input.text.length,
      input.text.length,
    );
    if (input.editing) {
      writePending.run(input.part, joined, key, at, input.periodId, input.memberId);
    } else {
      const written = writePart.get(joined, key, at, input.periodId, input.memberId);
      if (state.submittedAt && written) audit(editedEvent(input, written.id), now);
    }
    return { status: "saved", length: joined.length, first: !base };
  });
}

/** An edit of a part begins: nothing collected yet (what an earlier, abandoned edit collected is dropped). */
export async function beginPartEdit(db: Db, key: DraftKey, part: DraftPart): Promise<void> {
  const reset = statement(db, 'UPDATE "SelfReview" SET "pendingPart" = ?, "pendingText" = NULL WHERE "periodId" = ? AND "memberId" = ?');
  const forget = statement(db, 'DELETE FROM "ReviewMessage" WHERE "periodId" = ? AND "memberId" = ? AND "pending" = 1');
  await durably(db, () => {
    reset.run(part, key.periodId, key.memberId);
    forget.run(key.periodId, key.memberId);
  });
}

/** Done: the collected text replaces the part; "unchanged" when nothing was sent during the edit. */
export async function finishPartEdit(db: Db, key: DraftKey, part: DraftPart, now: Date): Promise<"saved" | "unchanged" | "locked"> {
  const read = draftReader(db, part);
  const replace = statement(
    db,
    `UPDATE "SelfReview" SET "${TEXT_COLUMN[part]}" = "pendingText", "pendingPart" = NULL, "pendingText" = NULL, "updatedAt" = ?
      WHERE "periodId" = ? AND "memberId" = ?`,
  );
  const dropOld = statement(db, 'DELETE FROM "ReviewMessage" WHERE "periodId" = ? AND "memberId" = ? AND "part" = ? AND "pending" = 0');
  const adopt = statement(
    db,
    'UPDATE "ReviewMessage" SET "pending" = 0 WHERE "periodId" = ? AND "memberId" = ? AND "part" = ? AND "pending" = 1',
  );
  const audit = auditWriter(db);
  return durably(db, () => {
    const state = read(key, now);
    if (state.locked) return "locked";
    if (state.id === null || state.pendingPart !== part || !state.pendingText) return "unchanged";
    replace.run(sqlInstant(now), key.periodId, key.memberId);
    dropOld.run(key.periodId, key.memberId, part);
    adopt.run(key.periodId, key.memberId, part);
    if (state.submittedAt) audit(editedEvent({ ...key, part }, state.id), now);
    return "saved";
  });
}

/** Where a message's text sits in its part: recorded with the text, in the same durable write. */
function placeMessage(db: Db) {
  return statement(
    db,
    `INSERT INTO "ReviewMessage" ("id", "periodId", "memberId", "part", "pending", "messageId", "start", "length")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
}

const placedMessage = row({
  periodId: text,
  part: text,
  pending: flag,
  start: integer,
  length: integer,
  deadline: instant,
  closedAt: optionalInstant,
  submittedAt: optionalInstant,
  reviewId: text,
  current: optionalText,
  pendingText: optionalText,
});

export type EditedResult = { status: "saved"; part: DraftPart } | { status: "too_long" | "unknown" | "locked" };

/**
 * A message the member edited in Telegram: its new text replaces the old one where that message was added (in the
 * part, or in the new text of an edit in progress), and the messages after it move by the difference. "unknown"
 * for a message that is no part's (any other message, or one whose part was rewritten since).
 */
export async function replaceEditedMessage(
  db: Db,
  input: { memberIds: readonly string[]; actorId: string | null; chatId: number; messageId: number; text: string },
  now: Date,
): Promise<EditedResult> {
  const key = messageKey(input.chatId, input.messageId);
  const columns = Object.entries(TEXT_COLUMN)
    .map(([part, column]) => `WHEN '${part}' THEN r."${column}"`)
    .join(" ");
  const find = query(
    db,
    `SELECT m."periodId" AS periodId, m."part" AS part, m."pending" AS pending, m."start" AS start, m."length" AS length,
            p."selfReviewDeadline" AS deadline, p."closedAt" AS closedAt, r."submittedAt" AS submittedAt, r."id" AS reviewId,
            CASE m."part" ${columns} END AS current, r."pendingText" AS pendingText
       FROM "ReviewMessage" m JOIN "SelfReview" r ON r."periodId" = m."periodId" AND r."memberId" = m."memberId"
       JOIN "ReviewPeriod" p ON p."id" = m."periodId"
      WHERE m."memberId" = ? AND m."messageId" = ?`,
    placedMessage,
  );
  const resize = statement(db, 'UPDATE "ReviewMessage" SET "length" = ? WHERE "memberId" = ? AND "messageId" = ?');
  const shift = statement(
    db,
    'UPDATE "ReviewMessage" SET "start" = "start" + ? WHERE "periodId" = ? AND "memberId" = ? AND "part" = ? AND "pending" = ? AND "start" > ?',
  );
  const audit = auditWriter(db);
  return durably(db, (): EditedResult => {
    for (const memberId of input.memberIds) {
      const at = find.get(memberId, key);
      if (!at) continue;
      if (reviewEditPermission(at.submittedAt, at.deadline, now.toISOString(), at.closedAt) === "locked") return { status: "locked" };
      const part = at.part as DraftPart;
      const old = at.pending ? at.pendingText : at.current;
      if (old === null || at.start + at.length > old.length) return { status: "unknown" };
      const next = old.slice(0, at.start) + input.text + old.slice(at.start + at.length);
      if (next.length > MAX_REVIEW_CHARS) return { status: "too_long" };
      const column = at.pending ? "pendingText" : TEXT_COLUMN[part];
      statement(db, `UPDATE "SelfReview" SET "${column}" = ?, "updatedAt" = ? WHERE "id" = ?`).run(next, sqlInstant(now), at.reviewId);
      resize.run(input.text.length, memberId, key);
      shift.run(input.text.length - at.length, at.periodId, memberId, part, at.pending ? 1 : 0, at.start);
      if (at.submittedAt && !at.pending)
        audit(editedEvent({ periodId: at.periodId, memberId, actorId: input.actorId, part }, at.reviewId), now);
      return { status: "saved", part };
    }
    return { status: "unknown" };
  });
}

function editedEvent(key: DraftKey & { part: DraftPart }, reviewId: string) {
  return {
    actorId: key.actorId ?? null,
    action: "review.edited",
    entity: "SelfReview",
    entityId: reviewId,
    data: { memberId: key.memberId, part: key.part },
  };
}
