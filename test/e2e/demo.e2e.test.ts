// `npm run demo` is what a newcomer sees first: every scene must still play to its end against the bot as it is.
import { expect, it } from "vitest";
import { SCENES } from "../../scripts/demo/index";
import { demoSummary } from "../../scripts/demo/summary";
import { startDemoWorld } from "../../scripts/demo/world";

it("the demo plays every scene to its end, in Vietnamese: the branch's reviews, then its base committee above it", async () => {
  const lines: string[] = [];
  const world = await startDemoWorld("2026-12-01T02:00:00.000Z", (line) => lines.push(line));
  const db = world.h.db;
  try {
    for (const scene of SCENES) {
      world.transcript.scene(scene.title);
      await scene.play(world);
    }
    const reviews = await db.selfReview.findMany({ select: { submittedAt: true, late: true } });
    expect(reviews.filter((r) => r.submittedAt)).toHaveLength(5);
    expect(reviews.filter((r) => r.late)).toHaveLength(1);

    // The base committee: set up by its own secretary, both branches under it by its links, a member by the third.
    const committee = await db.organization.findFirstOrThrow({ where: { kind: "base-committee" }, include: { children: true } });
    expect(committee.name).toBe("Đảng ủy Sở Tài chính");
    expect(committee.children.map((c) => c.name).sort()).toEqual(["Chi bộ Kế hoạch", "Chi bộ Văn phòng Sở"]);
    const roles = await db.roleGrant.findMany({ where: { orgId: committee.id }, include: { user: true } });
    expect(roles.map((r) => [r.user.telegramId, r.role]).sort()).toEqual([
      ["401", "secretary"],
      ["402", "committee"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "org-invite.claimed" } })).toBe(3);
    // Every member of both branches recognized; the committee-wide 15% moved the one excellent by vote down.
    const latest = await db.memberResult.findMany({ where: { state: "recognized" }, include: { member: true } });
    expect(new Set(latest.map((r) => r.member.fullName)).size).toBe(8);
    expect(latest.filter((r) => r.outcome === "L1")).toEqual([]);
    expect(await db.committeeCapDecision.count({ where: { committeeId: committee.id } })).toBeGreaterThan(0);
    // The branches' ratings recognized by the committee; the committee's own proposed to the level above.
    const scores = await db.orgScore.findMany({ include: { org: true }, orderBy: { version: "asc" } });
    const newest = new Map(scores.map((s) => [s.org.name, s]));
    expect(newest.get("Chi bộ Văn phòng Sở")).toMatchObject({ state: "recognized", level: "good", total: 93 });
    expect(newest.get("Chi bộ Kế hoạch")).toMatchObject({ state: "recognized", level: "tsvm", total: 96 });
    expect(newest.get("Đảng ủy Sở Tài chính")).toMatchObject({ state: "proposed", total: 91 });

    const transcript = lines.join("\n");
    expect(transcript).toContain("Đảng ủy Sở Tài chính đã áp dụng giới hạn");
    expect(transcript).toContain("🏅 Thi đua, khen thưởng năm 2026 — Đảng ủy Sở Tài chính");
    expect(transcript).not.toMatch(/Chi bộ Chi bộ|\{\{|undefined|\bTôi\b/);
    expect(await demoSummary(db)).toBe(
      "Done: 5 self-reviews submitted, 1 of them late; Đảng ủy Sở Tài chính: 2 branches, 8 members' results recognized, " +
        "3 organizations scored, 2 branch ratings recognized.",
    );
  } finally {
    await world.stop();
  }
}, 180_000);
