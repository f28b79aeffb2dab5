// The demo's story, in order. To extend it (reminders, a late alert...), write a scene file beside these and
// append it here.
import { attachBranchScene, committeeSetupScene } from "./committee-scene";
import { branchScoreScene, committeeScoreScene, recognizeScene, rewardsScene } from "./committee-rating-scene";
import { joinScene } from "./join-scene";
import { lateAlertScene, remindersScene } from "./reminders-scene";
import { reportScene } from "./report-scene";
import { lateReviewScene, reviewScene } from "./review-scene";
import { rosterScene } from "./roster-scene";
import type { Scene } from "./scene";
import { secondBranchScene, secondBranchTallyScene } from "./second-branch-scene";
import { setupScene } from "./setup-scene";
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
