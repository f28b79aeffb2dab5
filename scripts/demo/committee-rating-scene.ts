// Issue 12 in the demo: the committee recognizes both branches' results (the members' 15% counted across the
// committee), the branches and the committee score themselves (B.I), the committee recognizes the branches' ratings
// and reads its reward lists (C).
import { COMMITTEE } from "./committee-scene";
import type { Scene } from "./scene";
import type { DemoWorld, Person } from "./world";

type Scoring = { points: number[]; actions: string; attendance: string };

/** /score answered: the seven tasks, the Ho Chi Minh actions, the yes/no facts, the attendance; then «Lưu». */
async function score(w: DemoWorld, who: Person, s: Scoring): Promise<void> {
  await w.say(who, "/score", /Nhiệm vụ 1\/7/);
  for (const [i, points] of s.points.entries()) {
    await w.say(who, String(points), i + 1 < s.points.length ? new RegExp(`Nhiệm vụ ${i + 2}/7`) : /Những việc làm cụ thể/);
  }
  await w.say(who, s.actions, /Cơ quan chuyên môn/);
  await w.press(who, "Có", /bị kỷ luật từ khiển trách/);
  await w.press(who, "Không", /sinh hoạt đều, đúng quy định/);
  await w.press(who, "Có", /Tỷ lệ đảng viên dự sinh hoạt/);
  await w.say(who, s.attendance, /mất đoàn kết kéo dài/);
  await w.press(who, "Không", /tham nhũng, tiêu cực/);
  await w.press(who, "Không", /điểm/);
  await w.press(who, "Lưu", /Đã lưu bản tự chấm điểm/);
}

/** A committee member's /orgs: open an organization's rating and recognize it. */
async function recognizeRating(w: DemoWorld, who: Person, org: string): Promise<void> {
  await w.say(who, "/orgs", /chờ công nhận/);
  await w.press(who, new RegExp(`^${org}`), /Tình trạng: chờ công nhận/);
  await w.press(who, "Công nhận", /Đã công nhận/);
}

export const recognizeScene: Scene = {
  title: `12. Ủy viên đảng ủy Lan công nhận kết quả xếp loại đảng viên của hai chi bộ (/recognize); tỷ lệ 15% tính chung toàn đảng bộ`,
  async play(w) {
    await w.say("Vũ Thị Lan", "/recognize", /Các chi bộ trực thuộc có kết quả xếp loại/);
    await w.press("Vũ Thị Lan", "Công nhận tất cả — Chi bộ Kế hoạch", /Đã công nhận/);
    // M8: more excellent by vote than the committee's 15% allows: the cut is shown and held until it is applied.
    await w.press("Vũ Thị Lan", "Công nhận tất cả — Chi bộ Văn phòng Sở", /chưa được công nhận/);
    await w.press("Vũ Thị Lan", "Áp dụng giới hạn 15%", /Đảng ủy đã áp dụng giới hạn/);
    await w.say("Vũ Thị Lan", "/recognize", /Chi bộ Văn phòng Sở: 1 chờ công nhận/);
    await w.press("Vũ Thị Lan", "Công nhận tất cả — Chi bộ Văn phòng Sở", /Đã công nhận 1 kết quả/);
  },
};

export const branchScoreScene: Scene = {
  title: "13. Hai chi bộ tự chấm điểm chất lượng tổ chức đảng (/score): 7 nhiệm vụ, điều kiện, khuyết điểm",
  async play(w) {
    await score(w, "Trần Thị Bình", {
      points: [28, 14, 14, 9, 9, 5, 14],
      actions: "Mỗi đảng viên đăng ký một việc làm theo gương Bác; chi bộ sơ kết hằng quý.",
      attendance: "4/4, 4/4, 3/4, 4/4",
    });
    await score(w, "Đỗ Thị Hoa", {
      points: [29, 14, 15, 9, 10, 5, 14],
      actions: "Chi bộ học chuyên đề hằng năm; đảng viên tham gia hiến máu, giúp gia đình khó khăn.",
      attendance: "3/3, 3/3, 3/3, 2/3",
    });
  },
};

export const committeeScoreScene: Scene = {
  title: `14. ${COMMITTEE} công nhận xếp loại hai chi bộ (/orgs), rồi tự chấm điểm đảng ủy (/score)`,
  async play(w) {
    await recognizeRating(w, "Vũ Thị Lan", "Chi bộ Văn phòng Sở");
    await recognizeRating(w, "Vũ Thị Lan", "Chi bộ Kế hoạch");
    await score(w, "Phạm Minh Hùng", {
      points: [27, 14, 14, 9, 9, 5, 13],
      actions: "Đảng ủy ban hành kế hoạch làm theo gương Bác; các chi bộ đều có việc làm cụ thể.",
      attendance: "92%",
    });
  },
};

export const rewardsScene: Scene = {
  title: `15. ${COMMITTEE} xem danh sách đề nghị khen thưởng (/rewards)`,
  async play(w) {
    w.transcript.note(
      "Đảng ủy chưa nhập kết quả các năm trước và đăng ký thi đua (/rewardimport): danh sách nêu rõ vì sao từng tổ chức chưa đủ điều kiện.",
    );
    await w.say("Vũ Thị Lan", "/rewards", /Thi đua, khen thưởng năm 2026/);
  },
};
