// The outgoing half of the channel, at the bottom of grammY's client: a `fetch` that sends every Bot API call
// addressed to a Zalo chat to Zalo instead of Telegram, translated (bot/zalo/menu.ts), and answers it as Telegram
// would. Why at the fetch and not as a transformer: the conversations plugin records each call's answer with a
// transformer of its own, the innermost, and replays the answers on every update; a transformer that answered by
// itself would sit above it and send the dialog's questions again at each replay. Below it, a call is made once.
// What Zalo lacks is answered here: an edit is sent as a new message (Zalo cannot edit); taking a keyboard off
// clears the chat's menu; a button press's answer is sent as a message when it says something (it may be a
// refusal); message deletions, chat actions and command menus are taken as done. Files are turned into a notice by
// a transformer above (`zaloFiles`): a multipart body is not read here.
import { InputFile, type Transformer } from "grammy";
import type { Message } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../../store/client";
import { languageOfUser, saveZaloMenu, type ZaloMenu, zaloIdOfAccount, zaloMenuOf } from "../../store/zalo";
import { translatorFor } from "../kit/i18n";
import { accountOfNumber, chatOfZaloCallback, isZaloNumber } from "./ids";
import type { ZaloAnswer, ZaloClient } from "./client";
import { bytesOf, FILE_LINK_MINUTES, type FileLinks } from "./file-links";
import type { ChatsInHand } from "./in-hand";
import { type Markup, plainText, splitForZalo, withNumberedMenu } from "./menu";

export type ZaloRouteOptions = {
  db: Db;
  clock: () => Date;
  client: ZaloClient;
  /** The chats whose update is being handled (./in-hand.ts): their menus' writes ride on the update's commits. */
  inHand?: ChatsInHand;
  /** Where a menu's write that nobody waits for reports its failure. */
  log?: Logger;
  /** False when this process serves Zalo only: calls for no chat (command menus, webhooks) are answered here. */
  telegram: boolean;
  /** The network for Telegram's calls. */
  fetch?: typeof fetch;
};

type Payload = Record<string, unknown> & { chat_id?: unknown; text?: string; parse_mode?: string; reply_markup?: Markup };
type Result = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/** Serving Zalo only, a Telegram chat cannot be reached (a call for no chat, like the command menu, is taken as done). */
const NO_TELEGRAM: Result = { ok: false, error_code: 400, description: "Bad Request: chat not found (this process serves Zalo only)" };

/**
 * The answer to grammY, which reads nothing of a response but `json()` (grammy/out/core/client.js; route.test.ts
 * goes through grammY's own client): a full Response builds a ReadableStream per call, about a tenth of a Zalo
 * step's CPU.
 */
const answer = (result: Result): Response =>
  ({ ok: true, status: 200, json: async () => result, text: async () => JSON.stringify(result) }) as Response;

const TAKEN_AS_DONE = new Set(["deleteMessage", "deleteMessages", "sendChatAction", "pinChatMessage", "unpinChatMessage"]);

/** grammY's client `fetch`: Zalo chats' calls go to Zalo, the others to Telegram (or nowhere, for Zalo only). */
export function zaloFetch(options: ZaloRouteOptions): typeof fetch {
  const channel = zaloOutgoing(options);
  const network = options.fetch ?? fetch;
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const p = typeof init?.body === "string" ? (JSON.parse(init.body) as Payload) : undefined;
    const method = String(input).split("/").pop() ?? "";
    const chatId = asNumber(p?.chat_id);
    if (p && chatId !== undefined && isZaloNumber(chatId)) return answer(await channel.call(method, chatId, p));
    const callbackId = p?.callback_query_id;
    const pressChat = typeof callbackId === "string" ? chatOfZaloCallback(callbackId) : undefined;
    if (p && pressChat !== undefined) return answer(await channel.answerPress(pressChat, p));
    if (!options.telegram) return answer(p?.chat_id === undefined ? { ok: true, result: true } : NO_TELEGRAM);
    return network(input, init);
  }) as typeof fetch;
}

const FILES = new Set(["sendDocument", "sendPhoto", "sendVideo", "sendAudio", "sendAnimation", "sendVoice"]);

/**
 * Zalo takes no files: a file for a Zalo chat becomes a message with a single-use link to it (bot/zalo/file-links.ts)
 * or, without a file server, a message saying it cannot be sent on Zalo yet. Install it on `bot.api` and in the
 * conversations' plugins, like the others.
 */
export function zaloFiles(db: Db, links?: FileLinks): Transformer {
  return async (prev, method, payload, signal) => {
    const p = payload as Payload;
    const chatId = asNumber(p.chat_id);
    if (!FILES.has(method) || chatId === undefined || !isZaloNumber(chatId)) return prev(method, payload, signal);
    const file = (p.document ?? p.photo ?? p.video ?? p.audio) as InputFile | string | undefined;
    const name = file instanceof InputFile && file.filename ? file.filename : "";
    const t = translatorFor(languageOfUser(db, String(chatId)) ?? "vi");
    const text =
      links && file instanceof InputFile
        ? t("zalo.document_link", { name, url: links.issue(chatId, name, await bytesOf(file)), minutes: FILE_LINK_MINUTES })
        : t("zalo.document_later", { name });
    return prev("sendMessage", { chat_id: chatId, text } as never, signal) as never;
  };
}

function zaloOutgoing({ db, clock, client, inHand, log }: ZaloRouteOptions) {
  const zaloIds = new Map<number, string>(); // an account's Zalo id never changes
  // Each chat's menu as this process last set it (its stored copy may still wait for its commit, see `setMenu`);
  // read from the store the first time after a start.
  const menus = new Map<number, ZaloMenu | null>();
  const menuOf = (account: number): ZaloMenu | null => {
    if (!menus.has(account)) menus.set(account, zaloMenuOf(db, account));
    return menus.get(account) ?? null;
  };
  // Telegram's message ids are int32: seconds since 1970 now (about 1.8e9), one up per message, and always above
  // the chat's stored menu, so that taking an older message's keyboard off never clears a newer menu, also after a
  // restart.
  let lastMessageId = 0;
  const nextMessageId = (account: number) =>
    (lastMessageId = Math.max(lastMessageId + 1, (menuOf(account)?.messageId ?? 0) + 1, Math.floor(Date.now() / 1000)));

  const translator = (chatId: number) => translatorFor(languageOfUser(db, String(chatId)) ?? "vi");

  /**
   * The chat's menu is now `menu` (null: none): in memory at once, in the store by a shared commit. A send made
   * while the chat's own update is handled neither waits for that commit nor brings one (awaiting a commit of its
   * own on every step was most of what the Zalo path cost over Telegram's): the write joins the commit of the
   * update's next write, at the latest its handled mark, which is queued after it. So once the update counts as
   * handled its menu is on disk, and an update a kill interrupts is handled again and sends its last question,
   * menu and all, again; a reply read meanwhile is taken in by a write queued after it too. Any other send (a
   * reminder, a notice to another chat) waits for a commit of its own, as before.
   */
  async function setMenu(chatId: number, account: number, menu: ZaloMenu | null): Promise<void> {
    if (menu === null && menuOf(account) === null) return;
    menus.set(account, menu);
    const inItsUpdate = inHand?.has(chatId) ?? false;
    const stored = menu ?? { messageId: 0, options: [] };
    const saved = saveZaloMenu(db, account, stored, clock(), inItsUpdate).catch((error: unknown) => {
      menus.delete(account); // what the store holds is the truth again
      throw error;
    });
    if (!inItsUpdate) return saved;
    saved.catch((error: unknown) => log?.error({ name: (error as Error)?.name }, "Zalo menu not saved"));
  }

  /** Sends the text in parts; the chat's menu becomes `options` (none: no menu), unless it is `kept`. */
  async function sendText(chatId: number, text: string, options: string[] | "kept" = [], letters?: true): Promise<Result> {
    const account = accountOfNumber(chatId);
    const zaloId = zaloIds.get(account) ?? zaloIdOfAccount(db, account);
    if (!zaloId) return { ok: false, error_code: 400, description: "Bad Request: chat not found" };
    zaloIds.set(account, zaloId);
    let answer: ZaloAnswer = { ok: true };
    for (const part of splitForZalo(text)) {
      answer = await client.send("sendMessage", { chat_id: zaloId, text: part });
      if (!answer.ok) return answer;
    }
    const messageId = nextMessageId(account);
    if (options !== "kept") await setMenu(chatId, account, options.length > 0 ? { messageId, options, letters } : null);
    const message = {
      message_id: messageId,
      date: Math.floor(clock().getTime() / 1000),
      chat: { id: chatId, type: "private", first_name: "" },
      text,
    };
    return { ok: true, result: message as Message };
  }

  async function sendWithMenu(chatId: number, p: Payload): Promise<Result> {
    const menu = withNumberedMenu(plainText(p.text ?? "", p.parse_mode), p.reply_markup, translator(chatId));
    return sendText(chatId, menu.text, menu.options, menu.letters);
  }

  return {
    async call(method: string, chatId: number, p: Payload): Promise<Result> {
      if (method === "sendMessage" || method === "editMessageText") return sendWithMenu(chatId, p);
      if (method === "editMessageReplyMarkup") {
        if ((p.reply_markup?.inline_keyboard ?? []).flat().length > 0) return sendWithMenu(chatId, { ...p, text: "" });
        // A keyboard taken off: its numbers no longer act (only if it is still the chat's menu).
        const account = accountOfNumber(chatId);
        if (menuOf(account)?.messageId === p.message_id) await setMenu(chatId, account, null);
        return { ok: true, result: true };
      }
      if (TAKEN_AS_DONE.has(method)) return { ok: true, result: true };
      return { ok: false, error_code: 400, description: `Bad Request: ${method} is not available on Zalo` };
    },
    async answerPress(chatId: number, p: Payload): Promise<Result> {
      if (typeof p.text === "string" && p.text !== "") {
        const sent = await sendText(chatId, p.text, "kept"); // a toast does not replace the question's menu
        if (!sent.ok) return sent;
      }
      return { ok: true, result: true };
    },
  };
}

function asNumber(id: unknown): number | undefined {
  if (typeof id === "number") return id;
  if (typeof id === "string" && /^\d+$/.test(id)) return Number(id);
  return undefined;
}
