import type { Middleware } from "grammy";
import type { BotContext } from "../kit/context";
import { committeeFeature } from "./committee";
import { deadlinesFeature } from "./deadlines";
import { dialogs } from "./dialogs";
import { joinFeature } from "./join";
import { languageFeature } from "./language";
import { rosterFeature } from "./roster";
import { selfReviewFeature } from "./self-review";
import { setupFeature } from "./setup";
import { startFeature } from "./start";
import { unhandledFeature } from "./unhandled";
import { afterMeetingFeatures } from "./after-meeting";

/** Every feature, in order; `unhandled` last. Add a feature here and nowhere else (its dialog in ./dialogs.ts). */
export function features(): Middleware<BotContext>[] {
  // Dialogs first: an active dialog gets its answers before any command handler sees them.
  return [...dialogs(), setupFeature(), rosterFeature(), joinFeature(), committeeFeature(), deadlinesFeature(), startFeature(), languageFeature(), selfReviewFeature(), ...afterMeetingFeatures(), unhandledFeature()];
}
