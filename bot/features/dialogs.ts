// Every dialog (a conversation of @grammyjs/conversations), installed before any command handler: while one is
// active, its answers reach it first and a command other than /cancel gets its polite re-ask (what is saved is
// kept), whichever feature the command belongs to. The self-review comes first: its answers are most of the bot's
// updates, and they then skip every other feature's filters (grammY builds a composer per filter and update).
import { createConversation } from "@grammyjs/conversations";
import type { Middleware } from "grammy";
import { deadlineEditConversation, DEADLINE_EDIT } from "../../conversations/deadline-edit";
import { revokeConversation, REVOKE } from "../../conversations/revoke";
import { rosterImportConversation, ROSTER_CONVERSATION } from "../../conversations/roster-import";
import { selfReviewConversation, SELF_REVIEW } from "../../conversations/self-review";
import { setupBranchConversation, SETUP_CONVERSATION } from "../../conversations/setup-branch";
import { tallyConversation, TALLY } from "../../conversations/tally";
import type { BotContext, ConvContext } from "../kit/context";

export function dialogs(): Middleware<BotContext>[] {
  return [
    createConversation<BotContext, ConvContext>(selfReviewConversation, SELF_REVIEW),
    createConversation<BotContext, ConvContext>(setupBranchConversation, SETUP_CONVERSATION),
    createConversation<BotContext, ConvContext>(rosterImportConversation, ROSTER_CONVERSATION),
    createConversation<BotContext, ConvContext>(deadlineEditConversation, DEADLINE_EDIT),
    createConversation<BotContext, ConvContext>(tallyConversation, TALLY),
    createConversation<BotContext, ConvContext>(revokeConversation, REVOKE),
  ];
}
