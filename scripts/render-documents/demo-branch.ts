// A small branch under a base committee, with realistic Vietnamese names, every member kind, secret ballots and a
// show of hands with an L4 ground, rated by the real rules: what the rendered documents are made from.
import type { TallyInput } from "../../domain";
import type { Db } from "../../store/client";
import { createOrganization } from "../../store/orgs";
import { evaluateBranch } from "../../store/results";
import { recordHcmPresented, recordTally, setHcmAcknowledged } from "../../store/tallies";
import { type SeedMember, seedBranch } from "../../test/support/seed";
import { REVIEW_OFFSET } from "../../test/support/time-zone";

const NOW = new Date("2026-12-25T02:00:00.000Z");
const SECRETARY_TELEGRAM_ID = 501;

const MEMBERS: SeedMember[] = [
  {
    fullName: "Nguyễn Thị Thu Hường",
    kind: "official",
    group: "1",
    isLeader: true,
    telegramId: SECRETARY_TELEGRAM_ID,
    roles: ["secretary"],
  },
  { fullName: "Trần Quốc Việt", kind: "official", group: "1", isLeader: true },
  { fullName: "Lê Thị Ánh Tuyết", kind: "official", group: "1" },
  { fullName: "Phạm Đức Thắng", kind: "official", group: "1" },
  { fullName: "Hoàng Văn Ứng", kind: "official", group: "2" },
  { fullName: "Đỗ Thị Ngọc Diệp", kind: "official", group: "2" },
  { fullName: "Vũ Mạnh Cường", kind: "official", group: "2" },
  { fullName: "Bùi Thị Hằng Nga", kind: "official", group: "2" },
  { fullName: "Đặng Văn Khởi", kind: "official", group: "2", retiredNotMoved: true },
  { fullName: "Ngô Thị Quỳnh Như", kind: "probationary", group: "1" },
  { fullName: "Dương Văn Lượng", kind: "official", group: "2", exempt: true },
];

const secret = (L1: number, L2: number, L3: number, L4: number): TallyInput => ({
  method: "secret",
  official: 10,
  present: 9,
  valid: 9,
  votes: { L1, L2, L3, L4 },
});

const TALLIES: Record<string, TallyInput> = {
  "Nguyễn Thị Thu Hường": secret(8, 1, 0, 0),
  "Trần Quốc Việt": secret(7, 2, 0, 0),
  "Lê Thị Ánh Tuyết": secret(6, 3, 0, 0),
  "Phạm Đức Thắng": secret(1, 7, 1, 0),
  "Hoàng Văn Ứng": secret(0, 6, 3, 0),
  "Đỗ Thị Ngọc Diệp": secret(0, 6, 3, 0),
  "Vũ Mạnh Cường": {
    method: "hands",
    official: 10,
    present: 9,
    valid: 9,
    votes: { L1: 0, L2: 0, L3: 2, L4: 7 },
    l4Grounds: ["caused-disunity"],
  },
  "Bùi Thị Hằng Nga": secret(0, 8, 1, 0),
  "Ngô Thị Quỳnh Như": secret(0, 5, 4, 0),
};

export const DEMO_SELF_REVIEW = {
  contentA:
    "Luôn giữ vững lập trường tư tưởng chính trị, kiên định mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội.\nChấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
  contentB: "Giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực; không vi phạm những điều đảng viên không được làm.",
  contentC:
    "Hoàn thành đúng tiến độ các nhiệm vụ chuyên môn được giao trong năm: tham mưu 12 văn bản, tổ chức 3 hội nghị chuyên đề; tham gia đầy đủ các buổi sinh hoạt chi bộ.",
  contentD: "Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; đóng đảng phí đầy đủ, đúng hạn.",
  hcmActions: "Thực hành tiết kiệm, chống lãng phí trong sử dụng văn phòng phẩm và điện năng tại cơ quan.",
  selfRating: "L2",
};

/** Seeds the branch, records its tallies and rates it; returns what the documents need. */
export async function seedDemoBranch(db: Db) {
  const parent = await createOrganization(db, { name: "Đảng ủy Sở Tài chính", kind: "base-committee" }, null, NOW);
  const ids = await seedBranch(db, { name: "Chi bộ Văn phòng Sở", members: MEMBERS, parentId: parent.id, now: NOW });
  const actorId = ids.userIds["Nguyễn Thị Thu Hường"]!;
  for (const [name, tally] of Object.entries(TALLIES)) {
    const memberId = ids.memberIds[name]!;
    await recordHcmPresented(db, ids.periodId, memberId, actorId, NOW);
    await recordTally(db, { periodId: ids.periodId, memberId, slot: 1, tally, enteredById: actorId }, NOW);
  }
  const counted = Object.keys(TALLIES).map((name) => ids.memberIds[name]!);
  await setHcmAcknowledged(db, { periodId: ids.periodId, memberIds: counted, acknowledged: true }, actorId, NOW); // M12
  await evaluateBranch(db, { periodId: ids.periodId, actorId }, NOW, REVIEW_OFFSET);
  const author = ids.memberIds["Lê Thị Ánh Tuyết"]!;
  await db.selfReview.update({
    where: { periodId_memberId: { periodId: ids.periodId, memberId: author } },
    data: { ...DEMO_SELF_REVIEW, submittedAt: NOW },
  });
  return { periodId: ids.periodId, authorId: author, now: NOW };
}
