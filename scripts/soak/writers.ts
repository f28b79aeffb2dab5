// Emulated members writing their self-reviews, many chats at once, each sending its next message as soon as the
// previous one is acknowledged, so a message is in flight in most chats whenever the bot is killed; a member whose
// part is long enough presses Done and writes the next part. Every message carries a unique token (#T<chat>-<n>#).
// An acknowledgement is a "Đã lưu (N/…)" reply with the part's Done button whose N reaches the length the part has
// once this message is added to everything the chat sent to it: a late answer to an earlier message (handled again
// after a kill) reports less, so it never acknowledges a later one. After a part's first message the bot answers
// with a reaction on the message instead (issue 13): a reaction on this very message is its acknowledgement.
import { translatorFor } from "../../bot/kit/i18n";
import { PEOPLE_RATE_LIMIT } from "../../bot/rate-limit";
import { stepButtonData } from "../../conversations/self-review-buttons";
import type { TextPart } from "../../domain/self-review-parts";
import type { BotApiEmulator, SentMessage } from "../../test/emulator/bot-api-emulator";
import { sleep } from "./bot-process";

export type SentText = { chatId: number; token: string; acked: boolean };
export type WriterOptions = { userIds: number[]; concurrency: number; ackTimeoutMs: number; partBudget: number };
export type WriterTotals = { sent: number; acked: number; partsDone: number; unanswered: number; reviewsNotOpened: number; chats: number };

const PARTS: TextPart[] = ["a", "b", "c", "d"];
const t = translatorFor("vi");
const isPrompt = (part: TextPart) => (m: SentMessage) => (m.text ?? "").startsWith(t(`review.part.${part}`));
const doneData = (part: TextPart) => stepButtonData({ kind: "done", part });
const hasDone = (m: SentMessage, part: TextPart) =>
  (m.replyMarkup?.inline_keyboard ?? []).flat().some((b: { callback_data?: string }) => b.callback_data === doneData(part));
const SAVED = /^Đã lưu \(([\d.]+)\//; // the count is written the Vietnamese way: 6.012
const FILLER =
  "Trong năm, bản thân luôn giữ vững lập trường, chấp hành nghiêm chủ trương của Đảng, chính sách pháp luật của Nhà nước; " +
  "tích cực học tập, rèn luyện, giữ gìn đạo đức, lối sống giản dị, đoàn kết với đồng chí, đồng nghiệp.";

/**
 * A member's pace: the bot lets a person send 20 updates in 10 s (bot/rate-limit.ts) and answers a flood with a
 * notice instead; the soak's members stay just under it, as a quick typist pasting would.
 */
const GAP_MS = Math.ceil(PEOPLE_RATE_LIMIT.windowMs / PEOPLE_RATE_LIMIT.updates) + 100;

type Waiter = {
  accept: (message: SentMessage) => boolean;
  acceptReaction?: (messageId: number) => boolean;
  resolve: (ok: boolean) => void;
};

export function startWriters(emulator: BotApiEmulator, options: WriterOptions) {
  const waiters = new Map<number, Waiter>();
  const records: SentText[] = [];
  const totals: WriterTotals = { sent: 0, acked: 0, partsDone: 0, unanswered: 0, reviewsNotOpened: 0, chats: 0 };
  const members = [...options.userIds];
  let sending = true;

  const unsubscribe = emulator.onBotMessage((message) => {
    if (message.edited) return; // an older message losing its buttons
    const waiter = waiters.get(message.chatId);
    if (waiter?.accept(message)) {
      waiters.delete(message.chatId);
      waiter.resolve(true);
    }
  });

  const unsubscribeReactions = emulator.onReaction((reaction) => {
    const waiter = waiters.get(reaction.chatId);
    if (reaction.emoji.length > 0 && waiter?.acceptReaction?.(reaction.messageId)) {
      waiters.delete(reaction.chatId);
      waiter.resolve(true);
    }
  });

  /** Resolves true when the chat gets a bot message that `accept`s (or a reaction `acceptReaction` takes), false after the timeout. */
  function answer(chatId: number, accept: Waiter["accept"], acceptReaction?: Waiter["acceptReaction"]): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters.delete(chatId);
        resolve(false);
      }, options.ackTimeoutMs);
      waiters.set(chatId, {
        accept,
        acceptReaction,
        resolve: (ok) => {
          clearTimeout(timer);
          resolve(ok);
        },
      });
    });
  }

  async function writeReview(chatId: number): Promise<void> {
    totals.chats++;
    const user = emulator.user(chatId);
    let lastSent = 0;
    const paced = async () => {
      await sleep(Math.max(0, lastSent + GAP_MS - Date.now()) + Math.random() * 50);
      lastSent = Date.now();
    };
    const opened = answer(chatId, isPrompt("a"));
    lastSent = Date.now();
    await user.send("/review");
    if (!(await opened)) return void totals.reviewsNotOpened++;
    let n = 0;
    for (const [i, part] of PARTS.entries()) {
      let partLength = 0; // what the part holds once every message sent to it so far is in
      for (;;) {
        if (!sending) return;
        const text = `#T${chatId}-${++n}# ${FILLER.slice(0, 10 + Math.floor(Math.random() * 140)).trim()}`;
        const expected = partLength + (partLength > 0 ? 1 : 0) + text.length; // parts join messages with "\n"
        if (expected > options.partBudget) break;
        const record: SentText = { chatId, token: `T${chatId}-${n}`, acked: false };
        records.push(record);
        totals.sent++;
        let sentId = -1;
        const acked = answer(
          chatId,
          (m) => hasDone(m, part) && Number(SAVED.exec(m.text ?? "")?.[1]?.replaceAll(".", "") ?? -1) >= expected,
          (messageId) => messageId === sentId,
        );
        await paced();
        sentId = await user.send(text);
        partLength = expected;
        if (!(await acked)) return void totals.unanswered++; // this chat stops: the figures will tell why
        record.acked = true;
        totals.acked++;
      }
      if (i === PARTS.length - 1) return;
      const nextAsked = answer(chatId, isPrompt(PARTS[i + 1]));
      await paced();
      await user.click(doneData(part));
      if (!(await nextAsked)) return void totals.unanswered++;
      totals.partsDone++;
    }
  }

  async function lane(): Promise<void> {
    for (let chatId = members.shift(); chatId !== undefined && sending; chatId = members.shift()) await writeReview(chatId);
  }

  const done = Promise.all(Array.from({ length: options.concurrency }, lane)).then(() => {
    unsubscribe();
    unsubscribeReactions();
  });
  return {
    records: () => records,
    totals: () => totals,
    /** No new message after this; `done` resolves when every chat's last message is answered (or timed out). */
    stopSending: () => void (sending = false),
    done,
  };
}
