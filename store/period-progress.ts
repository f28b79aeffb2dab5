// Where each member of a period stands right now (T2, M2, M3): what the scheduler decides whom to remind and
// whom to report from. Reads SelfReview rows without any of their text.
import type { MemberKind } from "../domain/levels";
import { submissionStateAt, type SubmissionState } from "../domain/submission";
import type { Db } from "./client";
import { deliveriesOf } from "./member-accounts";
import { toRow, type PeriodRow } from "./periods";
import { notEvaluatedUnder } from "./status";

/** A period with its branch's name: what the scheduler's messages need. */
export type PeriodInfo = PeriodRow & { orgName: string };

export type MemberProgress = {
  memberId: string;
  fullName: string;
  userId: string | null;
  unreachable: boolean;
  state: SubmissionState;
  late: boolean;
  submittedAt: string | null;
};

type PeriodWithOrg = Parameters<typeof toRow>[0] & { org: { name: string } };

export function toPeriodInfo({ org, ...period }: PeriodWithOrg): PeriodInfo {
  return { ...toRow(period), orgName: org.name };
}

/**
 * The open periods of branches where at least one member has joined: a branch with no members, or whose roster
 * nobody has claimed (a junk branch from anyone's /setup), has nobody to remind and is never swept.
 */
export async function openPeriodsWithJoinedMembers(db: Db): Promise<PeriodInfo[]> {
  const rows = await db.reviewPeriod.findMany({
    where: { closedAt: null, org: { members: { some: { userId: { not: null } } } } },
    include: { org: { select: { name: true } } },
  });
  return rows.map(toPeriodInfo);
}

export async function periodInfo(db: Pick<Db, "reviewPeriod">, periodId: string): Promise<PeriodInfo | null> {
  const row = await db.reviewPeriod.findUnique({ where: { id: periodId }, include: { org: { select: { name: true } } } });
  return row ? toPeriodInfo(row) : null;
}

type ProgressReader = Pick<Db, "member" | "selfReview" | "meetingAbsence" | "user" | "memberAccount">;

/** The members of the period's branch (or only `memberIds`) with their submission state at `now`, in roster order. */
export async function periodProgress(db: ProgressReader, period: PeriodInfo, now: Date, memberIds?: string[]): Promise<MemberProgress[]> {
  const only = memberIds && { memberId: { in: memberIds } };
  const [members, reviews, absences] = await Promise.all([
    db.member.findMany({
      where: { orgId: period.orgId, ...(memberIds && { id: { in: memberIds } }) },
      select: {
        id: true,
        fullName: true,
        kind: true,
        exempt: true,
        suspended: true,
        admittedOn: true,
        retiredNotMoved: true,
        isLeader: true,
        userId: true,
        user: { select: { unreachableAt: true, notifyChannel: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.selfReview.findMany({ where: { periodId: period.id, ...only }, select: { memberId: true, submittedAt: true, late: true } }),
    db.meetingAbsence.findMany({ where: { periodId: period.id, ...only }, select: { memberId: true } }),
  ]);
  // Reachable where their messages go: a person who chose their other channel (issue 14) is asked there.
  const elsewhere = await deliveriesOf(
    db,
    members.flatMap((m) => (m.user?.notifyChannel ? [m.userId!] : [])),
  );
  const reviewOf = new Map(reviews.map((r) => [r.memberId, r]));
  const absent = new Set(absences.map((a) => a.memberId));
  const deadlineMs = Date.parse(period.selfReviewDeadline);
  // N1's six months counted to the UTC day: off by a few hours at most on the one boundary day.
  const today = now.toISOString().slice(0, 10);
  return members.map((m) => {
    const review = reviewOf.get(m.id);
    const submittedAt = review?.submittedAt?.toISOString() ?? null;
    const status = {
      kind: m.kind as MemberKind,
      exempt:
        m.exempt ||
        notEvaluatedUnder(period.rulebookId, { suspended: m.suspended, admittedOn: m.admittedOn?.toISOString() ?? null }, today),
      retiredNotMoved: m.retiredNotMoved,
      workingAwayMonths: 0,
      isLeader: m.isLeader,
    };
    return {
      memberId: m.id,
      fullName: m.fullName,
      userId: m.userId,
      unreachable: m.userId !== null && elsewhere.has(m.userId) ? elsewhere.get(m.userId)!.unreachable : m.user?.unreachableAt != null,
      state: submissionStateAt(status, review && { submittedAt }, absent.has(m.id), deadlineMs, now.getTime()),
      late: review?.late ?? false,
      submittedAt,
    };
  });
}
