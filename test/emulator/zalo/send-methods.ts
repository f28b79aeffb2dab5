import { badRequest } from "./zalo-error.js";
import { hexId } from "./zalo-ids.js";
import type { ZaloSentMessage } from "./sent-log.js";
import type { ZaloWorld } from "./zalo-world.js";

/** Zalo's limit for a text or a caption, in UTF-16 code units (JavaScript's `length`: an emoji counts 2). */
export const MAX_TEXT_UNITS = 2000;

type Payload = Record<string, any>;
type Sent = { message_id: string; date: number };

export function sendMessage(world: ZaloWorld, payload: Payload): Sent {
  const chatId = knownChat(world, payload);
  const text = boundedText(payload.text, "text");
  const parseMode = parseModeOf(payload.parse_mode);
  return record(world, { chatId, kind: "text", text, ...(parseMode ? { parseMode } : {}) });
}

/** A picture by public URL only: Zalo takes no upload (a multipart body is not JSON and fails before this). */
export function sendPhoto(world: ZaloWorld, payload: Payload): Sent {
  const chatId = knownChat(world, payload);
  const photo = publicUrl(payload.photo, "photo");
  const caption = payload.caption === undefined ? undefined : boundedText(payload.caption, "caption");
  return record(world, { chatId, kind: "photo", photo, ...(caption === undefined ? {} : { caption }) });
}

export function sendSticker(world: ZaloWorld, payload: Payload): Sent {
  const chatId = knownChat(world, payload);
  if (typeof payload.sticker !== "string" || payload.sticker === "") throw badRequest("sticker is required");
  return record(world, { chatId, kind: "sticker", sticker: payload.sticker });
}

export function sendVoice(world: ZaloWorld, payload: Payload): Sent {
  const chatId = knownChat(world, payload);
  return record(world, { chatId, kind: "voice", voiceUrl: publicUrl(payload.voice_url, "voice_url") });
}

export function sendChatAction(world: ZaloWorld, payload: Payload): void {
  knownChat(world, payload);
  if (payload.action !== "typing") throw badRequest('action must be "typing"');
}

function record(world: ZaloWorld, content: Omit<ZaloSentMessage, "messageId" | "date">): Sent {
  const message: ZaloSentMessage = { messageId: hexId(), date: Date.now(), ...content };
  world.log.record(message);
  world.counters.sends++;
  return { message_id: message.messageId, date: message.date };
}

/** Ids are strings on Zalo: a number (a Telegram-style id that was not mapped back) is refused. */
function knownChat(world: ZaloWorld, payload: Payload): string {
  const chatId = payload.chat_id;
  if (typeof chatId !== "string") throw badRequest("chat_id must be a string");
  if (!world.chats.has(chatId)) throw badRequest("chat not found");
  return chatId;
}

function boundedText(value: unknown, field: string): string {
  if (typeof value !== "string") throw badRequest(`${field} must be a string`);
  if (value.length === 0) throw badRequest(`${field} is empty`);
  if (value.length > MAX_TEXT_UNITS) throw badRequest(`${field} is too long: ${value.length} > ${MAX_TEXT_UNITS} characters`);
  return value;
}

/** Only Zalo's two lower-case values; Telegram's "HTML" or "MarkdownV2" are refused so a missing mapping shows. */
function parseModeOf(value: unknown): "markdown" | "html" | undefined {
  if (value === undefined) return undefined;
  if (value === "markdown" || value === "html") return value;
  throw badRequest('parse_mode must be "markdown" or "html"');
}

function publicUrl(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^https?:\/\/[^\s/]+/i.test(value)) throw badRequest(`${field} must be a public URL (no upload)`);
  return value;
}
