import type { Middleware } from "grammy";
import type { BotContext } from "../kit/context";
import * as appraise from "./appraise";
import * as committee from "./committee";
import * as committeeCap from "./committee-cap";
import * as deadlines from "./deadlines";
import * as discipline from "./discipline";
import * as exporting from "./export";
import * as invites from "./invites";
import * as join from "./join";
import * as language from "./language";
import * as notifyChannel from "./notify-channel";
import * as orgRating from "./org-rating";
import * as openPoints from "./open-points";
import * as orgInvites from "./org-invites";
import * as period from "./period";
import * as recognize from "./recognize";
import * as report from "./report";
import * as results from "./results";
import * as rewards from "./rewards";
import * as roster from "./roster";
import * as scoreItems from "./score-items";
import * as selfReview from "./self-review";
import * as setup from "./setup";
import * as start from "./start";
import * as status from "./status";
import * as tally from "./tally";
import * as tallyAll from "./tally-all";
import { unhandledFeature } from "./unhandled";

/**
 * Every feature, in order: first the dialogs every feature declares (`dialogs`, ./dialog.ts), then each feature's
 * handlers, `unhandled` last. The self-review comes first: its answers are most of the bot's updates, and they then
 * skip every other feature's filters (grammY builds a composer per filter and update). Add a feature here once;
 * its dialogs and buttons live in its own file.
 */
export function features(): Middleware<BotContext>[] {
  const modules: Record<string, unknown>[] = [
    selfReview,
    setup,
    roster,
    invites,
    orgInvites,
    join,
    committee,
    deadlines,
    period,
    start,
    language,
    notifyChannel,
    tally,
    tallyAll,
    discipline,
    appraise,
    results,
    recognize,
    committeeCap,
    orgRating,
    status,
    exporting,
    rewards,
    report,
    scoreItems,
  ];
  const dialogs = modules.flatMap((module) => (module.dialogs as Middleware<BotContext>[] | undefined) ?? []);
  return [
    ...dialogs,
    setup.setupFeature(),
    roster.rosterFeature(),
    invites.invitesFeature(),
    orgInvites.orgInvitesFeature(),
    join.joinFeature(),
    committee.committeeFeature(),
    deadlines.deadlinesFeature(),
    period.periodFeature(),
    openPoints.openPointsFeature(),
    start.startFeature(),
    language.languageFeature(),
    notifyChannel.notifyChannelFeature(),
    selfReview.selfReviewFeature(),
    tally.tallyFeature(),
    tallyAll.tallyAllFeature(),
    discipline.disciplineFeature(),
    appraise.appraiseFeature(),
    results.resultsFeature(),
    recognize.recognizeFeature(),
    committeeCap.committeeCapFeature(),
    orgRating.orgRatingFeature(),
    status.statusFeature(),
    exporting.exportFeature(),
    rewards.rewardsFeature(),
    report.reportFeature(),
    scoreItems.scoreItemsFeature(),
    unhandledFeature(),
  ];
}
