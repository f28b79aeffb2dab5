import { BRANCH_PEOPLE, type BranchPerson } from "./world";
import type { Scene } from "./scene";

/** Each member (the secretary too) opens their own link: Telegram sends /start <code>. */
export const joinScene: Scene = {
  title: "3. Các đồng chí bấm đường liên kết mời để tham gia",
  async play(w) {
    for (const name of Object.keys(BRANCH_PEOPLE) as BranchPerson[]) {
      await w.say(name, `/start ${w.inviteCodes[name]}`, /Chào mừng/, "/start (mở đường liên kết mời)");
    }
  },
};
