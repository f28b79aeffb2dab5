// A Zalo update as the Telegram update the bot already understands (pure: the store gives the numbers and the
// chat's last menu). A reply with a number of the last menu is that button's press, with the same callback data,
// so the same handlers and role checks run; any other text goes to the dialog as text. An invite code typed bare
// is the `/start CODE` a Telegram deep link would have sent. A photo, sticker, voice note or a message Zalo does not
// show (`unsupported`) becomes the same kind of message on Telegram, so a dialog gives its polite re-ask.
import type { Update } from "grammy/types";
import type { ZaloIntake, ZaloMenu, ZaloTranslated } from "../../store/zalo";
import { zaloCallbackId, zaloNumber } from "./ids";
import type { ZaloUpdate } from "./zalo-types";

/** An invite code as store/invites.ts makes them: 18 random bytes in base64url. */
const BARE_INVITE_CODE = /^[A-Za-z0-9_-]{24}$/;
const MENU_NUMBER = /^\s*(\d{1,3})\s*\.?\s*$/;
const MENU_LETTER = /^\s*([a-z])\s*[.)]?\s*$/i;
const COMMAND = /^\/[A-Za-z0-9_]{1,32}/;

/** The inbox row of a Zalo update, and the update itself for the dispatcher (it need not read the row back). */
export type TranslatedUpdate = ZaloTranslated & { update: Update };

export function translateZaloUpdate(update: ZaloUpdate, intake: ZaloIntake): TranslatedUpdate {
  const { message } = update;
  const updateId = zaloNumber(intake.seq);
  const name = message.from.display_name ?? message.from.name ?? message.from.first_name ?? "Zalo";
  const from = { id: zaloNumber(intake.senderAccount), is_bot: false, first_name: name, language_code: "vi" };
  const isGroup = message.chat.chat_type !== undefined && message.chat.chat_type !== "PRIVATE";
  const chat = isGroup
    ? { id: zaloNumber(intake.chatAccount), type: "group" as const, title: name }
    : { id: zaloNumber(intake.chatAccount), type: "private" as const, first_name: name };
  const date = Math.floor(message.date / 1000);
  const base = { message_id: intake.seq, date, chat, from };
  const chatKey = String(chat.id);
  const done = (u: Update): TranslatedUpdate => ({ updateId, chatKey, payload: JSON.stringify(u), update: u });

  if (update.event_name === "message.text.received" && message.text !== undefined) {
    const choice = menuChoice(message.text, intake.menu ?? undefined);
    if (choice !== undefined && intake.menu) {
      return done({
        update_id: updateId,
        callback_query: {
          id: zaloCallbackId(chat.id, intake.seq),
          from,
          chat_instance: chatKey,
          data: choice,
          message: { message_id: intake.menu.messageId, date, chat, text: "" } as never,
        },
      });
    }
    return done({ update_id: updateId, message: { ...base, ...textWithCommand(message.text) } });
  }
  return done({ update_id: updateId, message: { ...base, ...otherContent(update) } as never });
}

/**
 * The callback data a reply chooses: a whole number of a numbered menu, a letter of a lettered one (there a number
 * is the answer to the question, and goes to the dialog as text), nothing else.
 */
export function menuChoice(text: string, menu: Pick<ZaloMenu, "options" | "letters"> | undefined): string | undefined {
  if (!menu) return undefined;
  if (menu.letters) {
    const letter = MENU_LETTER.exec(text)?.[1].toLowerCase();
    return letter === undefined ? undefined : menu.options[letter.charCodeAt(0) - 97];
  }
  const match = MENU_NUMBER.exec(text);
  return match ? menu.options[Number(match[1]) - 1] : undefined;
}

function textWithCommand(typed: string): { text: string; entities?: { type: "bot_command"; offset: 0; length: number }[] } {
  const trimmed = typed.trim();
  const text = BARE_INVITE_CODE.test(trimmed) ? `/start ${trimmed}` : typed;
  const command = COMMAND.exec(text);
  return command ? { text, entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : { text };
}

function otherContent(update: ZaloUpdate): Record<string, unknown> {
  const id = `zalo-${update.message.message_id}`;
  switch (update.event_name) {
    case "message.image.received":
      return {
        photo: [{ file_id: id, file_unique_id: id, width: 0, height: 0 }],
        ...(update.message.caption ? { caption: update.message.caption } : {}),
      };
    case "message.sticker.received":
      return { sticker: { file_id: id, file_unique_id: id, type: "regular", width: 0, height: 0, is_animated: false, is_video: false } };
    case "message.voice.received":
      return { voice: { file_id: id, file_unique_id: id, duration: 0 } };
    default:
      return {}; // unsupported (Zalo shows nothing of it), or an event we do not know: a message without content
  }
}
