// How updates reach the bot, in every mode: the durable inbox first (./dispatcher.ts), then long polling or the
// webhook. What a previous run received and did not finish is handled before anything new.
import { BotError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, Deps } from "../kit/context";
import { startWebhookServer, type WebhookSettings } from "../webhook";
import { createDispatcher, type Dispatcher } from "./dispatcher";
import { startPolling } from "./polling";
import { storageNotice } from "./storage-notice";
import type { ZaloClient } from "../zalo/client";
import { startZaloPolling } from "../zalo/polling";
import { startZaloWebhook, type ZaloWebhookSettings } from "../zalo/webhook";

export type UpdateLoop = {
  dispatcher: Dispatcher;
  /** Updates of a previous run handled again at this start. */
  resumed: number;
  /** The webhook server's port. */
  port?: number;
  /** The Zalo webhook server's port. */
  zaloPort?: number;
  /** Rejects if updates can no longer be fetched (a revoked token). */
  failed: Promise<void>;
  stop(): Promise<void>;
};

export type LoopMode = {
  webhook?: WebhookSettings;
  pollTimeoutSeconds?: number;
  /** False: no Telegram updates (the bot serves Zalo only). */
  telegram?: boolean;
  /** Zalo's long polling, or its webhook, into the same inbox and dispatcher (bot/zalo/). */
  zalo?: { client: ZaloClient; pollTimeoutSeconds?: number; webhook?: ZaloWebhookSettings };
};

export async function startUpdateLoop(bot: Bot<BotContext>, deps: Deps, mode: LoopMode = {}): Promise<UpdateLoop> {
  // A handler's error goes to bot.catch, as grammY's own polling does (it logs by kind and update id).
  const handle = async (update: Update): Promise<void> => {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      await bot.errorHandler(error);
    }
  };
  const dispatcher = createDispatcher({ db: deps.db, log: deps.log, clock: () => new Date(), handle });
  const resumed = await dispatcher.resume();
  const zalo = mode.zalo ? await startZalo(mode.zalo, deps, dispatcher) : undefined;
  const telegram = mode.telegram === false ? undefined : await startTelegram(bot, deps, dispatcher, mode);
  const never = new Promise<void>(() => undefined);
  const stop = async () => {
    await zalo?.stop();
    await telegram?.stop();
    await dispatcher.stop();
  };
  const failed = Promise.race([zalo?.failed ?? never, telegram?.failed ?? never]);
  return { dispatcher, resumed, port: telegram?.port, zaloPort: zalo?.port, failed, stop };
}

type Source = { stop(): Promise<void>; failed?: Promise<void>; port?: number };

async function startTelegram(bot: Bot<BotContext>, deps: Deps, dispatcher: Dispatcher, mode: LoopMode): Promise<Source> {
  const onAcceptFailed = storageNotice(bot.api, deps.log);
  if (mode.webhook) {
    const server = await startWebhookServer(bot.api, dispatcher, deps.log, mode.webhook, onAcceptFailed);
    return { port: server.port, stop: server.stop };
  }
  await bot.api.deleteWebhook();
  const polling = startPolling({ api: bot.api, dispatcher, log: deps.log, timeoutSeconds: mode.pollTimeoutSeconds, onAcceptFailed });
  return { failed: polling.stopped, stop: polling.stop };
}

async function startZalo(zalo: NonNullable<LoopMode["zalo"]>, deps: Deps, dispatcher: Dispatcher): Promise<Source> {
  const channel = { client: zalo.client, db: deps.db, dispatcher, log: deps.log, clock: deps.clock };
  if (zalo.webhook) return startZaloWebhook(channel, zalo.webhook);
  // Polling and a webhook exclude each other on Zalo: polling here, so no webhook may stay set.
  await zalo.client.call("deleteWebhook", {});
  const polling = startZaloPolling({ ...channel, timeoutSeconds: zalo.pollTimeoutSeconds });
  return { failed: polling.stopped, stop: polling.stop };
}
