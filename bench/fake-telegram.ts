// An in-process Bot API for benchmarks: every call answers at once with a canned ok result, no network.
import type { UserFromGetMe } from "grammy/types";

export const FAKE_TOKEN = "123456789:BENCH_token_no_network";
export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 123456789,
  is_bot: true,
  first_name: "Kiểm điểm",
  username: "kiemdiem_bench_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

let messageId = 0;

function resultFor(method: string, payload: Record<string, unknown>): unknown {
  if (method === "sendMessage" || method === "editMessageText") {
    return { message_id: ++messageId, date: 0, chat: { id: Number(payload.chat_id), type: "private" }, text: payload.text };
  }
  return true;
}

/** A `fetch` that answers Bot API requests itself; counts calls so a run can show what the bot sent. */
export function fakeTelegramFetch(): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    calls++;
    const method = String(input).split("/").pop()!;
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    // grammY reads nothing of the response but `json()`: a full undici Response (a ReadableStream per call) cost
    // about 8% of a self-review step, which is this harness, not the bot. The body still makes a JSON round trip.
    const body = JSON.stringify({ ok: true, result: resultFor(method, payload) });
    return { ok: true, status: 200, json: async () => JSON.parse(body) as unknown } as Response;
  }) as typeof fetch;
  return { fetch: fake, calls: () => calls };
}

/** Raw updates as Telegram sends them to a private chat. */
export function textUpdate(updateId: number, userId: number, text: string) {
  const chat = { id: userId, type: "private" as const, first_name: `M${userId}` };
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0].length }] : undefined;
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat, from: { id: userId, is_bot: false, first_name: `M${userId}` }, text, entities },
  };
}

export function callbackUpdate(updateId: number, userId: number, data: string) {
  const chat = { id: userId, type: "private" as const, first_name: `M${userId}` };
  return {
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      chat_instance: String(userId),
      data,
      from: { id: userId, is_bot: false, first_name: `M${userId}` },
      message: { message_id: 1, date: 0, chat, from: { id: FAKE_BOT_INFO.id, is_bot: true, first_name: "bot" }, text: "…" },
    },
  };
}
