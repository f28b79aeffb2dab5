import { Bot, type Composer, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { conversations } from "@grammyjs/conversations";
import { autoRetry } from "@grammyjs/auto-retry";
import type { Logger } from "pino";
import type { ReviewTimeZone } from "../domain/calendar";
import type { Db } from "../store/client";
import { defaultTimeZone } from "./config";
import { conversationStorage } from "../store/conversation-storage";
import type { BotContext, ConvContext, Deps } from "./kit/context";
import { features } from "./features";
import { harmlessApiErrors } from "./harmless-api-errors";
import { limitGuard } from "./kit/outgoing";
import { attachDeps, identify } from "./middlewares";
import { privateChatOnly } from "./private-chat-only";
import { rateLimit, type RateLimitSettings } from "./rate-limit";
import { tellWhenNothingSaved } from "./storage-failure";
import type { ZaloClient } from "./zalo/client";
import type { FileLinks } from "./zalo/file-links";
import { chatsInHand } from "./zalo/in-hand";
import { zaloFetch, zaloFiles } from "./zalo/route";

/** Bump whenever a conversation's code changes shape: old half-done replays would not fit it. */
export const CONVERSATION_VERSION = 11;

export type AppOptions = {
  token: string;
  apiRoot: string;
  db: Db;
  log: Logger;
  clock?: () => Date;
  /** The configuration's TZ_REVIEW; its default when absent (tests, the demo). */
  timeZone?: ReviewTimeZone;
  /** Replaces the network for every API call, conversations included (benchmarks: an in-process fake API). */
  fetch?: typeof fetch;
  /** Per-person updates per window; people's limits unless a script plays the users. */
  rateLimit?: RateLimitSettings;
  /** The Zalo channel (bot/zalo/): calls for its chats go to this client. */
  zalo?: ZaloClient;
  /** Documents for Zalo chats as single-use links (without it: a notice that they come later). */
  zaloFileLinks?: FileLinks;
  /** False: this process serves Zalo only (no Telegram token; `botInfo` stands in for getMe). */
  telegram?: boolean;
  botInfo?: UserFromGetMe;
};

/** The composition root: one Bot with every feature, for long polling, webhooks, tests and the demo alike. */
export function createBot(options: AppOptions): { bot: Bot<BotContext>; deps: Deps } {
  // Zalo's chats are translated at the bottom, as the client's network (bot/zalo/route.ts says why): everything
  // above, conversations included, sees Telegram-shaped answers.
  const clock = options.clock ?? (() => new Date());
  const inHand = options.zalo ? chatsInHand() : undefined;
  const network = options.zalo
    ? zaloFetch({
        db: options.db,
        clock,
        client: options.zalo,
        inHand,
        log: options.log,
        telegram: options.telegram ?? true,
        fetch: options.fetch,
      })
    : options.fetch;
  const bot = new Bot<BotContext>(options.token, {
    client: { apiRoot: options.apiRoot, ...(network ? { fetch: network } : {}) },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const zalo = options.zalo ? zaloFiles(options.db, options.zaloFileLinks) : undefined;
  if (zalo) bot.api.config.use(zalo);
  // Honour Telegram's retry_after on 429 and recover from brief network faults. One transformer for every Api
  // (it keeps no state per call): the conversations give each replayed update an Api of its own.
  const retry = autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 });
  bot.api.config.use(retry);
  // No message is lost to Telegram's limits: a text too long is sent in parts, a keyboard too big fails loudly.
  bot.api.config.use(limitGuard);
  bot.api.config.use(harmlessApiErrors);
  const deps: Deps = {
    db: options.db,
    log: options.log,
    clock,
    botUsername: () => bot.botInfo.username,
    channels: { telegram: options.telegram ?? true, zalo: options.zalo !== undefined },
    timeZone: options.timeZone ?? defaultTimeZone(),
  };

  if (inHand) bot.use(inHand.middleware); // first: a Zalo chat is in hand for the whole of its update's handling
  bot.use(attachDeps(deps));
  bot.use(tellWhenNothingSaved);
  bot.use(privateChatOnly); // before anything that could act or write: groups get one notice and nothing else
  // Updates of one chat come in order, and each update once: the inbox sees to both (bot/inbox/dispatcher.ts).
  bot.use(identify);
  bot.use(rateLimit(options.rateLimit));
  bot.use(
    conversations<BotContext, ConvContext>({
      // Every dialog belongs to one person: keyed by the sender, never by the chat (in a private chat both are equal).
      storage: {
        type: "key",
        version: CONVERSATION_VERSION,
        adapter: conversationStorage(options.db),
        getStorageKey: (ctx) => ctx.from?.id.toString(),
      },
      // Transformers on bot.api do not run inside conversations: give them theirs.
      plugins: [
        (ctx, next) => {
          if (zalo) ctx.api.config.use(zalo);
          ctx.api.config.use(retry);
          ctx.api.config.use(limitGuard);
          ctx.api.config.use(harmlessApiErrors);
          return next();
        },
      ],
    }),
  );
  // /cancel before the conversations, so an active dialog cannot swallow it.
  bot.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active ? "cancel.done" : "cancel.nothing"), { reply_markup: { remove_keyboard: true } });
  });
  bot.use(...features());
  bot.catch((err) => logHandlerError(options.log, err.ctx.update.update_id, err.error));
  return { bot, deps };
}

/** Errors are logged by kind, never with message texts or update contents (personal data). */
function logHandlerError(log: Logger, updateId: number, error: unknown) {
  if (error instanceof GrammyError) log.error({ updateId, method: error.method, code: error.error_code }, "Telegram API error");
  else if (error instanceof HttpError) log.error({ updateId }, "network error talking to Telegram");
  else {
    const e = error as { name?: string; code?: string; stack?: string };
    const frames = e.stack
      ?.split("\n")
      .filter((l) => l.trimStart().startsWith("at "))
      .slice(0, 6)
      .join("\n");
    log.error({ updateId, name: e.name, code: e.code, frames }, "handler failed");
  }
}

export type { Composer };
