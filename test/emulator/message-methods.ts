import { badRequest } from "./api-error.js";
import { toTelegramDocument, toTelegramFile, type StoredFile } from "./file-store.js";
import type { SentMessage, TelegramMessage } from "./message-log.js";
import type { UploadedFile } from "./multipart.js";
import { botUser, type EmulatorWorld } from "./emulator-world.js";
import { assertValidCaption, assertValidMessageText, assertValidReplyMarkup } from "./telegram-text.js";

export type MethodContext = { world: EmulatorWorld; token: string; onClientGone?: (callback: () => void) => void };
export type Payload = Record<string, any>;
export type MethodHandler = (ctx: MethodContext, payload: Payload) => unknown;

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup of the message are exactly the same as a current content and reply markup of the message";

/** Message.reply_markup only ever echoes inline keyboards. */
const inlineMarkupOnly = (markup: any) => (markup?.inline_keyboard ? markup : undefined);
const nowSeconds = () => Math.floor(Date.now() / 1000);

function storeBotMessage(
  ctx: MethodContext,
  chatId: unknown,
  fields: Record<string, unknown>,
  record: Omit<SentMessage, "messageId" | "chatId" | "botId">,
) {
  const target = ctx.world.requireWritableChat(chatId);
  const messageId = ctx.world.log.nextMessageId(target.id);
  const raw: TelegramMessage = {
    message_id: messageId,
    from: botUser(ctx.token),
    chat: target.chat,
    date: nowSeconds(),
    ...fields,
  };
  for (const [field, value] of Object.entries(raw)) if (value === undefined) delete raw[field];
  const botId = botUser(ctx.token).id;
  ctx.world.log.record({ messageId, chatId: target.id, botId, ...record }, raw);
  return raw;
}

function findEditable(ctx: MethodContext, payload: Payload, action: "edit" | "delete") {
  if (payload.inline_message_id) throw badRequest("inline messages are not supported by the emulator");
  ctx.world.requireWritableChat(payload.chat_id);
  const found = ctx.world.log.find(Number(payload.chat_id), Number(payload.message_id));
  if (!found || found.message.deleted) throw badRequest(`message to ${action} not found`);
  return found;
}

const sendMessage: MethodHandler = (ctx, p) => {
  const plainText = assertValidMessageText(p.text, p.parse_mode);
  assertValidReplyMarkup(p.reply_markup);
  ctx.world.requireWritableChat(p.chat_id); // blocked/unknown chats fail before counting against the rate limit
  ctx.world.rateLimiter.admit();
  return storeBotMessage(
    ctx,
    p.chat_id,
    { text: plainText, reply_markup: inlineMarkupOnly(p.reply_markup) },
    { text: p.text, plainText, replyMarkup: p.reply_markup, parseMode: p.parse_mode },
  );
};

const editMessageText: MethodHandler = (ctx, p) => {
  const found = findEditable(ctx, p, "edit");
  if (found.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const plainText = assertValidMessageText(p.text, p.parse_mode);
  assertValidReplyMarkup(p.reply_markup);
  const unchanged = found.raw.text === plainText && sameMarkup(found.raw.reply_markup, inlineMarkupOnly(p.reply_markup));
  if (unchanged) throw badRequest(NOT_MODIFIED);
  return ctx.world.log.edit(
    found,
    { text: p.text, plainText, parseMode: p.parse_mode, replyMarkup: p.reply_markup },
    { text: plainText, reply_markup: inlineMarkupOnly(p.reply_markup), edit_date: nowSeconds() },
  );
};

const editMessageReplyMarkup: MethodHandler = (ctx, p) => {
  const found = findEditable(ctx, p, "edit");
  assertValidReplyMarkup(p.reply_markup);
  if (sameMarkup(found.raw.reply_markup, inlineMarkupOnly(p.reply_markup))) throw badRequest(NOT_MODIFIED);
  return ctx.world.log.edit(
    found,
    { replyMarkup: p.reply_markup },
    { reply_markup: inlineMarkupOnly(p.reply_markup), edit_date: nowSeconds() },
  );
};

const deleteMessage: MethodHandler = (ctx, p) => {
  const chatId = Number(p.chat_id);
  const messageId = Number(p.message_id);
  ctx.world.requireWritableChat(chatId);
  const found = ctx.world.log.find(chatId, messageId);
  if (found?.message.deleted || !ctx.world.log.isKnownMessageId(chatId, messageId)) {
    throw badRequest("message to delete not found");
  }
  ctx.world.log.markDeleted(chatId, messageId);
  return true;
};

/** Telegram's reactions a bot may set without Premium: standard emoji, one per message. */
const setMessageReaction: MethodHandler = (ctx, p) => {
  const chatId = Number(p.chat_id);
  const messageId = Number(p.message_id);
  ctx.world.requireWritableChat(chatId);
  if (!ctx.world.log.isKnownMessageId(chatId, messageId)) throw badRequest("message to react not found");
  const reaction: Array<{ type?: string; emoji?: string }> = typeof p.reaction === "string" ? JSON.parse(p.reaction) : (p.reaction ?? []);
  if (!Array.isArray(reaction) || reaction.length > 1) throw badRequest("REACTIONS_TOO_MANY");
  if (reaction.some((r) => r.type !== "emoji" || typeof r.emoji !== "string")) throw badRequest("REACTION_INVALID");
  const emoji = reaction.map((r) => r.emoji as string);
  ctx.world.reactions.set(`${chatId}:${messageId}`, emoji);
  for (const listener of ctx.world.reactionListeners) listener({ chatId, messageId, emoji });
  return true;
};

const sendDocument: MethodHandler = (ctx, p) => {
  ctx.world.requireWritableChat(p.chat_id);
  const plainCaption = assertValidCaption(p.caption, p.parse_mode);
  assertValidReplyMarkup(p.reply_markup);
  const file = resolveDocument(ctx, p.document);
  return storeBotMessage(
    ctx,
    p.chat_id,
    { document: toTelegramDocument(file), caption: plainCaption, reply_markup: inlineMarkupOnly(p.reply_markup) },
    {
      document: { fileName: file.fileName, bytes: file.bytes, caption: p.caption, mimeType: file.mimeType },
      replyMarkup: p.reply_markup,
      parseMode: p.parse_mode,
    },
  );
};

/** A document is an uploaded file (multipart) or the file_id of a file Telegram already has. */
function resolveDocument(ctx: MethodContext, document: unknown): StoredFile {
  if (isUploadedFile(document)) return ctx.world.files.add(document.fileName, document.bytes, document.mimeType);
  if (typeof document === "string" && document.startsWith("attach://")) {
    throw badRequest("wrong file identifier/HTTP URL specified"); // attach:// without its file part
  }
  return ctx.world.files.get(document);
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

const answerCallbackQuery: MethodHandler = (ctx, p) => {
  // Each query can be answered once, like Telegram.
  if (!ctx.world.openCallbackQueries.delete(String(p.callback_query_id))) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  return true;
};

const sendChatAction: MethodHandler = (ctx, p) => {
  ctx.world.requireWritableChat(p.chat_id);
  return true;
};

const getFile: MethodHandler = (ctx, p) => toTelegramFile(ctx.world.files.get(p.file_id));

function sameMarkup(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  setMessageReaction,
  sendDocument,
  answerCallbackQuery,
  sendChatAction,
  getFile,
};
