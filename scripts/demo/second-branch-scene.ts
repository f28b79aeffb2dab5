// Issue 12 in the demo: the committee's second branch, set up by its secretary from the committee's link. Its roster
// is short and its meeting is counted quickly (no self-reviews are shown: the first branch showed them).
import { COMMITTEE, openLink } from "./committee-scene";
import type { Scene } from "./scene";
import { chooseRules2011 } from "./setup-scene";
import { countBallots, type Ballots } from "./tally-scene";

const BRANCH = "Chi bộ Kế hoạch";
const ROSTER = ["Đỗ Thị Hoa; chính thức; cấp ủy", "Đặng Văn Giang; chính thức", "Bùi Thị Hạnh; chính thức"];
const BALLOTS: Array<[string, Ballots]> = [
  ["Đỗ Thị Hoa", [1, 2, 0, 0]],
  ["Đặng Văn Giang", [0, 3, 0, 0]],
  ["Bùi Thị Hạnh", [0, 3, 0, 0]],
];

export const secondBranchScene: Scene = {
  title: `10. Chi bộ thứ hai: bí thư Hoa mở đường liên kết, lập ${BRANCH} thuộc ${COMMITTEE}, nhập danh sách ba đảng viên`,
  async play(w) {
    await openLink(w, "Đỗ Thị Hoa", w.orgLinks.branches[1]!, /Tên chi bộ là gì/);
    await w.say("Đỗ Thị Hoa", BRANCH, /nhập hai lần/);
    await w.press("Đỗ Thị Hoa", "Không", /năm nào/);
    await w.press("Đỗ Thị Hoa", "2026", /Hạn chót nộp/);
    await w.press("Đỗ Thị Hoa", /^Dùng ngày/, /kiểm tra lại/);
    await chooseRules2011(w, "Đỗ Thị Hoa");
    await w.press("Đỗ Thị Hoa", "Tạo chi bộ", /Đã tạo/);
    await w.say("Đỗ Thị Hoa", "/roster", /Cách 1/);
    await w.say("Đỗ Thị Hoa", ROSTER.join("\n"), /Danh sách gồm/);
    await w.press("Đỗ Thị Hoa", /^Nhập \d+ đồng chí$/, /Đã nhập/);
  },
};

export const secondBranchTallyScene: Scene = {
  title: `11. Sau cuộc họp của ${BRANCH}: mỗi đồng chí trình bày việc làm theo gương Bác, bí thư nhập số phiếu và gửi kết quả lên`,
  async play(w) {
    for (const [name, votes] of BALLOTS) {
      await countBallots(w, "Đỗ Thị Hoa", name, votes, { present: 3, presentedAtMeeting: true, acknowledgeOne: true });
    }
    await w.say("Đỗ Thị Hoa", "/results", /Kết quả xếp loại —/);
    await w.press("Đỗ Thị Hoa", "Gửi cấp trên công nhận", /Đã gửi/);
  },
};
