// Fairness: one account cannot take the bot's time (and Telegram's 30 messages a second shared by everyone) from the
// others. Each person may send UPDATES_PER_WINDOW updates in a window that starts at their first one; the rest of
// the window is dropped, and the first dropped update gets one polite answer.
import { limit } from "@grammyjs/ratelimiter";
import type { BotContext } from "./kit/context";

/**
 * A real member's busiest moment stays far below: a 20,000-character paste arrives as 5 messages within a second,
 * quick taps on buttons are a few a second. A flood of hundreds is cut after this many.
 */
export const UPDATES_PER_WINDOW = 20;
export const WINDOW_MS = 10_000;

export type RateLimitSettings = { updates: number; windowMs: number };
export const PEOPLE_RATE_LIMIT: RateLimitSettings = { updates: UPDATES_PER_WINDOW, windowMs: WINDOW_MS };
/** For scripts that play users faster than any person types (end-to-end tests, the demo). */
export const SCRIPTED_USERS_RATE_LIMIT: RateLimitSettings = { updates: 100_000, windowMs: WINDOW_MS };

type Counter = { count: number; endsAt: number };

/**
 * The plugin's store interface (Redis' INCR and PEXPIRE) in memory, with a window per person that starts at their
 * first update; the plugin's own memory store clears every person at once on a global timer instead.
 */
export class WindowCounters {
  private readonly counters = new Map<string, Counter>();
  constructor(private readonly now: () => number = () => performance.now()) {}

  async incr(key: string): Promise<number> {
    const now = this.now();
    const current = this.counters.get(key);
    if (current && current.endsAt > now) return ++current.count;
    if (this.counters.size > 10_000) this.forgetEnded(now);
    this.counters.set(key, { count: 1, endsAt: Infinity });
    return 1;
  }

  async pexpire(key: string, ms: number): Promise<number> {
    const counter = this.counters.get(key);
    if (!counter) return 0;
    counter.endsAt = this.now() + ms;
    return 1;
  }

  private forgetEnded(now: number) {
    for (const [key, counter] of this.counters) if (counter.endsAt <= now) this.counters.delete(key);
  }
}

/** The middleware; after the identity middleware, so the answer is in the person's language. */
export function rateLimit(settings: RateLimitSettings = PEOPLE_RATE_LIMIT, counters = new WindowCounters()) {
  return limit<BotContext, WindowCounters>({
    timeFrame: settings.windowMs,
    limit: settings.updates,
    storageClient: counters,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: (ctx) => answerPolitely(ctx, settings.windowMs), // returned: the update's handling waits for it
  });
}

async function answerPolitely(ctx: BotContext, windowMs: number) {
  const text = ctx.t("rate-limit.slow-down", { seconds: Math.ceil(windowMs / 1000) });
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat?.type === "private") await ctx.reply(text);
  } catch (error) {
    ctx.deps.log.warn(
      { updateId: ctx.update.update_id, code: (error as { error_code?: number }).error_code },
      "rate-limit notice not sent",
    );
  }
}
