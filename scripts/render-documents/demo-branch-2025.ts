// A small branch on the 366 rulebook under a base committee: self-scores on forms 2A/2B/2C, the committee's
// appraisals, the meeting's opinions and the branch's proposals written by the real store, then the base committee
// recognizes some as proposed and decides one otherwise. What the 366 papers are rendered and tested from.
import type { FixStatus, MemberLevel, NotCompletedGround, ReviewForm } from "../../domain";
import { qd366_2025 } from "../../domain/rulebooks";
import { EXAMPLE_SCORE_ITEMS, type ItemScores } from "../../domain/score-items";
import type { TaskResults } from "../../domain/task-results";
import { recordAppraisal, recordMeetingOpinion, recordProposal } from "../../store/appraisals";
import type { Db } from "../../store/client";
import { decideLevelOtherwise } from "../../store/decision-2025";
import { createOrganization } from "../../store/orgs";
import { recognizeResults } from "../../store/recognition";
import { type SeedMember, seedBranch } from "../../test/support/seed";
import { REVIEW_OFFSET } from "../../test/support/time-zone";

const NOW = new Date("2026-12-25T02:00:00.000Z");
const SECRETARY_TELEGRAM_ID = 502;
export const DEMO_2025_DECISION_NOTE = "Hai nhiệm vụ hoàn thành chậm so với kế hoạch của cơ quan.";

const MEMBERS: SeedMember[] = [
  { fullName: "Nguyễn Thị Thu Hường", kind: "official", isLeader: true, telegramId: SECRETARY_TELEGRAM_ID, roles: ["secretary"] },
  { fullName: "Trần Quốc Việt", kind: "official", isLeader: true },
  { fullName: "Lê Thị Ánh Tuyết", kind: "official" },
  { fullName: "Phạm Đức Thắng", kind: "official" },
  { fullName: "Hoàng Văn Ứng", kind: "official", form: "2C", specialCase: "sick" },
  { fullName: "Vũ Mạnh Cường", kind: "official" },
  { fullName: "Đỗ Thị Ngọc Diệp", kind: "official" },
  { fullName: "Ngô Thị Quỳnh Như", kind: "probationary", admittedOn: "2026-09-02" },
  { fullName: "Dương Văn Lượng", kind: "official", exempt: true },
];

const tasks = (assigned: number, late: number, exceeded: number): TaskResults => ({
  assigned,
  onTime: assigned - late,
  late,
  notDone: 0,
  exceeded,
});

type Step = {
  /** The member's self-score (null: not submitted). */
  self: { total: number; level: MemberLevel } | null;
  appraised: number;
  tasks: TaskResults;
  fixStatus?: FixStatus;
  grounds?: NotCompletedGround[];
  meeting?: string | null;
  /** Another level than the appraisal gives, with the branch's reason. */
  proposal?: { level: MemberLevel; note: string };
};

const STEPS: Record<string, Step> = {
  "Nguyễn Thị Thu Hường": { self: { total: 95, level: "L1" }, appraised: 95, tasks: tasks(12, 0, 5), fixStatus: "fixed" },
  "Trần Quốc Việt": {
    self: { total: 92, level: "L1" },
    appraised: 88,
    tasks: tasks(10, 0, 2),
    meeting: "Nhất trí với chi ủy: điểm thẩm định dưới 90 do chưa có sản phẩm vượt mức đủ tỷ lệ.",
  },
  "Lê Thị Ánh Tuyết": { self: { total: 82, level: "L2" }, appraised: 82, tasks: tasks(8, 0, 1) },
  "Phạm Đức Thắng": { self: { total: 76, level: "L2" }, appraised: 76, tasks: tasks(9, 0, 0) },
  "Hoàng Văn Ứng": { self: { total: 65, level: "L3" }, appraised: 65, tasks: tasks(5, 1, 0) },
  "Vũ Mạnh Cường": {
    self: { total: 72, level: "L2" },
    appraised: 60,
    tasks: tasks(8, 1, 0),
    grounds: ["forbidden-with-harm"],
    meeting: "Hội nghị nhất trí đề nghị mức không hoàn thành nhiệm vụ.",
  },
  "Đỗ Thị Ngọc Diệp": {
    self: null,
    appraised: 78,
    tasks: tasks(7, 0, 0),
    proposal: { level: "L3", note: "Không nộp bản tự kiểm điểm đúng thời hạn, tham gia sinh hoạt chi bộ chưa đầy đủ." },
  },
};

/** Item scores of `form` adding up to `total`: every general item, then the task items in order (N3). */
function itemScores(form: ReviewForm, total: number): ItemScores {
  let left = total;
  const scores: Record<string, number> = {};
  for (const item of EXAMPLE_SCORE_ITEMS[form]) {
    const points = Math.min(item.points, left);
    if (!item.graded && points < item.points) continue;
    scores[item.id] = points;
    left -= points;
  }
  return scores;
}

/** Seeds the branch and its steps; returns what the papers need. */
export async function seedDemoBranch2025(db: Db) {
  const parent = await createOrganization(db, { name: "Đảng ủy Sở Tài chính", kind: "base-committee" }, null, NOW);
  const ids = await seedBranch(db, {
    name: "Chi bộ Văn phòng Sở",
    members: MEMBERS,
    parentId: parent.id,
    now: NOW,
    rulebookId: qd366_2025.id,
    outsiders: [{ telegramId: 901, roles: ["committee"] }],
  });
  const { periodId } = ids;
  const actorId = ids.userIds["Nguyễn Thị Thu Hường"]!;
  for (const [name, step] of Object.entries(STEPS)) {
    const memberId = ids.memberIds[name]!;
    const form = MEMBERS.find((m) => m.fullName === name)!.form ?? (MEMBERS.find((m) => m.fullName === name)!.isLeader ? "2A" : "2B");
    if (step.self)
      await db.selfReview.create({
        data: {
          periodId,
          memberId,
          submittedAt: new Date("2026-12-10T03:00:00Z"),
          form,
          scores: JSON.stringify(itemScores(form as ReviewForm, step.self.total)),
          taskResults: JSON.stringify(step.tasks),
          fixStatus: step.fixStatus ?? "none",
          selfRating: step.self.level,
        },
      });
    const appraisal = {
      periodId,
      memberId,
      score: step.appraised,
      tasks: step.tasks,
      fixStatus: step.fixStatus ?? "none",
      grounds: step.grounds ?? [],
      residenceComment: true,
      temporaryBranchComment: false,
    };
    await recordAppraisal(db, appraisal, actorId, NOW, REVIEW_OFFSET);
    await recordMeetingOpinion(db, { periodId, memberId, note: step.meeting ?? null }, actorId, NOW);
    const proposed = await recordProposal(
      db,
      { periodId, memberId, level: step.proposal?.level ?? null, note: step.proposal?.note ?? null },
      actorId,
      NOW,
      REVIEW_OFFSET,
    );
    if (!proposed.ok) throw new Error(`demo 2025: ${name} not proposed: ${proposed.error}`);
  }
  // N7 step 3: the base committee recognizes two as proposed and decides one otherwise; the rest wait.
  const committeeUser = await db.user.findFirstOrThrow({ where: { telegramId: "901" } });
  const memberId = (name: string) => ids.memberIds[name]!;
  await recognizeResults(
    db,
    { periodId, memberIds: [memberId("Trần Quốc Việt"), memberId("Vũ Mạnh Cường")], actorId: committeeUser.id },
    NOW,
  );
  const decided = await decideLevelOtherwise(
    db,
    { periodId, memberId: memberId("Lê Thị Ánh Tuyết"), level: "L3", note: DEMO_2025_DECISION_NOTE, actorId: committeeUser.id },
    NOW,
    REVIEW_OFFSET,
  );
  if (!decided.ok) throw new Error(`demo 2025: decision refused: ${decided.error}`);
  return { ...ids, now: NOW };
}
