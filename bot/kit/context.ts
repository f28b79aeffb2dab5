import type { Context } from "grammy";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Logger } from "pino";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { Db } from "../../store/client";
import type { Identity } from "../../store/users";
import type { Language, Translate } from "./i18n";

/** What every handler may use; built once in the composition root. */
export type Deps = {
  db: Db;
  log: Logger;
  /** The only clock: tests and the scheduler control it. */
  clock: () => Date;
  botUsername: () => string;
  /** The channels this process serves (absent: Telegram only); invites say how to join on each (issue 14). */
  channels?: { telegram: boolean; zalo: boolean };
  /** TZ_REVIEW, the only source of the review's local time (deadlines, reminders, dates shown). */
  timeZone: ReviewTimeZone;
};

type BotFlavor = {
  deps: Deps;
  /** Set by the identity middleware for every update that has a sender. */
  identity: Identity;
  lang: Language;
  t: Translate;
};

export type BotContext = ConversationFlavor<Context & BotFlavor>;
/** Context objects inside conversations are fresh and carry none of the outside flavours. */
export type ConvContext = Context;
export type BotConversation = Conversation<BotContext, ConvContext>;
