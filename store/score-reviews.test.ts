import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_SCORE_ITEMS } from "../domain/score-items";
import { FORM_TEXT_PARTS } from "../domain/self-score-parts";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import type { Db } from "./client";
import { appendToPart, replaceEditedMessage } from "./review-drafts";
import { getScoreReview, saveScoreAnswer, scoreReviewSetting, submitScoreReview } from "./score-reviews";

let db: Db;
let cleanup: () => Promise<void>;
let key: { periodId: string; memberId: string };
const deadline = "2026-12-20T16:59:59.000Z";
const before = new Date("2026-12-10T03:00:00Z");
const after = new Date("2026-12-21T03:00:00Z");
const items = EXAMPLE_SCORE_ITEMS["2C"];
const SECRET = "Bí mật của đồng chí Cường";

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  const ids = await seedBranch(db, {
    rulebookId: "qd366-2025",
    selfReviewDeadline: deadline,
    members: [{ fullName: "Lê Văn Cường", kind: "official", telegramId: 101, form: "2C" }],
  });
  key = { periodId: ids.periodId, memberId: ids.memberIds["Lê Văn Cường"] };
});
afterEach(() => cleanup());

/** The member's private chat on Telegram (message ids are per chat). */
const CHAT = 201;
const review = () => getScoreReview(db, key.periodId, key.memberId);

async function everythingButTheLastItem() {
  let messageId = 1;
  for (const part of FORM_TEXT_PARTS)
    if (part === "explanation") await saveScoreAnswer(db, key, { step: "skip", part }, before);
    else await appendToPart(db, { ...key, part, text: `${SECRET}: ${part}`, chatId: CHAT, messageId: messageId++, editing: false }, before);
  await saveScoreAnswer(db, key, { step: "fix-status", status: "being-fixed" }, before);
  for (const item of items.slice(0, -1)) await saveScoreAnswer(db, key, { step: "score", itemId: item.id, points: item.points }, before);
  await saveScoreAnswer(db, key, { step: "tasks", tasks: { assigned: 3, onTime: 2, late: 1, notDone: 0, exceeded: 0 } }, before);
  await saveScoreAnswer(db, key, { step: "proposal", level: "L3" }, before);
}

describe("the self-review on form 2A/2B/2C in the store (issue 15)", () => {
  it("N2: the period's rulebook and the roster's form choose the dialog", async () => {
    expect(await scoreReviewSetting(db, key.periodId, key.memberId)).toMatchObject({ rulebookId: "qd366-2025", quarter: 0, form: "2C" });
  });

  it("N2–N4: each answer lands in its column, scores merge item by item, and submission waits for every step", async () => {
    await everythingButTheLastItem();
    expect(await submitScoreReview(db, key, "2C", items, before, deadline)).toEqual({ status: "incomplete", missing: ["scores"] });
    await saveScoreAnswer(db, key, { step: "score", itemId: "t3", points: 9 }, before);
    expect(await submitScoreReview(db, key, "2C", items, before, deadline)).toMatchObject({ status: "submitted", late: false });
    const saved = review()!;
    expect(saved).toMatchObject({ form: "2C", submittedAt: before.toISOString(), late: false });
    expect(saved.draft).toMatchObject({
      texts: { strengths: `${SECRET}: strengths`, "task-results": `${SECRET}: task-results`, explanation: "" },
      fixStatus: "being-fixed",
      scores: { g1: 6, g5: 6, t1: 40, t2: 15, t3: 9 },
      tasks: { assigned: 3, onTime: 2, late: 1, notDone: 0, exceeded: 0 },
      proposal: "L3",
    });
  });

  it("T2: edits until the deadline (audited without the texts), locked after it", async () => {
    await everythingButTheLastItem();
    await saveScoreAnswer(db, key, { step: "score", itemId: "t3", points: 9 }, before);
    await submitScoreReview(db, key, "2C", items, before, deadline);
    await saveScoreAnswer(db, key, { step: "clear-scores" }, before);
    expect(review()!.draft.scores).toEqual({});
    expect(await submitScoreReview(db, key, "2C", items, before, deadline)).toEqual({ status: "incomplete", missing: ["scores"] });
    expect(await saveScoreAnswer(db, key, { step: "proposal", level: "L2" }, after)).toEqual({ status: "locked" });
    expect(
      await replaceEditedMessage(db, { memberIds: [key.memberId], actorId: null, chatId: CHAT, messageId: 1, text: "x" }, after),
    ).toEqual({
      status: "locked",
    });
    const audit = JSON.stringify(await db.auditEvent.findMany());
    expect(audit).toContain("review.edited");
    expect(audit).not.toContain(SECRET);
  });

  it("T2: a first submission after the deadline is kept and marked late", async () => {
    await everythingButTheLastItem();
    await saveScoreAnswer(db, key, { step: "score", itemId: "t3", points: 9 }, after);
    expect(await submitScoreReview(db, key, "2C", items, after, deadline)).toMatchObject({ status: "submitted", late: true });
    expect(review()).toMatchObject({ submittedAt: after.toISOString(), late: true });
  });

  it("a written part of the forms edited in Telegram replaces its text where it was added", async () => {
    await appendToPart(db, { ...key, part: "pledge", text: "Cam kết cũ.", chatId: CHAT, messageId: 5, editing: false }, before);
    expect(
      await replaceEditedMessage(
        db,
        { memberIds: [key.memberId], actorId: null, chatId: CHAT, messageId: 5, text: "Cam kết mới." },
        before,
      ),
    ).toEqual({
      status: "saved",
      part: "pledge",
    });
    expect(review()!.draft.texts.pledge).toBe("Cam kết mới.");
  });
});
