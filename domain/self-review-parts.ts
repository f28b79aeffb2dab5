// M4, M5, T2: the parts of a self-review, what is still missing, and when a member may still change it.
import { toMs } from "./calendar";
import { CONTENT_KEYS, type MemberLevel } from "./levels";

/** The order in which a member writes: the four contents (M4), the Ho Chi Minh actions (M5), the self-rating. */
export const REVIEW_PARTS = [...CONTENT_KEYS, "hcm", "rating"] as const;
export type ReviewPart = (typeof REVIEW_PARTS)[number];
export type TextPart = Exclude<ReviewPart, "rating">;

export type ReviewDraft = {
  contents: { a: string | null; b: string | null; c: string | null; d: string | null };
  hcmActions: string | null;
  selfRating: MemberLevel | null;
  submittedAt: string | null;
};

export function isReviewPart(value: unknown): value is ReviewPart {
  return typeof value === "string" && (REVIEW_PARTS as readonly string[]).includes(value);
}

export function partValue(draft: ReviewDraft, part: ReviewPart): string | null {
  if (part === "hcm") return draft.hcmActions;
  if (part === "rating") return draft.selfRating;
  return draft.contents[part];
}

/**
 * The parts still to write, in order. Decision: every member is asked for the Ho Chi Minh actions, because
 * M5/M12 block any rating of L3 or better without them; a leader is told to report concrete results.
 */
export function missingParts(draft: ReviewDraft | null): ReviewPart[] {
  return missingFrom(draft ? REVIEW_PARTS.filter((part) => partValue(draft, part)) : []);
}

/** The same, from the list of parts already written (when the texts themselves are not at hand). */
export function missingFrom(written: readonly ReviewPart[]): ReviewPart[] {
  return REVIEW_PARTS.filter((part) => !written.includes(part));
}

export type EditPermission = "allowed" | "locked";

/**
 * T2 and "edits allowed until the deadline": a submitted review can be changed up to the deadline instant;
 * afterwards it is locked. A member who never submitted may still write and submit late (kept, marked late).
 * RULES-2025 N10: a closed period (a quarter the secretary closed) takes nothing more, submitted or not.
 */
export function reviewEditPermission(
  submittedAt: string | null,
  deadline: string,
  now: string,
  periodClosedAt: string | null = null,
): EditPermission {
  if (periodClosedAt !== null) return "locked";
  if (submittedAt === null) return "allowed";
  return toMs(now) > toMs(deadline) ? "locked" : "allowed";
}

/**
 * A text part written in several messages (Telegram cuts a long paste): each message is added on a new line.
 * Null when the part would exceed `max` characters; the member is told, and the message is not added.
 */
export function joinPartText(existing: string | null, addition: string, max: number): string | null {
  const joined = existing ? `${existing}\n${addition}` : addition;
  return joined.length <= max ? joined : null;
}
