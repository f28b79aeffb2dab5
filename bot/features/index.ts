import type { Composer } from "grammy";
import type { BotContext } from "../context";
import { deadlinesFeature } from "./deadlines";
import { languageFeature } from "./language";
import { selfReviewFeature } from "./self-review";
import { startFeature } from "./start";
import { unhandledFeature } from "./unhandled";
import { afterMeetingFeatures } from "./after-meeting";

/** Every feature, in order; `unhandled` last. Add a feature here and nowhere else. */
export function features(): Composer<BotContext>[] {
  return [deadlinesFeature(), startFeature(), languageFeature(), selfReviewFeature(), ...afterMeetingFeatures(), unhandledFeature()];
}
