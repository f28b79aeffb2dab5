// T2, M2, M3: where a member's self-review stands against its deadline. Late work is kept and marked, never refused.
import { toMs } from "./calendar";
import { isEvaluated, type MemberStatusInput } from "./member-rating";

export const SUBMISSION_STATES = ["submitted", "late", "missing", "draft", "pending", "not-evaluated", "deferred"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export type SubmissionInput = {
  member: MemberStatusInput;
  /** A review row exists once a draft is saved; `submittedAt` is set on submit. */
  review?: { submittedAt: string | null };
  absentFromMeeting?: boolean;
  deadline: string;
  now: string;
};

/** T2: submitted after the deadline instant (the instant itself is on time). */
export function isLate(submittedAt: string, deadline: string): boolean {
  return toMs(submittedAt) > toMs(deadline);
}

/** What the state needs of a review: whether it was submitted, and whether that was late (T2). */
export type ReviewMark = { submitted: boolean; late: boolean };

/**
 * The state of a member from their review's mark. Precedence: exempt (M2) > absent, evaluated at the next meeting
 * (M3) > submitted or late > draft/pending/missing.
 */
export function submissionStateOf(
  member: MemberStatusInput,
  review: ReviewMark | undefined,
  absentFromMeeting: boolean,
  pastDeadline: boolean,
): SubmissionState {
  if (!isEvaluated(member)) return "not-evaluated";
  if (absentFromMeeting) return "deferred";
  if (review?.submitted) return review.late ? "late" : "submitted";
  if (pastDeadline) return "missing";
  return review ? "draft" : "pending";
}

/** The state with the deadline and clock already parsed, for callers that classify many members at once. */
export function submissionStateAt(
  member: MemberStatusInput,
  review: { submittedAt: string | null } | undefined,
  absentFromMeeting: boolean,
  deadlineMs: number,
  nowMs: number,
): SubmissionState {
  const at = review?.submittedAt;
  const mark = review && { submitted: Boolean(at), late: Boolean(at) && toMs(at!) > deadlineMs };
  return submissionStateOf(member, mark, absentFromMeeting, nowMs > deadlineMs);
}

export function submissionState(input: SubmissionInput): SubmissionState {
  return submissionStateAt(input.member, input.review, input.absentFromMeeting ?? false, toMs(input.deadline), toMs(input.now));
}
