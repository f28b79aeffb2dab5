import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { seedBranch } from "../test/support/seed";
import { listAudit } from "./audit";
import type { Db } from "./client";
import { loadIdentity } from "./users";
import { getReview, getReviewForViewer, getReviewProgress, listSubmissions, reviewerContext, saveDraftPart, submitReview } from "./reviews";

let db: Db;
let cleanup: () => Promise<void>;
let ids: Awaited<ReturnType<typeof seedBranch>>;
const deadline = "2026-12-20T16:59:59.000Z";
const before = new Date("2026-12-10T03:00:00Z");
const after = new Date("2026-12-21T03:00:00Z");
const SECRET = "Tôi luôn kiên định lập trường chính trị";

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  ids = await seedBranch(db, {
    selfReviewDeadline: deadline,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 102, roles: ["secretary"] },
      { fullName: "Lê Văn Cường", kind: "official", telegramId: 103, roles: ["committee"] },
      { fullName: "Phạm Thị Dung", kind: "official", telegramId: 104 },
    ],
  });
});
afterEach(() => cleanup());

const an = () => ({ periodId: ids.periodId, memberId: ids.memberIds["Nguyễn Văn An"] });

async function writeAll(at: Date) {
  for (const [part, value] of [
    ["a", SECRET],
    ["b", "B"],
    ["c", "C"],
    ["d", "D"],
    ["hcm", "HCM"],
    ["rating", "L2"],
  ] as const) {
    expect((await saveDraftPart(db, { ...an(), part, value }, at)).status).toBe("saved");
  }
}

describe("self-reviews against a real SQLite file", () => {
  it("M4, M5: tells which parts are written and whether it was submitted, without the texts", async () => {
    expect(await getReviewProgress(db, an().periodId, an().memberId)).toBeNull();
    await saveDraftPart(db, { ...an(), part: "b", value: SECRET }, before);
    await saveDraftPart(db, { ...an(), part: "rating", value: "L3" }, before);
    expect(await getReviewProgress(db, an().periodId, an().memberId)).toEqual({ written: ["b", "rating"], submittedAt: null });
    await writeAll(before);
    await submitReview(db, an(), before, deadline);
    const progress = await getReviewProgress(db, an().periodId, an().memberId);
    expect(progress).toEqual({ written: ["a", "b", "c", "d", "hcm", "rating"], submittedAt: before.toISOString() });
    expect(JSON.stringify(progress)).not.toContain(SECRET);
  });

  it("M4: saves each part as a draft at once and reads it back as plain JSON data", async () => {
    expect(await getReview(db, an().periodId, an().memberId)).toBeNull();
    await saveDraftPart(db, { ...an(), part: "a", value: SECRET }, before);
    await saveDraftPart(db, { ...an(), part: "rating", value: "L3" }, before);
    await saveDraftPart(db, { ...an(), part: "a", value: "corrected" }, before);
    const review = await getReview(db, an().periodId, an().memberId);
    expect(review).toMatchObject({
      contents: { a: "corrected", b: null, c: null, d: null },
      selfRating: "L3",
      submittedAt: null,
      late: false,
    });
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
    expect(await listSubmissions(db, an().periodId)).toEqual([
      { memberId: an().memberId, submittedAt: null, late: false, updatedAt: review!.updatedAt },
    ]);
  });

  it("M4: an incomplete review cannot be submitted and says what is missing", async () => {
    await saveDraftPart(db, { ...an(), part: "a", value: SECRET }, before);
    expect(await submitReview(db, an(), before, deadline)).toEqual({ status: "incomplete", missing: ["b", "c", "d", "hcm", "rating"] });
  });

  it("T2: submitted on time is not late; re-confirming an edit keeps the first submission time", async () => {
    await writeAll(before);
    const first = await submitReview(db, an(), before, deadline);
    expect(first).toMatchObject({ status: "submitted", late: false, resubmitted: false });
    expect(await saveDraftPart(db, { ...an(), part: "b", value: "B2" }, new Date("2026-12-15T00:00:00Z"))).toMatchObject({
      status: "saved",
    });
    const again = await submitReview(db, an(), new Date("2026-12-15T00:00:00Z"), deadline);
    expect(again).toMatchObject({ status: "submitted", late: false, resubmitted: true, review: { submittedAt: before.toISOString() } });
    expect((await getReview(db, an().periodId, an().memberId))!.contents.b).toBe("B2");
  });

  it("T2: a submission after the deadline is kept and marked late, never refused", async () => {
    await writeAll(after);
    expect(await submitReview(db, an(), after, deadline)).toMatchObject({ status: "submitted", late: true });
    expect(await listSubmissions(db, an().periodId)).toMatchObject([
      { memberId: an().memberId, submittedAt: after.toISOString(), late: true },
    ]);
  });

  it("T2: after the deadline a submitted review is locked: edits and re-confirmations are refused, the text stays", async () => {
    await writeAll(before);
    await submitReview(db, an(), before, deadline);
    expect(await saveDraftPart(db, { ...an(), part: "a", value: "changed too late" }, after)).toEqual({ status: "locked" });
    expect(await submitReview(db, an(), after, deadline)).toEqual({ status: "locked" });
    expect((await getReview(db, an().periodId, an().memberId))!.contents.a).toBe(SECRET);
  });

  it("audit events carry ids, parts, flags and the member's user as actor, never review text", async () => {
    const actorId = ids.userIds["Nguyễn Văn An"]!;
    await writeAll(before);
    await submitReview(db, { ...an(), actorId }, before, deadline);
    await saveDraftPart(db, { ...an(), actorId, part: "a", value: `edited ${SECRET}` }, before);
    const reviewId = (await db.selfReview.findFirstOrThrow()).id;
    const events = await listAudit(db, "SelfReview", reviewId);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["review.submitted", actorId],
      ["review.edited", actorId],
    ]);
    const everything = JSON.stringify(await db.auditEvent.findMany());
    expect(everything).not.toContain(SECRET.slice(0, 12));
  });

  it("review text is visible to the member, their secretary and committee only", async () => {
    await writeAll(before);
    const userOf = (name: string) => ids.userIds[name];
    const stranger = await loadIdentity(db, { id: 999 });
    const otherBranch = await seedBranch(db, {
      name: "Chi bộ khác",
      year: 2026,
      members: [{ fullName: "Võ Văn E", kind: "official", telegramId: 201, roles: ["secretary"] }],
    });
    const view = (viewer: string) => getReviewForViewer(db, viewer, an().memberId);
    for (const allowed of [userOf("Nguyễn Văn An"), userOf("Trần Thị Bình"), userOf("Lê Văn Cường")]) {
      expect(await view(allowed)).toMatchObject({ status: "ok", review: { contents: { a: SECRET } } });
    }
    for (const refused of [userOf("Phạm Thị Dung"), stranger.userId, otherBranch.userIds["Võ Văn E"]]) {
      expect(await view(refused)).toEqual({ status: "forbidden" });
    }
  });

  it("M5: the writer's context: name, leader flag, branch and its open period (none once it is closed)", async () => {
    const binh = ids.memberIds["Trần Thị Bình"];
    await db.member.update({ where: { id: binh }, data: { isLeader: true } });
    expect(await reviewerContext(db, binh)).toEqual({
      memberId: binh,
      fullName: "Trần Thị Bình",
      isLeader: true,
      orgId: ids.orgId,
      orgName: "Chi bộ Văn phòng",
      period: { id: ids.periodId, year: 2026, selfReviewDeadline: deadline },
    });
    expect((await reviewerContext(db, an().memberId))!.isLeader).toBe(false);
    await db.reviewPeriod.update({ where: { id: ids.periodId }, data: { closedAt: before } });
    expect((await reviewerContext(db, binh))!.period).toBeNull();
    expect(await reviewerContext(db, "no-such-member")).toBeNull();
  });
});
