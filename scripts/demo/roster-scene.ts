import { BRANCH_PEOPLE, type BranchPerson } from "./world";
import type { Scene } from "./scene";

const ROSTER: Record<BranchPerson, string> = {
  "Trần Thị Bình": "Trần Thị Bình; chính thức; cấp ủy",
  "Nguyễn Văn An": "Nguyễn Văn An; chính thức",
  "Lê Văn Cường": "Lê Văn Cường; chính thức",
  "Phạm Thị Dung": "Phạm Thị Dung; dự bị",
  "Hoàng Văn Em": "Hoàng Văn Em; chính thức",
};

/** RULES-2025 N2: the same branch with each member's form (the secretary's form 2A, the retired Cường's 2C). */
const ROSTER_2025: Record<BranchPerson, string> = {
  "Trần Thị Bình": "Trần Thị Bình; chính thức; cấp ủy, mẫu 2A",
  "Nguyễn Văn An": "Nguyễn Văn An; chính thức; mẫu 2B",
  "Lê Văn Cường": "Lê Văn Cường; chính thức; mẫu 2C",
  "Phạm Thị Dung": "Phạm Thị Dung; dự bị; mẫu 2B",
  "Hoàng Văn Em": "Hoàng Văn Em; chính thức; mẫu 2B",
};

/** The secretary pastes the roster of five and gets one invite link per member. */
export const rosterScene: Scene = {
  ...rosterSceneOf(ROSTER, "2. Bí thư nhập danh sách năm đảng viên (/roster) và nhận đường liên kết mời"),
  zaloTitle: "2. Bí thư nhập danh sách năm đảng viên (/roster) và nhận lời mời: đường liên kết cho Telegram, mã cho Zalo",
};
export const roster2025Scene: Scene = rosterSceneOf(
  ROSTER_2025,
  "2. Bí thư nhập danh sách năm đảng viên, mỗi đồng chí với mẫu bản kiểm điểm của mình (/roster), và nhận đường liên kết mời",
);

function rosterSceneOf(roster: Record<BranchPerson, string>, title: string): Scene {
  return {
    title,
    async play(w) {
      await w.say("Trần Thị Bình", "/roster", /Cách 1/);
      await w.say("Trần Thị Bình", Object.values(roster).join("\n"), /Danh sách gồm/);
      // The links follow the confirmation, perhaps in later messages: wait for the roster's last name among them.
      await w.press("Trần Thị Bình", /^Nhập \d+ đồng chí$/, /^\d+\. Hoàng Văn Em$/m, "Nhập 5 đồng chí");
      // With Zalo served too, each link is introduced as the Telegram way, the Zalo code on the line after it.
      const secretary = w.user("Trần Thị Bình");
      for (const { text } of secretary.messages()) {
        for (const m of (text ?? "").matchAll(/^\d+\. (.+)\n(?:Trên Telegram: )?https:\/\/t\.me\/\w+\?start=([A-Za-z0-9_-]+)$/gm))
          w.inviteCodes[m[1]] = m[2];
      }
      const missing = Object.keys(BRANCH_PEOPLE).filter((name) => !w.inviteCodes[name]);
      if (missing.length > 0) throw new Error(`no invite link for ${missing.join(", ")}`);
    },
  };
}
