import pino from "pino";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../store/client";
import { ZaloEmulator } from "../../test/emulator/zalo/zalo-emulator";
import { freshDb } from "../../test/support/db";
import { createDispatcher } from "../inbox/dispatcher";
import { createZaloClient } from "./client";
import { startZaloPolling, ZaloTokenRefused } from "./polling";

let db: Db;
let cleanup: () => Promise<void>;
let zalo: ZaloEmulator;
const log = pino({ level: "silent" });
const clock = () => new Date("2026-12-01T02:00:00Z");

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  zalo = await ZaloEmulator.start();
});
afterEach(async () => {
  await zalo.stop();
  await cleanup();
});

describe("long polling of Zalo (issue 14)", () => {
  it("polls one at a time, takes 408 as nothing new, and goes on after a failed answer", async () => {
    const seen: Update[] = [];
    const dispatcher = createDispatcher({ db, log, clock, handle: async (u) => void seen.push(u) });
    const client = createZaloClient({ token: zalo.token, apiRoot: zalo.apiRoot });
    zalo.failNext("getUpdates", 500, "Internal Server Error");
    const polling = startZaloPolling({ client, db, dispatcher, log, clock, timeoutSeconds: 0.2 });
    const an = zalo.user("Nguyễn Văn An");
    while (zalo.counters.emptyPolls < 1) await new Promise((resolve) => setTimeout(resolve, 20)); // past the failure
    an.send("Xin chào");
    an.send("Lần hai");
    while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await polling.stop();
    expect(seen.map((u) => u.message?.text)).toEqual(["Xin chào", "Lần hai"]);
    expect(zalo.counters.concurrentPolls).toBe(0);
    expect(zalo.counters.emptyPolls).toBeGreaterThan(0);
    expect(zalo.calls.filter((call) => call.method === "getUpdates" && call.errorCode === 500)).toHaveLength(1);
  });

  it("a refused token ends the loop with an error that says so", async () => {
    const dispatcher = createDispatcher({ db, log, clock, handle: async () => undefined });
    const client = createZaloClient({ token: "1:wrong-secret", apiRoot: zalo.apiRoot });
    const polling = startZaloPolling({ client, db, dispatcher, log, clock, timeoutSeconds: 0.2 });
    await expect(polling.stopped).rejects.toBeInstanceOf(ZaloTokenRefused);
  });
});
