// The features of the branch meeting and after it: counts, results, recognition, status, documents.
import type { Composer } from "grammy";
import type { BotContext } from "../kit/context";
import { exportFeature } from "./export";
import { recognizeFeature } from "./recognize";
import { resultsFeature } from "./results";
import { statusFeature } from "./status";
import { tallyFeature } from "./tally";

export function afterMeetingFeatures(): Composer<BotContext>[] {
  return [tallyFeature(), resultsFeature(), recognizeFeature(), statusFeature(), exportFeature()];
}
