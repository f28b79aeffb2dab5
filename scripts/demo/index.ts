// The demo's story, in order. To extend it (reminders, a late alert...), write a scene file beside these and
// append it here.
import { attachBranchScene, COMMITTEE, committeeSetupScene } from "./committee-scene";
import { branchScoreScene, committeeScoreScene, recognizeScene, rewardsScene } from "./committee-rating-scene";
import { joinScene } from "./join-scene";
import { lateAlertScene, remindersScene } from "./reminders-scene";
import { reportScene } from "./report-scene";
import { lateReviewScene, reviewScene } from "./review-scene";
import { roster2025Scene, rosterScene } from "./roster-scene";
import { appraiseScene, decideScene, papersScene, selfScoreScene } from "./rules-2025-scenes";
import type { Scene } from "./scene";
import { secondBranchScene, secondBranchTallyScene } from "./second-branch-scene";
import { setup2025Scene, setupScene } from "./setup-scene";
import { exportScene, tallyScene } from "./tally-scene";

export const SCENES: Scene[] = [
  setupScene,
  rosterScene,
  joinScene,
  reviewScene,
  remindersScene,
  lateReviewScene,
  lateAlertScene,
  tallyScene,
  exportScene,
  // Issue 12: above the branch.
  committeeSetupScene,
  attachBranchScene,
  secondBranchScene,
  secondBranchTallyScene,
  recognizeScene,
  branchScoreScene,
  committeeScoreScene,
  rewardsScene,
  reportScene,
];

/** `--rules=2025` (issue 15): the branch under Quy định 366-QĐ/TW, from the self-score to the committee's decision. */
export const SCENES_2025: Scene[] = [
  setup2025Scene,
  roster2025Scene,
  joinScene,
  selfScoreScene,
  appraiseScene,
  {
    ...committeeSetupScene,
    title: `6. Cấp trên chi bộ: đồng chí Hùng lập ${COMMITTEE} (/setup) và mời bí thư chi bộ, một ủy viên đảng ủy (/orginvites)`,
  },
  decideScene,
  papersScene,
];
