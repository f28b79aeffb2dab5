import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, InlineKeyboard, InputFile, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "./bot-api-emulator.js";

const TOKEN = "123456:TEST-token_abc";
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Reverse order: bots stop before the emulator they poll.
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function startEmulator(opts?: Parameters<typeof BotApiEmulator.start>[0]): Promise<BotApiEmulator> {
  const emulator = await BotApiEmulator.start(opts);
  cleanups.push(() => emulator.stop());
  return emulator;
}

function createBot(emulator: BotApiEmulator, token = TOKEN): Bot {
  return new Bot(token, { client: { apiRoot: emulator.apiRoot } });
}

/** Starts long polling and resolves once the bot is polling; stops it after the test. */
async function startPolling(bot: Bot): Promise<void> {
  const errors: unknown[] = [];
  bot.catch((err) => errors.push(err.error));
  let running!: Promise<void>;
  await new Promise<void>((resolve, reject) => {
    running = bot.start({ onStart: () => resolve() }).catch((error) => reject(error));
  });
  cleanups.push(async () => {
    await bot.stop();
    await running;
    expect(errors).toEqual([]);
  });
}

async function expectApiError(call: Promise<unknown>, errorCode: number, description: string | RegExp): Promise<GrammyError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GrammyError);
  const grammyError = error as GrammyError;
  expect(grammyError.error_code).toBe(errorCode);
  expect(grammyError.description).toMatch(description);
  return grammyError;
}

describe("BotApiEmulator with a long-polling grammY bot", () => {
  it("lets several users write in one group chat (negative id) and the bot answer there", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.on("message:text", (ctx) => ctx.reply(`${ctx.chat.type} ${ctx.chat.id} from ${ctx.from.id}: ${ctx.message.text}`));
    bot.callbackQuery("ping", (ctx) => ctx.answerCallbackQuery({ text: `pong ${ctx.chat?.id}` }));
    await startPolling(bot);
    emulator.group(-500, "Chi bộ");
    const [alice, bob] = [emulator.user(42).inGroup(-500), emulator.user(43).inGroup(-500)];

    await alice.send("hi");
    expect((await alice.waitForMessage()).text).toBe("group -500 from 42: hi");
    await bob.send("hello");
    expect((await bob.waitForMessage()).text).toBe("group -500 from 43: hello");
    expect(emulator.user(42).messages()).toEqual([]);
    await bob.pressForged("ping");
    await bob.waitForIdle();
    expect(emulator.calls.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("pong -500");
  });

  it("echoes text and records the API calls", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    await startPolling(bot);

    const alice = emulator.user(42, { firstName: "Alice" });
    await alice.send("hello");
    const reply = await alice.waitForMessage();

    expect(reply).toMatchObject({ chatId: 42, text: "echo: hello", botId: 123456 });
    expect(emulator.sent).toEqual([reply]);
    expect(bot.botInfo.username).toBe("kiemdiem_test_bot");
    expect(emulator.calls.map((c) => c.method)).toEqual(expect.arrayContaining(["getMe", "deleteWebhook", "getUpdates", "sendMessage"]));
  });

  it("marks a leading /command with a bot_command entity", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.command("start", (ctx) => ctx.reply(`welcome, payload=${ctx.match}`));
    bot.on("message:text", (ctx) => ctx.reply("not a command"));
    await startPolling(bot);

    const user = emulator.user(7);
    await user.send("/start abc");
    expect((await user.waitForMessage()).text).toBe("welcome, payload=abc");
    await user.send("start abc");
    expect((await user.waitForMessage()).text).toBe("not a command");
  });

  it("clicks an inline button, runs the callback handler and applies the edit in place", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.command("menu", (ctx) =>
      ctx.reply("Choose", { reply_markup: new InlineKeyboard().text("Approve", "approve:1").url("Site", "https://example.com") }),
    );
    bot.callbackQuery(/^approve:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery("done");
      await ctx.editMessageText(`Approved ${ctx.match[1]}`);
    });
    await startPolling(bot);

    const user = emulator.user(9);
    await user.send("/menu");
    await user.waitForMessage("Choose");
    await user.click("Approve");
    const edited = await user.waitForMessage(/Approved/);

    expect(edited).toMatchObject({ text: "Approved 1", edited: true, replyMarkup: undefined });
    expect(user.messages()).toHaveLength(1);
    expect(emulator.calls.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("done");
    await expect(user.click("Approve")).rejects.toThrow(/No inline button/); // the edit removed the keyboard
  });

  it("refuses to click url buttons", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    const user = emulator.user(10);
    await bot.api.sendMessage(10, "links", { reply_markup: new InlineKeyboard().url("Site", "https://example.com") });
    await expect(user.click("Site")).rejects.toThrow(/not a callback button/);
  });

  it("receives documents sent by the bot and lets them be re-sent by file_id", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.command("report", (ctx) =>
      ctx.replyWithDocument(new InputFile(Buffer.from("DOCX-BYTES"), "báo cáo; 2024.docx"), {
        caption: "<b>Report</b>",
        parse_mode: "HTML",
      }),
    );
    await startPolling(bot);

    const user = emulator.user(11);
    await user.send("/report");
    const sent = await user.waitForMessage((m) => m.document !== undefined);

    expect(sent.document?.fileName).toBe("báo cáo; 2024.docx");
    expect(sent.document?.bytes.toString()).toBe("DOCX-BYTES");
    expect(sent.document?.caption).toBe("<b>Report</b>");
    expect(sent.document?.mimeType).toContain("wordprocessingml");

    const uploaded = await bot.api.sendDocument(11, new InputFile(Buffer.from("CSV"), "list.csv"));
    const resent = await bot.api.sendDocument(11, uploaded.document.file_id);
    expect(resent.document.file_id).toBe(uploaded.document.file_id);
    expect(user.lastMessage()?.document).toMatchObject({ fileName: "list.csv", mimeType: "text/csv" });
    await expectApiError(bot.api.sendDocument(11, "no-such-file-id"), 400, "Bad Request: wrong file identifier/HTTP URL specified");
  });

  it("lets the bot download a document uploaded by the user", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${emulator.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
      await ctx.reply(`${ctx.message.document.file_name} (${ctx.message.document.mime_type}): ${await response.text()}`);
    });
    await startPolling(bot);

    const user = emulator.user(12);
    await user.sendDocument("members.csv", "name;rating\nAn;good");
    expect((await user.waitForMessage()).text).toBe("members.csv (text/csv): name;rating\nAn;good");
  });

  it("delivers stickers, photos and voice messages", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.on(["message:sticker", "message:photo", "message:voice"], (ctx) =>
      ctx.reply(ctx.message.sticker ? "sticker" : ctx.message.photo ? "photo" : "voice"),
    );
    await startPolling(bot);

    const user = emulator.user(13);
    await user.sendSticker();
    await user.sendPhoto();
    await user.sendVoice();
    const replies = await user.waitForIdle();
    expect(replies.map((m) => m.text)).toEqual(["sticker", "photo", "voice"]);
  });

  it("waitForIdle returns every reply to the last action; waitForMessage names what arrived on timeout", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.on("message:text", async (ctx) => {
      for (const part of ["one", "two", "three"]) await ctx.reply(part);
    });
    await startPolling(bot);
    const transcript: string[] = [];
    const unsubscribe = emulator.onBotMessage((m) => transcript.push(m.text ?? ""));

    const user = emulator.user(14);
    await user.send("go");
    expect((await user.waitForIdle()).map((m) => m.text)).toEqual(["one", "two", "three"]);
    expect(transcript).toEqual(["one", "two", "three"]);
    unsubscribe();
    expect(await user.waitForMessage("two")).toMatchObject({ text: "two" });
    await expect(user.waitForMessage("four", 200)).rejects.toThrow(/timed out after 200ms[\s\S]*"three"/);
  });

  it("enforces Telegram's text, markup and callback_data limits", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    emulator.user(15);

    await bot.api.sendMessage(15, "x".repeat(4096));
    await expectApiError(bot.api.sendMessage(15, "x".repeat(4097)), 400, "Bad Request: message is too long");
    await expectApiError(bot.api.sendMessage(15, ""), 400, "Bad Request: message text is empty");
    await expectApiError(bot.api.sendMessage(15, "<b>open", { parse_mode: "HTML" }), 400, /can't parse entities/);
    await expectApiError(bot.api.sendMessage(15, "1.5", { parse_mode: "MarkdownV2" }), 400, /reserved/);
    const tooLongData = new InlineKeyboard().text("Go", "d".repeat(65));
    await expectApiError(bot.api.sendMessage(15, "hi", { reply_markup: tooLongData }), 400, "Bad Request: BUTTON_DATA_INVALID");
    await expectApiError(bot.api.sendMessage(999, "hi"), 400, "Bad Request: chat not found");
    await expectApiError((bot.api.raw as any).sendTelepathy({}), 404, "Not Found: method not found");
    // Markup does not count against the limit, only the visible text does.
    await bot.api.sendMessage(15, `<b>${"y".repeat(4096)}</b>`, { parse_mode: "HTML" });
    expect(emulator.sent).toHaveLength(2);
  });

  it("answers 429 with retry_after beyond the rate limit and counts rejections", async () => {
    const emulator = await startEmulator({ rateLimit: { perSecond: 5, retryAfter: 1 } });
    const bot = createBot(emulator);
    emulator.user(16);

    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => bot.api.sendMessage(16, `burst ${i}`)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(3);
    expect(rejected[0].reason).toMatchObject({
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(emulator.stats()).toMatchObject({ sendMessage: 5, rejected429: 3 });

    // With auto-retry the bot waits retry_after and gets every message through.
    bot.api.config.use(autoRetry());
    await Promise.all(Array.from({ length: 7 }, (_, i) => bot.api.sendMessage(16, `retried ${i}`)));
    const stats = emulator.stats();
    expect(stats.sendMessage).toBe(12);
    expect(stats.rejected429).toBeGreaterThan(3);
    expect(stats.perSecond.reduce((sum, s) => sum + s.sendMessage, 0)).toBe(12);
  });

  it("answers 403 after the user blocked the bot and tells the bot via my_chat_member", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    const statuses: string[] = [];
    bot.on("my_chat_member", (ctx) => {
      statuses.push(ctx.myChatMember.new_chat_member.status);
    });
    await startPolling(bot);

    const user = emulator.user(17);
    await bot.api.sendMessage(17, "before");
    emulator.blockBot(17);
    await expectApiError(bot.api.sendMessage(17, "after"), 403, "Forbidden: bot was blocked by the user");
    await user.waitForIdle();
    expect(statuses).toEqual(["kicked"]);
    expect(user.messages().map((m) => m.text)).toEqual(["before"]);
  });

  it("re-delivers an update with the same update_id", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    const seen: number[] = [];
    bot.on("message:text", (ctx) => {
      seen.push(ctx.update.update_id);
    });
    await startPolling(bot);

    const user = emulator.user(18);
    const update = {
      update_id: 777,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 18, type: "private", first_name: "U" },
        from: { id: 18, is_bot: false, first_name: "U" },
        text: "dup",
      },
    };
    expect(emulator.pushUpdate(update)).toBe(777);
    await user.waitForIdle();
    emulator.pushUpdate(update);
    await user.waitForIdle();
    await user.send("fresh");
    await user.waitForIdle();
    expect(seen.slice(0, 2)).toEqual([777, 777]);
    expect(seen[2]).toBeGreaterThan(777); // fresh updates keep counting upwards
  });

  it("keeps a user bound to one bot when several bots share the emulator", async () => {
    const emulator = await startEmulator();
    const first = createBot(emulator, "111:first");
    const second = createBot(emulator, "222:second");
    first.on("message", (ctx) => ctx.reply("from first"));
    second.on("message", (ctx) => ctx.reply("from second"));
    await startPolling(first);
    await startPolling(second);

    const user = emulator.user(19, { botToken: "222:second" });
    await user.send("hi");
    expect(await user.waitForMessage()).toMatchObject({ text: "from second", botId: 222 });
  });

  it("stores commands and menu buttons", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    await bot.api.setMyCommands([{ command: "start", description: "Bắt đầu" }], { language_code: "vi" });
    expect(await bot.api.getMyCommands({ language_code: "vi" })).toEqual([{ command: "start", description: "Bắt đầu" }]);
    expect(await bot.api.getMyCommands()).toEqual([]);
    await expectApiError(bot.api.setMyCommands([{ command: "Bad-Name", description: "x" }]), 400, /BOT_COMMAND_INVALID/);
    await bot.api.deleteMyCommands({ language_code: "vi" });
    expect(await bot.api.getMyCommands({ language_code: "vi" })).toEqual([]);
    await bot.api.setChatMenuButton({ menu_button: { type: "commands" } });
    expect(emulator.calls.some((c) => c.method === "setChatMenuButton")).toBe(true);
  });
});

describe("BotApiEmulator in webhook mode", () => {
  it("posts updates with the secret header and falls back to getUpdates after deleteWebhook", async () => {
    const emulator = await startEmulator();
    const bot = createBot(emulator);
    bot.on("message:text", (ctx) => ctx.reply(`webhook echo: ${ctx.message.text}`));
    const receivedHeaders: IncomingHttpHeaders[] = [];
    const handle = webhookCallback(bot, "http", { secretToken: "s3cret" });
    const server = createServer((req, res) => {
      receivedHeaders.push(req.headers);
      void handle(req, res);
    });
    const url = await listen(server);

    await bot.api.setWebhook(url, { secret_token: "s3cret" });
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url, pending_update_count: 0 });
    await expectApiError(bot.api.getUpdates(), 409, /webhook is active/);

    const user = emulator.user(20);
    await user.send("via webhook");
    expect((await user.waitForMessage()).text).toBe("webhook echo: via webhook");
    expect(receivedHeaders[0]["x-telegram-bot-api-secret-token"]).toBe("s3cret");

    await bot.api.deleteWebhook();
    await user.send("queued");
    const updates = await bot.api.getUpdates({ timeout: 1 });
    expect(updates.map((u) => u.message?.text)).toEqual(["queued"]);
    expect(receivedHeaders).toHaveLength(1);
  });
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
}
