import { hd07_2011 } from "../../domain/rulebooks";
import type { Scene } from "./scene";
import type { DemoWorld, Person } from "./world";

/** On /setup's summary: the 2011 rulebook instead of the one the year offers first. */
export async function chooseRules2011(w: DemoWorld, who: Person): Promise<void> {
  await w.press(who, "Đổi văn bản áp dụng", /chọn văn bản áp dụng/);
  await w.press(who, hd07_2011.title, /Văn bản áp dụng: Hướng dẫn 07-HD\/BTCTW/);
}

/**
 * The secretary creates the branch with /setup: a branch (its base committee invites it later), single entry, 2026, the
 * default deadline, and the 2011 rulebook chosen in place of the one the year offers first (this demo plays the 2011
 * story; `--rules=2025` plays the other).
 */
export const setupScene: Scene = setupSceneOf(true);
/** `--rules=2025`: the rulebook the year 2026 offers first, Quy định 366-QĐ/TW. */
export const setup2025Scene: Scene = setupSceneOf(false);

function setupSceneOf(rules2011: boolean): Scene {
  return {
    title: rules2011 ? "1. Bí thư chi bộ tạo chi bộ (/setup)" : "1. Bí thư chi bộ tạo chi bộ (/setup), kiểm điểm theo Quy định 366-QĐ/TW",
    async play(w) {
      await w.say("Trần Thị Bình", "/setup", /lập tổ chức đảng nào/);
      await w.press("Trần Thị Bình", "Chi bộ trực thuộc đảng ủy cơ sở", /Tên chi bộ là gì/);
      await w.say("Trần Thị Bình", "Chi bộ Văn phòng Sở", /nhập hai lần/);
      await w.press("Trần Thị Bình", "Không", /năm nào/);
      await w.press("Trần Thị Bình", "2026", /Hạn chót nộp bản tự kiểm điểm/);
      await w.press("Trần Thị Bình", "Dùng ngày 20/12/2026", /kiểm tra lại/);
      if (rules2011) await chooseRules2011(w, "Trần Thị Bình");
      await w.press("Trần Thị Bình", "Tạo chi bộ", /Đã tạo/);
    },
  };
}
