import { describe, expect, it } from "vitest";
import { inviteExpiryMs } from "./invites";
import { hd07_2011 } from "./rulebooks";

const DAY = 86_400_000;
const NOW = Date.parse("2026-12-01T02:00:00.000Z");
const DEADLINE = Date.parse("2026-12-20T16:59:59.000Z");

describe("inviteExpiryMs", () => {
  it("lasts until at least a week after the self-review deadline", () => {
    expect(hd07_2011.invites.daysAfterSelfReviewDeadline).toBeGreaterThanOrEqual(7);
    expect(inviteExpiryMs(hd07_2011.invites, NOW, DEADLINE)).toBe(DEADLINE + 7 * DAY);
  });
  it("keeps the rulebook's span when the deadline is near or past, and without a period", () => {
    const rule = { validDays: 14, daysAfterSelfReviewDeadline: 7 };
    expect(inviteExpiryMs(rule, NOW, NOW)).toBe(NOW + 14 * DAY);
    expect(inviteExpiryMs(rule, NOW, null)).toBe(NOW + 14 * DAY);
  });
});
