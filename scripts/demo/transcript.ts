// Prints the chats of the demo as a readable transcript: who said what, what the bot answered, its buttons.
// A chat id that is a string is a Zalo chat (issue 14): there the bot's numbered menus are part of its text.
import type { SentMessage } from "../../test/emulator/bot-api-emulator";
import type { ZaloSentMessage } from "../../test/emulator/zalo/zalo-emulator";

type Button = { text: string };
/** A Telegram chat (a number) or a Zalo chat (its string id). */
type ChatId = number | string;

export class Transcript {
  private currentChat: ChatId | null = null;
  /** Last printed text per message: an edit that only removes buttons is not printed again. */
  private readonly printed = new Map<string, string>();

  constructor(
    private readonly nameOf: (chatId: ChatId) => string,
    private readonly out: (line: string) => void = console.log,
  ) {}

  scene(title: string): void {
    this.currentChat = null;
    this.out(`\n━━━ ${title} ━━━`);
  }

  narrate(text: string): void {
    this.out(`   ⏰ ${text}`);
  }

  /** What happens outside the chats, for the reader. */
  note(text: string): void {
    this.out(`   ℹ️  ${text}`);
  }

  user(chatId: ChatId, text: string): void {
    this.enterChat(chatId);
    this.out(indent(`👤 ${this.nameOf(chatId)}: `, text));
  }

  press(chatId: number, button: string): void {
    this.enterChat(chatId);
    this.out(`👤 ${this.nameOf(chatId)}: bấm [${button}]`);
  }

  bot(message: SentMessage): void {
    const body = message.document
      ? `[tệp ${message.document.fileName}] ${message.document.caption ?? ""}`
      : (message.plainText ?? message.text ?? "");
    const key = `${message.chatId}:${message.messageId}`;
    if (message.edited && this.printed.get(key) === body) return;
    this.printed.set(key, body);
    this.enterChat(message.chatId);
    const label = message.edited ? "🤖 Bot (sửa tin nhắn): " : "🤖 Bot: ";
    this.out(indent(label, body));
    const rows: Button[][] = message.replyMarkup?.inline_keyboard ?? [];
    for (const row of rows) this.out(`        ${row.map((b) => `[${b.text}]`).join(" ")}`);
  }

  /** What a Zalo member reads: text (its numbered menu included) or a picture's caption. */
  zaloBot(message: ZaloSentMessage): void {
    this.enterChat(message.chatId);
    this.out(indent("🤖 Bot: ", message.text ?? message.caption ?? `[${message.kind}]`));
  }

  private enterChat(chatId: ChatId): void {
    if (this.currentChat === chatId) return;
    this.currentChat = chatId;
    const where = typeof chatId === "string" ? " trên Zalo" : "";
    this.out(`\n  — Trò chuyện riêng của ${this.nameOf(chatId)} với bot${where} —`);
  }
}

/** Continuation lines line up under the first one, so a long message stays readable. */
function indent(label: string, text: string): string {
  const pad = " ".repeat([...label].length + 1);
  return label + text.split("\n").join(`\n${pad}`);
}
