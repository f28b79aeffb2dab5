import { BRANCH_PEOPLE, type BranchPerson } from "./world";
import type { Scene } from "./scene";

/** Each member (the secretary too) opens their own link: Telegram sends /start <code>; on Zalo they type the code. */
export const joinScene: Scene = {
  title: "3. Các đồng chí mở đường liên kết mời để tham gia",
  zaloTitle: "3. Các đồng chí tham gia bằng lời mời: trên Telegram mở đường liên kết, trên Zalo gõ mã mời",
  async play(w) {
    for (const name of Object.keys(BRANCH_PEOPLE) as BranchPerson[]) {
      const code = w.inviteCodes[name]!;
      if (w.onZalo(name)) await w.say(name, code, /Chào mừng/, `${code}   (gõ mã mời vào khung chat Zalo của bot)`);
      else await w.say(name, `/start ${code}`, /Chào mừng/, "/start (mở đường liên kết mời)");
    }
  },
};
