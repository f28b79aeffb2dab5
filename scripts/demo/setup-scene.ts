import type { Scene } from "./scene";

/** The secretary creates the branch with /setup: a branch (its base committee invites it later), single entry, 2026, the default deadline. */
export const setupScene: Scene = {
  title: "1. Bí thư chi bộ tạo chi bộ (/setup)",
  async play(w) {
    await w.say("Trần Thị Bình", "/setup", /lập tổ chức đảng nào/);
    await w.press("Trần Thị Bình", "Chi bộ trực thuộc đảng ủy cơ sở", /Tên chi bộ là gì/);
    await w.say("Trần Thị Bình", "Chi bộ Văn phòng Sở", /nhập hai lần/);
    await w.press("Trần Thị Bình", "Không", /năm nào/);
    await w.press("Trần Thị Bình", "2026", /Hạn chót nộp bản tự kiểm điểm/);
    await w.press("Trần Thị Bình", "Dùng ngày 20/12/2026", /kiểm tra lại/);
    await w.press("Trần Thị Bình", "Tạo chi bộ", /Đã tạo/);
  },
};
