// `npm run demo` is what a newcomer sees first: every scene must still play to its end against the bot as it is.
import { expect, it } from "vitest";
import { SCENES, SCENES_2025 } from "../../scripts/demo/index";
import { titleOf } from "../../scripts/demo/scene";
import { demoSummary } from "../../scripts/demo/summary";
import { type DemoWorld, startDemoWorld, ZALO_MEMBERS } from "../../scripts/demo/world";
import { ZALO_NUMBER_BASE } from "../../store/zalo";

const START = "2026-12-01T02:00:00.000Z";
const SUMMARY =
  "Done: 5 self-reviews submitted, 1 of them late; Đảng ủy Sở Tài chính: 2 branches, 8 members' results recognized, " +
  "3 organizations scored, 2 branch ratings recognized.";

async function playEveryScene(world: DemoWorld, scenes = SCENES): Promise<void> {
  for (const scene of scenes) {
    world.transcript.scene(titleOf(scene, world));
    await scene.play(world);
  }
}

it("the demo plays every scene to its end, in Vietnamese: the branch's reviews, then its base committee above it", async () => {
  const lines: string[] = [];
  const world = await startDemoWorld(START, (line) => lines.push(line));
  const db = world.h.db;
  try {
    await playEveryScene(world);
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
    expect(await demoSummary(db)).toBe(SUMMARY);
  } finally {
    await world.stop();
  }
}, 180_000);

it("`npm run demo -- --zalo` plays every scene with the members on Zalo: they type the code and answer menus by number", async () => {
  const lines: string[] = [];
  const world = await startDemoWorld(START, (line) => lines.push(line), { zalo: true });
  const db = world.h.db;
  try {
    await playEveryScene(world);
    // The four members reached the bot only on Zalo (its numbers start at 2^52); the secretary on Telegram.
    const members = await db.member.findMany({ where: { fullName: { in: [...ZALO_MEMBERS] } }, include: { user: true } });
    expect(members).toHaveLength(ZALO_MEMBERS.length);
    for (const m of members) expect(Number(m.user?.telegramId)).toBeGreaterThan(ZALO_NUMBER_BASE);
    const secretary = await db.member.findFirstOrThrow({ where: { fullName: "Trần Thị Bình" }, include: { user: true } });
    expect(secretary.user?.telegramId).toBe("201");
    // Every self-review step on Zalo went through: 13 answers per member, their menus sent as text.
    for (const name of ZALO_MEMBERS) {
      const zaloChat = lines.filter((l) => l.startsWith(`👤 ${name}: `));
      expect(zaloChat.filter((l) => /^👤 .+: \d+ {3}\(chọn «.+»\)$/.test(l)).length).toBeGreaterThanOrEqual(7);
    }
    // No keyboard and no over-long text reached Zalo: every refusal was an empty poll's 408.
    expect(world.h.zalo.calls.filter((c) => c.errorCode !== undefined && c.errorCode !== 408)).toEqual([]);
    const transcript = lines.join("\n");
    expect(transcript).toContain("— Trò chuyện riêng của Nguyễn Văn An với bot trên Zalo —");
    expect(transcript).toMatch(/\n {8}1\. Xác nhận gửi ✓\n/);
    expect(transcript).toContain("(gõ mã mời vào khung chat Zalo của bot)");
    expect(transcript).not.toMatch(/bấm đường liên kết/);
    // What the members read on Zalo asks them to press nothing and speaks of no invite link (they typed a code).
    const onZalo = world.h.zalo.calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text ?? ""));
    expect(onZalo.length).toBeGreaterThan(50);
    expect(onZalo.filter((text) => /\b(bấm|nút)\b|đường liên kết mời/iu.test(text))).toEqual([]);
    expect(transcript).not.toMatch(/\{\{|undefined/);
    expect(await demoSummary(db)).toBe(SUMMARY);
  } finally {
    await world.stop();
  }
}, 240_000);

it("`npm run demo -- --rules=2025` plays a branch under 366 from the self-scores to the committee's decision", async () => {
  const lines: string[] = [];
  const world = await startDemoWorld(START, (line) => lines.push(line));
  const db = world.h.db;
  try {
    await playEveryScene(world, SCENES_2025);
    const period = await db.reviewPeriod.findFirstOrThrow({ where: { org: { name: "Chi bộ Văn phòng Sở" } } });
    expect(period.rulebookId).toBe("qd366-2025");
    const forms = await db.member.findMany({ select: { fullName: true, form: true }, orderBy: { fullName: "asc" } });
    expect(forms.find((m) => m.fullName === "Lê Văn Cường")?.form).toBe("2C");
    // Three self-scores on their forms, five proposals by appraisal, every one decided by the committee.
    const reviews = await db.selfReview.findMany({ where: { submittedAt: { not: null } }, select: { form: true, scores: true } });
    expect(reviews.map((r) => r.form).sort()).toEqual(["2A", "2B", "2C"]);
    expect(await db.memberAppraisal.count({ where: { step: "proposal" } })).toBe(5);
    const recognized = await db.memberResult.findMany({ where: { state: "recognized" }, include: { member: true } });
    const level = (name: string) => recognized.filter((r) => r.member.fullName === name).at(-1)?.outcome;
    expect(level("Trần Thị Bình")).toBe("L1");
    // N7: decided otherwise than proposed (L3), with the reason kept first among the reasons.
    const em = recognized.filter((r) => r.member.fullName === "Hoàng Văn Em").at(-1)!;
    expect(em.outcome).toBe("L2");
    expect(JSON.parse(em.reasons)[0]).toMatchObject({ code: "decision.differs", params: { proposed: "L3" } });
    const transcript = lines.join("\n");
    expect(transcript).toContain("Văn bản áp dụng: Quy định 366-QĐ/TW");
    expect(transcript).toContain("Tổng: 24/30 điểm tiêu chí chung.");
    expect(transcript).toContain("Giới hạn 20% số đảng viên hoàn thành xuất sắc nhiệm vụ");
    // N11, N7, N12, NO1–NO2: the draft report's day, appraisals counted, the 366 papers, the branch's own rating.
    expect(transcript).toContain("chậm nhất ngày 18/12/2026 (3 ngày làm việc trước ngày họp");
    expect(transcript).toContain("Đã thẩm định: 5");
    expect(transcript).toContain("[tệp bien-ban-hop-chi-bo-xet-xep-loai-2026.docx]");
    const rating = await db.orgScore.findFirstOrThrow({ where: { org: { name: "Chi bộ Văn phòng Sở" } }, orderBy: { version: "desc" } });
    expect(rating).toMatchObject({ total: 86, level: "good", state: "recognized" });
    expect(transcript).not.toMatch(/Chi bộ Chi bộ|\{\{|undefined/);
  } finally {
    await world.stop();
  }
}, 240_000);
