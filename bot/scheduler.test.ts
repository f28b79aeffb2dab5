import { describe, expect, it } from "vitest";
import { telegramThrottle } from "./scheduler";

describe("the fan-out throttle", () => {
  it.each([30, 100, 200, 1000])("no sliding second can hold more than %i calls, however the ticks fall", (limit) => {
    const global = telegramThrottle(limit).global as { reservoir: number; reservoirRefreshAmount: number; heartbeatInterval: number };
    const ticksPerSecond = Math.ceil(1000 / global.heartbeatInterval);
    expect(global.reservoirRefreshAmount * ticksPerSecond).toBeLessThanOrEqual(limit);
    // …and still uses at least 95% of the limit when the heartbeat is on time.
    expect((global.reservoirRefreshAmount * 1000) / global.heartbeatInterval).toBeGreaterThanOrEqual(0.95 * limit);
  });

  it("Telegram's per-chat limit: one message a second per private chat", () => {
    expect(telegramThrottle().out).toMatchObject({ maxConcurrent: 1, minTime: 1000 });
  });
});
