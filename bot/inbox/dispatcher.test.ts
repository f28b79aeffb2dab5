import pino from "pino";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../store/client";
import { freshDb } from "../../test/support/db";
import { createDispatcher } from "./dispatcher";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const log = pino({ level: "silent" });
const message = (updateId: number, chatId: number): Update =>
  ({
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chatId, type: "private", first_name: "X" }, text: "t" },
  }) as Update;
const unhandled = () => db.inboundUpdate.count({ where: { handledAt: null } });

describe("the dispatcher of the durable inbox", () => {
  it("handles a chat's updates in order and each id once, however often it is delivered", async () => {
    const seen: number[] = [];
    const dispatcher = createDispatcher({ db, log, clock: () => new Date(), handle: async (u) => void seen.push(u.update_id) });
    await dispatcher.accept([message(1, 7), message(2, 7)]);
    await dispatcher.accept([message(2, 7), message(3, 7), message(1, 7)]);
    await dispatcher.idle();
    expect(seen).toEqual([1, 2, 3]);
    expect(await unhandled()).toBe(0);
  });

  it("a failing handler is logged and marked handled; the chat and the others go on", async () => {
    const seen: number[] = [];
    const dispatcher = createDispatcher({
      db,
      log,
      clock: () => new Date(),
      handle: async (u) => {
        if (u.update_id === 1) throw new Error("403 from a blocked chat");
        seen.push(u.update_id);
      },
    });
    await dispatcher.accept([message(1, 7), message(2, 7), message(3, 8)]);
    await dispatcher.idle();
    expect(seen.sort()).toEqual([2, 3]);
    expect(await unhandled()).toBe(0);
  });

  it("one chat's flood waits behind the others: a second chat is served after at most one of the flood's updates", async () => {
    const order: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const dispatcher = createDispatcher({
      db,
      log,
      clock: () => new Date(),
      maxRunningChats: 1,
      handle: async (u) => {
        await gate; // the flood's first update is still running when the second chat's arrives
        order.push(`${u.message!.chat.id}:${u.update_id}`);
      },
    });
    await dispatcher.accept(Array.from({ length: 50 }, (_, i) => message(i + 1, 7)));
    await dispatcher.accept([message(100, 8)]);
    open();
    await dispatcher.idle();
    expect(order.indexOf("8:100")).toBe(1);
    expect(order.filter((o) => o.startsWith("7:"))).toEqual(Array.from({ length: 50 }, (_, i) => `7:${i + 1}`));
  });

  it("what a stopped run received and did not handle is handled by the next, in order", async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const first = createDispatcher({ db, log, clock: () => new Date(), maxRunningChats: 1, handle: () => blocked });
    await first.accept([message(1, 7), message(2, 7), message(3, 9)]);
    const stopping = first.stop();
    release();
    await stopping;
    const seen: number[] = [];
    const second = createDispatcher({ db, log, clock: () => new Date(), handle: async (u) => void seen.push(u.update_id) });
    expect(await second.resume()).toBe(2);
    await second.idle();
    expect(seen).toEqual([2, 3]);
    expect(await unhandled()).toBe(0);
  });
});
