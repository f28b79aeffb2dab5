import { InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { buttonCount, KeyboardTooBigError, limitGuard, outgoingParts, replyInParts, TELEGRAM_BUTTON_LIMIT } from "./outgoing";
import { TELEGRAM_TEXT_LIMIT } from "./split-message";

const keyboardOf = (buttons: number) => {
  const keyboard = new InlineKeyboard();
  for (let i = 0; i < buttons; i++) keyboard.text(`b${i}`, `d${i}`).row();
  return keyboard;
};

describe("outgoingParts and replyInParts", () => {
  it("sends 4,096 characters as one message and 4,097 as two, the keyboard under the last", async () => {
    const keyboard = keyboardOf(1);
    expect(outgoingParts("x".repeat(TELEGRAM_TEXT_LIMIT), keyboard)).toEqual([{ text: "x".repeat(TELEGRAM_TEXT_LIMIT), keyboard }]);
    const sent: { text: string; markup?: unknown }[] = [];
    await replyInParts(
      { reply: async (text, other) => sent.push({ text, markup: other?.reply_markup }) },
      "x".repeat(TELEGRAM_TEXT_LIMIT + 1),
      keyboard,
    );
    expect(sent.map((s) => s.text.length)).toEqual([TELEGRAM_TEXT_LIMIT, 1]);
    expect(sent.map((s) => s.markup)).toEqual([undefined, keyboard]);
  });

  it("accepts 100 buttons and refuses 101 before anything is sent", async () => {
    expect(buttonCount(keyboardOf(TELEGRAM_BUTTON_LIMIT))).toBe(100);
    expect(() => outgoingParts("hi", keyboardOf(TELEGRAM_BUTTON_LIMIT))).not.toThrow();
    const sent: string[] = [];
    await expect(replyInParts({ reply: async (text) => sent.push(text) }, "hi", keyboardOf(101))).rejects.toBeInstanceOf(
      KeyboardTooBigError,
    );
    expect(sent).toEqual([]);
  });
});

describe("limitGuard (an Api transformer)", () => {
  const fakeApi = () => {
    const calls: { method: string; payload: Record<string, unknown> }[] = [];
    const prev = (async (method: string, payload: Record<string, unknown>) => {
      calls.push({ method, payload });
      return { ok: true, result: { message_id: calls.length } };
    }) as unknown as Parameters<typeof limitGuard>[0];
    const call = (method: string, payload: Record<string, unknown>) => limitGuard(prev, method as "sendMessage", payload as never);
    return { calls, call };
  };

  it("sends a 4,097-character sendMessage in two parts, the markup on the last, and returns the last message", async () => {
    const { calls, call } = fakeApi();
    const markup = { inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] };
    const result = await call("sendMessage", { chat_id: 1, text: `${"a".repeat(4095)} b`, reply_markup: markup });
    expect(calls.map((c) => [String(c.payload.text).length, c.payload.reply_markup])).toEqual([
      [4095, undefined],
      [1, markup],
    ]);
    expect(result).toEqual({ ok: true, result: { message_id: 2 } });
  });

  it("refuses a 101-button keyboard on sendMessage and editMessageReplyMarkup", async () => {
    const { calls, call } = fakeApi();
    const markup = keyboardOf(101);
    await expect(call("sendMessage", { chat_id: 1, text: "hi", reply_markup: markup })).rejects.toBeInstanceOf(KeyboardTooBigError);
    await expect(call("editMessageReplyMarkup", { chat_id: 1, message_id: 1, reply_markup: markup })).rejects.toBeInstanceOf(
      KeyboardTooBigError,
    );
    expect(calls).toEqual([]);
  });
});
