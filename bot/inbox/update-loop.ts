// How updates reach the bot, in every mode: the durable inbox first (./dispatcher.ts), then long polling or the
// webhook. What a previous run received and did not finish is handled before anything new.
import { BotError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, Deps } from "../kit/context";
import { startWebhookServer, type WebhookSettings } from "../webhook";
import { createDispatcher, type Dispatcher } from "./dispatcher";
import { startPolling } from "./polling";
import { storageNotice } from "./storage-notice";

export type UpdateLoop = {
  dispatcher: Dispatcher;
  /** Updates of a previous run handled again at this start. */
  resumed: number;
  /** The webhook server's port. */
  port?: number;
  /** Rejects if updates can no longer be fetched (a revoked token). */
  failed: Promise<void>;
  stop(): Promise<void>;
};

export async function startUpdateLoop(
  bot: Bot<BotContext>,
  deps: Deps,
  mode: { webhook?: WebhookSettings; pollTimeoutSeconds?: number } = {},
): Promise<UpdateLoop> {
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
  const onAcceptFailed = storageNotice(bot.api, deps.log);
  if (mode.webhook) {
    const server = await startWebhookServer(bot.api, dispatcher, deps.log, mode.webhook, onAcceptFailed);
    const stop = async () => {
      await server.stop();
      await dispatcher.stop();
    };
    return { dispatcher, resumed, port: server.port, failed: new Promise<void>(() => undefined), stop };
  }
  await bot.api.deleteWebhook();
  const polling = startPolling({ api: bot.api, dispatcher, log: deps.log, timeoutSeconds: mode.pollTimeoutSeconds, onAcceptFailed });
  const stop = async () => {
    await polling.stop();
    await dispatcher.stop();
  };
  return { dispatcher, resumed, failed: polling.stopped, stop };
}
