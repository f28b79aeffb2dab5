import { hexId } from "./zalo-ids.js";

export type ZaloEventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.voice.received"
  | "message.unsupported.received";

/** An update as ZALO.md shows it: no update_id; string ids; `date` in epoch milliseconds. */
export type ZaloUpdate = { event_name: ZaloEventName | string; message: Record<string, any> };

export type ZaloUserProfile = { id: string; displayName: string };

/**
 * ZALO.md lists drifting shapes ("accept both"): the sender's name under `display_name` (now), `name` or
 * `first_name` (older samples); a picture under `photo_url` or `photo`. Tests pick one to check the bot accepts it.
 */
export type UpdateShape = { nameField: "display_name" | "name" | "first_name"; imageField: "photo_url" | "photo" };
export const CURRENT_SHAPE: UpdateShape = { nameField: "display_name", imageField: "photo_url" };

export type UserContent =
  | { kind: "text"; text: string }
  | { kind: "image"; url: string; caption?: string }
  | { kind: "sticker"; sticker: string }
  | { kind: "voice"; url: string }
  | { kind: "unsupported" };

const EVENT_OF: Record<UserContent["kind"], ZaloEventName> = {
  text: "message.text.received",
  image: "message.image.received",
  sticker: "message.sticker.received",
  voice: "message.voice.received",
  unsupported: "message.unsupported.received",
};

/** A private-chat message from `user` to the bot: `chat.id == from.id`, `chat_type` "PRIVATE". */
export function privateUpdate(user: ZaloUserProfile, content: UserContent, shape: UpdateShape, now = Date.now()): ZaloUpdate {
  return {
    event_name: EVENT_OF[content.kind],
    message: {
      message_id: hexId(),
      date: now,
      from: { id: user.id, [shape.nameField]: user.displayName, is_bot: false },
      chat: { id: user.id, chat_type: "PRIVATE" },
      ...contentFields(content, shape),
    },
  };
}

// ZALO.md names no fields for stickers and voice: `sticker` and `url` are the emulator's guess.
function contentFields(content: UserContent, shape: UpdateShape): Record<string, string> {
  switch (content.kind) {
    case "text":
      return { text: content.text };
    case "image":
      return { [shape.imageField]: content.url, ...(content.caption === undefined ? {} : { caption: content.caption }) };
    case "sticker":
      return { sticker: content.sticker };
    case "voice":
      return { url: content.url };
    case "unsupported":
      return {};
  }
}
