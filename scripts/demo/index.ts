// The demo's story, in order. To extend it (reminders, a late alert...), write a scene file beside these and
// append it here.
import { joinScene } from "./join-scene";
import { lateAlertScene, remindersScene } from "./reminders-scene";
import { lateReviewScene, reviewScene } from "./review-scene";
import { rosterScene } from "./roster-scene";
import type { Scene } from "./scene";
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
];
