import { sendChatAction, sendMessage, sendPhoto, sendSticker, sendVoice } from "./send-methods.js";
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook, testWebhook } from "./update-methods.js";
import type { WebhookSender } from "./webhook-sender.js";
import type { ZaloWorld } from "./zalo-world.js";

export type MethodContext = {
  world: ZaloWorld;
  webhooks: WebhookSender;
  /** Registers what to do if the client hangs up before the answer (a long poll). */
  onHangUp: (cancel: () => void) => void;
};
type Handler = (ctx: MethodContext, payload: Record<string, any>) => unknown;

/** A method whose success is `{ ok: true }` with no `result` (ZALO.md: sendChatAction). */
export const NO_RESULT = Symbol("no result");

/**
 * The documented set and nothing else: sendDocument, editMessageText, deleteMessage, answerCallbackQuery,
 * setMyCommands and every other Telegram method answer 400 "invalid API name".
 */
const METHODS: Record<string, Handler> = {
  getMe: ({ world }) => ({ id: world.botId, account_name: world.accountName, account_type: "BASIC", can_join_groups: false }),
  getUpdates: ({ world, onHangUp }, payload) => getUpdates(world, payload, onHangUp),
  setWebhook: ({ world, webhooks }, payload) => setWebhook(world, webhooks, payload),
  deleteWebhook: ({ world }) => deleteWebhook(world),
  getWebhookInfo: ({ world }) => getWebhookInfo(world),
  testWebhook: ({ world, webhooks }) => testWebhook(world, webhooks),
  sendMessage: ({ world }, payload) => sendMessage(world, payload),
  sendPhoto: ({ world }, payload) => sendPhoto(world, payload),
  sendSticker: ({ world }, payload) => sendSticker(world, payload),
  sendVoice: ({ world }, payload) => sendVoice(world, payload),
  sendChatAction: ({ world }, payload) => {
    sendChatAction(world, payload);
    return NO_RESULT;
  },
};

export function findMethod(name: string): Handler | undefined {
  return Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
}
