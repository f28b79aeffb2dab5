import { tooManyRequests } from "./api-error.js";

export type RateLimitOptions = { perSecond: number; retryAfter: number };
export type SecondStats = { second: number; sendMessage: number; rejected429: number };
export type EmulatorStats = { sendMessage: number; rejected429: number; perSecond: SecondStats[] };

/**
 * Global sendMessage flood control. Like Telegram, once a bot is over the limit
 * it stays rejected for `retryAfter` seconds, so retrying early also fails.
 */
export class SendRateLimiter {
  private readonly startedAt = Date.now();
  private readonly acceptedTimes: number[] = [];
  private penaltyUntil = 0;
  private readonly totals = { sendMessage: 0, rejected429: 0 };
  private readonly seconds = new Map<number, SecondStats>();

  constructor(private readonly limit?: RateLimitOptions) {}

  /** Throws the 429 error when the call must be rejected, otherwise counts it. */
  admit(now = Date.now()): void {
    if (this.limit && this.isOverLimit(now)) {
      if (now >= this.penaltyUntil) this.penaltyUntil = now + this.limit.retryAfter * 1000;
      this.count(now, "rejected429");
      throw tooManyRequests(Math.max(1, Math.ceil((this.penaltyUntil - now) / 1000)));
    }
    this.acceptedTimes.push(now);
    this.count(now, "sendMessage");
  }

  stats(): EmulatorStats {
    const perSecond = [...this.seconds.values()].sort((a, b) => a.second - b.second).map((s) => ({ ...s }));
    return { ...this.totals, perSecond };
  }

  private isOverLimit(now: number): boolean {
    if (now < this.penaltyUntil) return true;
    while (this.acceptedTimes.length > 0 && this.acceptedTimes[0] <= now - 1000) this.acceptedTimes.shift();
    return this.acceptedTimes.length >= this.limit!.perSecond;
  }

  private count(now: number, kind: "sendMessage" | "rejected429"): void {
    const second = Math.floor((now - this.startedAt) / 1000);
    const bucket = this.seconds.get(second) ?? { second, sendMessage: 0, rejected429: 0 };
    bucket[kind]++;
    this.seconds.set(second, bucket);
    this.totals[kind]++;
  }
}
