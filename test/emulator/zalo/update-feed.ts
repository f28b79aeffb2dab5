import type { ZaloUpdate } from "./zalo-updates.js";

type Waiter = (update: ZaloUpdate | undefined) => void;

/**
 * The updates waiting for the bot. Zalo has no offset: an update handed out (to a poll or a webhook POST) is gone.
 * `duplicateNext` and `redeliverLast` put one back on demand, as a flaky Zalo might.
 */
export class UpdateFeed {
  private readonly queue: ZaloUpdate[] = [];
  private waiter?: Waiter;
  private lastHandedOut?: ZaloUpdate;
  private duplicatesOwed = 0;
  private readonly listeners = new Set<() => void>();
  /** When an update was last handed out: the bot is busy with it for a while (Zalo gets no acknowledgement). */
  lastTakenAt = 0;

  get pending(): number {
    return this.queue.length;
  }

  get polling(): boolean {
    return this.waiter !== undefined;
  }

  push(update: ZaloUpdate): void {
    this.queue.push(update);
    this.changed();
  }

  /** The next update handed out is handed out twice in a row. */
  duplicateNext(): void {
    this.duplicatesOwed++;
  }

  /** The last update handed out comes again, before anything else. */
  redeliverLast(): void {
    if (!this.lastHandedOut) throw new Error("redeliverLast: no update was delivered yet");
    this.queue.unshift(this.lastHandedOut);
    this.changed();
  }

  /** Hands out the oldest update, a deep copy so the bot cannot change what a redelivery sends. */
  take(): ZaloUpdate | undefined {
    const update = this.queue.shift();
    if (!update) return undefined;
    if (this.duplicatesOwed > 0) {
      this.duplicatesOwed--;
      this.queue.unshift(update);
    }
    this.lastHandedOut = update;
    this.lastTakenAt = Date.now();
    return structuredClone(update);
  }

  /** One long poll: resolves with an update, or undefined after timeoutMs or when cancelled. The caller checks `polling` first. */
  poll(timeoutMs: number): { result: Promise<ZaloUpdate | undefined>; cancel: () => void } {
    const ready = this.take();
    if (ready) return { result: Promise.resolve(ready), cancel: () => {} };
    let finish!: Waiter;
    const result = new Promise<ZaloUpdate | undefined>((resolve) => {
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      finish = (update) => {
        clearTimeout(timer);
        if (this.waiter === finish) this.waiter = undefined;
        resolve(update);
      };
    });
    this.waiter = finish;
    return { result, cancel: () => finish(undefined) };
  }

  /** Ends a waiting poll with nothing (stop, or a webhook was set). */
  releasePoll(): void {
    this.waiter?.(undefined);
  }

  /** Called after every push or redelivery (the webhook sender listens). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.waiter) {
      const update = this.take();
      if (update) this.waiter(update);
    }
    for (const listener of this.listeners) listener();
  }
}
