// `npm run demo -- --rules=2025` (issue 15): the same branch under Quy định 366-QĐ/TW and Hướng dẫn 43-HD/BTCTW.
// Members score themselves on their form (2A, 2B, 2C), the branch committee appraises and proposes (/appraise), the
// secretary sends the proposals up (/results), and the base committee decides (/recognize), once differently from
// the proposal, with its reason.
import { EXAMPLE_SCORE_ITEMS } from "../../domain/score-items";
import type { ReviewForm } from "../../domain/levels";
import { COMMITTEE, openLink } from "./committee-scene";
import type { Scene } from "./scene";
import type { BranchPerson, DemoWorld } from "./world";

type SelfScore = {
  form: ReviewForm;
  texts: string[];
  fix: string;
  /** Points of the graded items (the task items), in order; every all-or-nothing item is met except `missed`. */
  graded: number[];
  missed?: string[];
  tasks: string;
  level: string;
};

const L1 = "Hoàn thành xuất sắc nhiệm vụ";
const L2 = "Hoàn thành tốt nhiệm vụ";

const WRITERS: Partial<Record<BranchPerson, SelfScore>> = {
  "Trần Thị Bình": {
    form: "2A",
    texts: [
      "Kiên định lập trường chính trị; chấp hành nghiêm nguyên tắc tập trung dân chủ.",
      "Lãnh đạo chi bộ hoàn thành 10/10 chỉ tiêu năm 2026, 4 chỉ tiêu vượt mức.",
      "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện đầu năm.",
      "Có lúc chưa sâu sát việc của tổ chuyên môn.",
      "Hạn chế năm 2025 về chậm báo cáo đã khắc phục.",
      "Giao ban hằng tuần với các tổ chuyên môn.",
    ],
    fix: "Đã khắc phục xong",
    graded: [30, 24, 15],
    tasks: "10 10 0 0 4",
    level: L1,
  },
  "Nguyễn Văn An": {
    form: "2B",
    texts: [
      "Chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước; sống giản dị.",
      "Hoàn thành đúng hạn 12/12 nhiệm vụ chuyên môn, 2 nhiệm vụ vượt mức.",
      "Thực hiện cam kết học thêm nghiệp vụ thẩm định giá.",
      "Có lúc chưa chủ động đề xuất cải tiến quy trình.",
      "Không có hạn chế nào được chỉ ra ở kỳ trước.",
      "Mỗi quý đề xuất ít nhất một cải tiến.",
    ],
    fix: "Không có hạn chế, khuyết điểm phải khắc phục",
    graded: [26, 20, 12],
    missed: ["g12"],
    tasks: "12 12 0 0 2",
    level: L2,
  },
  "Lê Văn Cường": {
    form: "2C",
    texts: [
      "Giữ vững lập trường chính trị; gương mẫu nơi cư trú.",
      "Tham gia đầy đủ sinh hoạt chi bộ; vận động quyên góp quỹ khuyến học của tổ dân phố.",
      "Thực hiện cam kết giữ gìn sức khỏe, tham gia hoạt động địa phương.",
      "Có buổi sinh hoạt còn ít phát biểu.",
      "Không có hạn chế nào được chỉ ra ở kỳ trước.",
      "Chuẩn bị ý kiến trước mỗi buổi sinh hoạt.",
    ],
    fix: "Không có hạn chế, khuyết điểm phải khắc phục",
    graded: [36, 13, 14],
    tasks: "4 4 0 0 1",
    level: L2,
  },
};

/** One member's self-review on their form: the six written parts (the explanation skipped), the score, the tasks. */
async function writeSelfScore(w: DemoWorld, who: BranchPerson, s: SelfScore): Promise<void> {
  await w.say(who, "/review", /1\. Ưu điểm/);
  for (const [i, text] of s.texts.entries()) {
    await w.say(who, text, /^Đã lưu/);
    await w.press(who, "Xong ✓", i === 4 ? /6\. Giải trình/ : i === 5 ? /Mức độ khắc phục/ : /^\d\. /);
    if (i === 4) await w.press(who, "Không có gợi ý, bỏ qua", /7\. Phương hướng/);
  }
  await w.press(who, s.fix, /Tiêu chí 1\//);
  const items = EXAMPLE_SCORE_ITEMS[s.form];
  let graded = 0;
  for (const [i, item] of items.entries()) {
    const next = i + 1 < items.length ? new RegExp(`Tiêu chí ${i + 2}/`) : /gõ 5 số/;
    if (item.graded) await w.say(who, String(s.graded[graded++]), next);
    else await w.press(who, s.missed?.includes(item.id) ? "Không đạt (0)" : /^Đạt \(/, next);
  }
  await w.say(who, s.tasks, /Đề xuất mức xếp loại/);
  await w.press(who, s.level, /Xác nhận gửi/);
  await w.press(who, "Xác nhận gửi ✓", /Cảm ơn đồng chí/);
}

export const selfScoreScene: Scene = {
  title: "4. Ba đồng chí viết bản kiểm điểm theo mẫu của mình và tự chấm điểm (/review): Bình mẫu 2A, An mẫu 2B, Cường mẫu 2C",
  async play(w) {
    w.h.clock.set("2026-12-10T02:00:00.000Z");
    w.transcript.narrate("09:00 10/12/2026.");
    for (const [who, s] of Object.entries(WRITERS) as Array<[BranchPerson, SelfScore]>) await writeSelfScore(w, who, s);
    w.transcript.note("Đồng chí Dung và đồng chí Em nộp bản kiểm điểm trên giấy; chi ủy nhập điểm thẩm định cho hai đồng chí.");
    // N11: the meeting date brings the latest day the draft collective report goes out.
    await w.say("Trần Thị Bình", "/deadline", /Ngày họp chi bộ: chưa đặt/);
    await w.press("Trần Thị Bình", "Đổi ngày họp", /ngày họp chi bộ/);
    await w.say("Trần Thị Bình", "23/12/2026 14:00", /Dự thảo báo cáo kiểm điểm của tập thể/);
  },
};

/** The secretary appraises one member: accepts the self-score (or types `score` and `tasks`), then proposes. */
async function appraise(w: DemoWorld, who: BranchPerson, typed?: { score: string; tasks: string }): Promise<void> {
  await w.say("Trần Thị Bình", "/appraise", /Thẩm định, đề xuất xếp loại/);
  await w.press("Trần Thị Bình", new RegExp(who), typed ? /gõ điểm thẩm định/ : /chấp nhận điểm tự chấm/);
  if (typed) {
    await w.say("Trần Thị Bình", typed.score, /gõ 5 số/);
    await w.say("Trần Thị Bình", typed.tasks, /Căn cứ xếp loại/);
  } else {
    await w.press("Trần Thị Bình", /^Chấp nhận/, /giữ nguyên hay sửa lại/);
    await w.press("Trần Thị Bình", "Giữ nguyên", /Căn cứ xếp loại/);
  }
  await w.press("Trần Thị Bình", "Xong", /cấp ủy nơi cư trú/);
  await w.press("Trần Thị Bình", "Đã nhận", /Ý kiến của hội nghị chi bộ/);
  await w.press("Trần Thị Bình", "Bỏ qua", /Chi bộ đề xuất mức xếp loại nào/);
  await w.press("Trần Thị Bình", /^Đề xuất: /, /Đã ghi đề xuất của chi bộ/);
}

export const appraiseScene: Scene = {
  title: "5. Sau hội nghị chi bộ, chi ủy thẩm định từng đồng chí và chi bộ đề xuất mức xếp loại (/appraise)",
  async play(w) {
    w.h.clock.set("2026-12-24T01:30:00.000Z");
    w.transcript.narrate("08:30 24/12/2026, sau hội nghị chi bộ.");
    for (const who of Object.keys(WRITERS) as BranchPerson[]) await appraise(w, who);
    await appraise(w, "Phạm Thị Dung", { score: "78", tasks: "8 8 0 0 1" });
    await appraise(w, "Hoàng Văn Em", { score: "64", tasks: "10 8 2 0 0" });
  },
};

export const decideScene: Scene = {
  title: `7. ${COMMITTEE} quyết định (/recognize): công nhận đề xuất của chi bộ, một đồng chí ở mức khác với lý do`,
  async play(w) {
    await openLink(w, "Trần Thị Bình", w.orgLinks.branches[0]!, /hoặc lập tổ chức mới/);
    await w.press("Trần Thị Bình", "Chi bộ Văn phòng Sở", /Đã gắn/);
    await w.say("Trần Thị Bình", "/results", /Kết quả xếp loại —/);
    await w.press("Trần Thị Bình", "Gửi cấp trên công nhận", /Đã gửi/);
    await w.say("Vũ Thị Lan", "/recognize", /Các chi bộ trực thuộc có kết quả xếp loại/);
    await w.press("Vũ Thị Lan", /^Từng đồng chí/, /chọn kết quả/);
    await w.press("Vũ Thị Lan", "Quyết định khác: Hoàng Văn Em", /chọn mức cấp ủy quyết định/);
    await w.press("Vũ Thị Lan", L2, /gõ lý do/);
    await w.say(
      "Vũ Thị Lan",
      "Hai nhiệm vụ chậm do đồng chí được Sở điều động đột xuất đi công tác tỉnh; đã hoàn thành đủ.",
      /Đã quyết định/,
    );
    await w.say("Vũ Thị Lan", "/recognize", /Các chi bộ trực thuộc có kết quả xếp loại/);
    await w.press("Vũ Thị Lan", /^Công nhận tất cả/, /Đã công nhận/);
  },
};

export const papersScene: Scene = {
  title: `8. Bí thư xem tình hình (/status), xuất danh sách có điểm và biên bản họp chi bộ (/export); chi bộ tự chấm điểm tổ chức (/score), ${COMMITTEE} công nhận (/orgs)`,
  async play(w) {
    await w.say("Trần Thị Bình", "/status", /Đã thẩm định/);
    await w.say("Trần Thị Bình", "/export", (m) => m.document?.fileName.startsWith("bien-ban-hop-chi-bo") === true);
    // NO1, NO2: the branch committee scores the branch (30 + 70); the base committee decides.
    await w.say("Trần Thị Bình", "/score", /Phần 1\/2/);
    await w.say("Trần Thị Bình", "26", /Phần 2\/2/);
    await w.say("Trần Thị Bình", "60", /tổ chức đảng trực thuộc nào bị thi hành kỷ luật/);
    await w.press("Trần Thị Bình", "Không", /thành viên cấp ủy, tập thể lãnh đạo nào bị thi hành kỷ luật/);
    await w.press("Trần Thị Bình", "Không", /86 điểm/);
    await w.press("Trần Thị Bình", "Lưu", /Đã lưu bản tự chấm điểm/);
    await w.say("Vũ Thị Lan", "/orgs", /chờ công nhận/);
    await w.press("Vũ Thị Lan", /^Chi bộ Văn phòng Sở/, /Tình trạng: chờ công nhận/);
    await w.press("Vũ Thị Lan", "Công nhận", /Đã công nhận/);
  },
};
