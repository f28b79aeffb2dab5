// T2, M2, M3: where a member's self-review stands against its deadline. Late work is kept and marked, never refused.
import { toMs } from "./calendar";
import { isEvaluated, type MemberStatusInput } from "./member-rating";

export const SUBMISSION_STATES = [
  "submitted",
  "late",
  "missing",
  "draft",
  "pending",
  "not-evaluated",
  "deferred",
] as const;
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

/**
 * The state with the deadline and clock already parsed, for callers that classify many members at once.
 * Precedence: exempt (M2) > absent, evaluated at the next meeting (M3) > submitted or late > draft/pending/missing.
 */
export function submissionStateAt(
  member: MemberStatusInput,
  review: { submittedAt: string | null } | undefined,
  absentFromMeeting: boolean,
  deadlineMs: number,
  nowMs: number,
): SubmissionState {
  if (!isEvaluated(member)) return "not-evaluated";
  if (absentFromMeeting) return "deferred";
  if (review?.submittedAt) return toMs(review.submittedAt) > deadlineMs ? "late" : "submitted";
  if (nowMs > deadlineMs) return "missing";
  return review ? "draft" : "pending";
}

export function submissionState(input: SubmissionInput): SubmissionState {
  return submissionStateAt(
    input.member,
    input.review,
    input.absentFromMeeting ?? false,
    toMs(input.deadline),
    toMs(input.now),
  );
}
