// Issue 14: the Zalo channel in webhook mode — the secret checked, bare and wrapped bodies, a duplicate delivery
// handled once, the member's self-review going on as with polling.
import { afterEach, describe, expect, it } from "vitest";
import { issueInvites } from "../../store/invites";
import { getReview } from "../../store/reviews";
import { type Harness, startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { DEADLINE, TEXTS } from "./self-review-steps";

let h: Harness;
afterEach(() => h.stop());

describe("the Zalo channel by webhook (issue 14)", () => {
  it("takes bare and wrapped deliveries, each once however often Zalo posts it, and refuses a wrong secret", async () => {
    h = await startHarness({ now: "2026-12-10T02:00:00.000Z", zalo: true, zaloWebhook: true });
    expect(h.zalo.delivery).toBe("webhook"); // the bot set its webhook at start
    expect(h.zalo.webhook).toEqual({ url: h.zaloWebhook!.url, secretToken: h.zaloWebhook!.secret });
    const ids = await seedBranch(h.db, {
      selfReviewDeadline: DEADLINE,
      members: [{ fullName: "Nguyễn Văn An", kind: "official" }],
    });
    const [invite] = await issueInvites(h.db, { orgId: ids.orgId }, null, h.clock.now());
    const an = h.zalo.user("Nguyễn Văn An");

    an.send(invite.code);
    await an.waitFor(/Chào mừng đồng chí Nguyễn Văn An/);
    h.zalo.webhookBody = "wrapped";
    an.send("/review");
    await an.waitFor(/Về tư tưởng chính trị/);
    h.zalo.duplicateNext();
    an.send(TEXTS.a);
    await an.waitFor(/^Đã lưu/);
    an.send("1"); // the «Xong ✓» menu
    await an.waitFor(/Về phẩm chất đạo đức, lối sống/);
    h.zalo.redeliverLast(); // the "1" once more: the menu is gone by now, but it must not even reach the dialog
    await h.zalo.flushWebhook();
    await an.waitForIdle();

    expect((await getReview(h.db, ids.periodId, ids.memberIds["Nguyễn Văn An"]))?.contents.a).toBe(TEXTS.a);
    expect(an.messages().filter((m) => (m.text ?? "").startsWith("Đã lưu"))).toHaveLength(1);
    const posts = h.zalo.deliveries;
    expect(posts.filter((post) => JSON.stringify(post.body).includes(TEXTS.a))).toHaveLength(2); // posted twice
    expect(posts.filter((post) => JSON.stringify(post.body).includes('"text":"1"'))).toHaveLength(2); // redelivered
    expect(an.messages().filter((m) => (m.text ?? "").includes("Về phẩm chất đạo đức, lối sống"))).toHaveLength(1); // acted on once
    expect(an.messages().at(-1)?.text).toMatch(/Về phẩm chất đạo đức, lối sống/); // and nothing answered the redelivery
    expect(posts.at(-1)?.body).toHaveProperty("result"); // wrapped
    expect(posts.every((post) => post.status === 200)).toBe(true); // a duplicate is answered 200 and dropped

    const forged = await fetch(h.zaloWebhook!.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": "not-the-secret" },
      body: JSON.stringify(posts[0].body),
    });
    expect(forged.status).toBe(401);
    const tooBig = await fetch(h.zaloWebhook!.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": h.zaloWebhook!.secret },
      body: JSON.stringify({ padding: "x".repeat(1_100_000) }),
    });
    expect(tooBig.status).toBe(400);
  });
});
