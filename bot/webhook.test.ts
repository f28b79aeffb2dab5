import type { Api } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../store/client";
import { freshDb } from "../test/support/db";
import { createDispatcher, type Dispatcher } from "./inbox/dispatcher";
import { startWebhookServer } from "./webhook";

let db: Db;
let cleanup: () => Promise<void>;
let stopServer: (() => Promise<void>) | undefined;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(async () => {
  await stopServer?.();
  await cleanup();
});

const SECRET = "secret-of-the-test-1234";
const log = pino({ level: "silent" });
const api = { setWebhook: async () => true } as unknown as Api;

async function serve(dispatcher: Dispatcher) {
  const server = await startWebhookServer(api, dispatcher, log, {
    url: "http://127.0.0.1:0/hook",
    secret: SECRET,
    port: 0,
    host: "127.0.0.1",
  });
  stopServer = server.stop;
  return (body: string, secret = SECRET) =>
    fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body,
    }).then((response) => response.status);
}

describe("webhook mode through the durable inbox", () => {
  it("answers 200 once the update is queued, while its handler is still running, and queues a retry of it once", async () => {
    let started = 0;
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const dispatcher = createDispatcher({
      db,
      log,
      clock: () => new Date(),
      handle: () => {
        started++;
        return slow;
      },
    });
    const post = await serve(dispatcher);
    expect(await post(JSON.stringify({ update_id: 5 }))).toBe(200);
    expect(await post(JSON.stringify({ update_id: 5 }))).toBe(200);
    expect(dispatcher.pending()).toBe(1);
    release();
    await dispatcher.idle();
    expect(started).toBe(1);
    expect(await db.inboundUpdate.count({ where: { handledAt: { not: null } } })).toBe(1);
  });

  it("refuses a post without the secret, and a body that is not an update", async () => {
    const post = await serve(createDispatcher({ db, log, clock: () => new Date(), handle: async () => undefined }));
    expect(await post(JSON.stringify({ update_id: 6 }), "wrong-secret-of-the-test")).toBe(401);
    expect(await post("not json")).toBe(400);
    expect(await post(JSON.stringify({ text: "no id" }))).toBe(400);
    expect(await db.inboundUpdate.count()).toBe(0);
  });

  it("answers 500 when the inbox cannot take the update (a full disk), so Telegram sends it again", async () => {
    const failing = {
      accept: () => Promise.reject(Object.assign(new Error("disk full"), { code: "SQLITE_FULL" })),
    } as unknown as Dispatcher;
    const post = await serve(failing);
    expect(await post(JSON.stringify({ update_id: 7 }))).toBe(500);
  });
});
