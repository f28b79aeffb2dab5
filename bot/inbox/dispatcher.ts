// The update loop's core: updates are written to the durable inbox (store/inbox.ts) before anyone tells Telegram
// they arrived, then handled one at a time per chat, many chats at once. A chat waiting for its turn holds no slot,
// and a chat with more to do gives its slot up after each update when others wait: one account sending a flood
// delays only itself. An update is marked handled after its handler ends, whether it succeeded or failed (a failure
// is logged by update id, never with its contents); what a kill interrupts is handled again at the next start.
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../../store/client";
import { enqueueUpdates, markHandled, unhandledUpdates } from "../../store/inbox";
import { chatKeyOf } from "./chat-key";

export type DispatcherOptions = {
  db: Db;
  log: Logger;
  clock: () => Date;
  handle: (update: Update) => Promise<void>;
  /** Chats handled at the same moment; the others wait their turn. */
  maxRunningChats?: number;
  /** Told when an update is handled and its mark committed (benchmarks time each update to this point). */
  onHandled?: (updateId: number) => void;
};

export type Dispatcher = {
  /** Durably queues the updates (a re-delivered id is dropped); resolves once they are safe to confirm to Telegram. */
  accept(updates: readonly Update[]): Promise<void>;
  /**
   * Queues updates another channel already wrote to the inbox in its own commit (bot/zalo/), in order; a row that
   * brings its update already read is not parsed again.
   */
  adopt(rows: readonly { chatKey: string; payload: string; update?: Update }[]): void;
  /** Queues what a previous run received and did not finish (call once, at start). */
  resume(): Promise<number>;
  /** Updates queued or being handled. */
  pending(): number;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Starts nothing new; resolves when the updates being handled are done (the rest stay in the inbox). */
  stop(): Promise<void>;
};

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, log, clock, handle } = options;
  const maxRunning = options.maxRunningChats ?? 64;
  const queues = new Map<string, Update[]>();
  const ready: string[] = []; // chats with work and no slot, in arrival order
  const running = new Map<string, Promise<void>>();
  let queued = 0;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];
  const marking = new Set<Promise<void>>();

  function push(chatKey: string, update: Update): void {
    queued++;
    const queue = queues.get(chatKey);
    if (queue) return void queue.push(update);
    queues.set(chatKey, [update]);
    ready.push(chatKey);
    startReady();
  }

  function startReady(): void {
    while (!stopped && running.size < maxRunning && ready.length > 0) {
      const chatKey = ready.shift()!;
      running.set(chatKey, runOne(chatKey));
    }
  }

  async function runOne(chatKey: string): Promise<void> {
    const queue = queues.get(chatKey)!;
    const update = queue.shift()!;
    try {
      await handle(update);
    } catch (error) {
      log.error({ updateId: update.update_id, name: (error as Error)?.name }, "update failed");
    }
    // The mark joins the next shared commit without holding the chat up: if a kill comes first, the update is
    // handled again at the next start, and what it wrote is recognised (store/review-drafts.ts).
    const marked = markHandled(db, update.update_id, clock()).catch((error) =>
      log.error({ updateId: update.update_id, name: (error as Error)?.name }, "update not marked handled"),
    );
    marking.add(marked);
    void marked.finally(() => {
      marking.delete(marked);
      options.onHandled?.(update.update_id);
      wakeIfIdle();
    });
    queued--;
    running.delete(chatKey);
    if (queue.length > 0)
      ready.push(chatKey); // behind every chat already waiting
    else queues.delete(chatKey);
    startReady();
  }

  /** Idle: nothing queued, nothing running, every mark committed. */
  function wakeIfIdle(): void {
    if (queued === 0 && marking.size === 0) for (const wake of idleWaiters.splice(0)) wake();
  }

  return {
    async accept(updates) {
      const rows = updates.map((update) => ({ updateId: update.update_id, chatKey: chatKeyOf(update), payload: JSON.stringify(update) }));
      const fresh = new Set((await enqueueUpdates(db, rows, clock())).map((row) => row.updateId));
      for (const [i, update] of updates.entries()) if (fresh.has(update.update_id)) push(rows[i].chatKey, update);
    },
    adopt(rows) {
      for (const row of rows) push(row.chatKey, row.update ?? (JSON.parse(row.payload) as Update));
    },
    async resume() {
      const left = await unhandledUpdates(db);
      for (const row of left) push(row.chatKey, JSON.parse(row.payload) as Update);
      return left.length;
    },
    pending: () => queued,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wakeIfIdle();
      }),
    async stop() {
      stopped = true;
      await Promise.all(running.values());
      await Promise.all(marking);
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
    },
  };
}
