// Issue 9, point 7: replies whose text or keyboard grows with the roster still reach the person at 1,000 and 5,000
// members (the emulator refuses, as Telegram does, texts over 4,096 characters and keyboards over 100 buttons).
import { afterEach, describe, expect, it } from "vitest";
import type { SentMessage } from "../emulator/message-log";
import { createOrganization } from "../../store/orgs";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, type SeedMember, seedProposedResults } from "../support/seed";
import { openCard, SECRETARY as MEETING_SECRETARY, startMeetingWorld } from "./tally-steps";

const SECRETARY = 700;
const UPPER = 900;
let h: Harness | undefined;
afterEach(async () => h?.stop());

const roster = (count: number, extra: Partial<SeedMember> = {}): SeedMember[] => [
  { fullName: "Bí thư Chi bộ", kind: "official", telegramId: SECRETARY, roles: ["secretary"] },
  ...Array.from({ length: count - 1 }, (_, i) => ({ fullName: `Nguyễn Văn Thành Viên ${i + 1}`, kind: "official" as const, ...extra })),
];
const buttonsOf = (m: SentMessage) => ((m.replyMarkup?.inline_keyboard ?? []) as { text: string; callback_data: string }[][]).flat();
const fits = (m: SentMessage) => (m.text ?? "").length <= 4096 && buttonsOf(m).length <= 100;

describe("replies that grow with the roster", () => {
  it("/recognize pages the one-by-one keyboard of a branch of 1,000", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const parent = await createOrganization(h.db, { name: "Đảng ủy Khối", kind: "base-committee" }, null, h.clock.now());
    const branch = await seedBranch(h.db, {
      parentId: parent.id,
      members: roster(1000),
      outsiders: [{ telegramId: UPPER, roles: ["committee"] }],
    });
    await seedProposedResults(h.db, branch);
    const upper = h.user(UPPER);
    await upper.send("/recognize");
    await upper.waitForMessage(/1000 chờ công nhận/);
    await upper.click(/^Từng đồng chí/);
    const first = await upper.waitForMessage(/chọn kết quả/, 30_000);
    expect(fits(first)).toBe(true);
    expect(buttonsOf(first).filter((b) => b.text.startsWith("Công nhận:"))).toHaveLength(25);
    await upper.click("Sau ›");
    const second = await upper.waitForMessage((m) => m.edited === true, 30_000);
    expect(fits(second)).toBe(true);
    expect(buttonsOf(second).map((b) => b.text)).toContain("‹ Trước");
    expect(buttonsOf(second).map((b) => b.text)).toContain("Không công nhận: Nguyễn Văn Thành Viên 25");
  }, 60_000);

  it("sending for recognition with 5,000 members still to be counted names the first and counts the rest", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    await seedBranch(h.db, { members: roster(5000) });
    const secretary = h.user(SECRETARY);
    await secretary.send("/results");
    await secretary.waitForMessage(/chưa có kết quả/);
    await h.db.memberResult.deleteMany();
    // One result makes /results show its button; the other 4,999 members are still to be counted.
    const member = await h.db.member.findFirstOrThrow({ where: { fullName: "Bí thư Chi bộ" } });
    const period = await h.db.reviewPeriod.findFirstOrThrow();
    await h.db.memberResult.create({
      data: { periodId: period.id, memberId: member.id, version: 1, outcome: "L2", reasons: "[]", inputs: "{}" },
    });
    await secretary.send("/results");
    await secretary.waitForMessage((m) => buttonsOf(m).length > 0);
    await secretary.click("Gửi cấp trên công nhận");
    const refusal = await secretary.waitForMessage(/Chưa gửi được/, 60_000);
    expect(fits(refusal)).toBe(true);
    expect(refusal.text).toMatch(/^Chưa gửi được: \d{4} đồng chí chưa có mức xếp loại/);
    expect(refusal.text).toMatch(/ và \d{4} đồng chí khác\)\.$/);
  }, 120_000);

  it("the re-import preview of 1,000 members already on the roster is one message with its buttons", async () => {
    h = await startHarness();
    await seedBranch(h.db, { members: roster(1000) });
    const secretary = h.user(SECRETARY);
    await secretary.send("/roster");
    await secretary.waitForMessage(/Cách 2/);
    const csv = ["name,kind", ...roster(1000).map((m) => `${m.fullName},chính thức`)].join("\n");
    await secretary.sendDocument("danh-sach.csv", csv, "text/csv");
    const preview = await secretary.waitForMessage(/Danh sách gồm 1000 đồng chí/, 30_000);
    expect(fits(preview)).toBe(true);
    expect(preview.text).toContain("1000 đồng chí đã có trong danh sách");
    expect(preview.text).toContain("và 970 đồng chí khác");
    expect(buttonsOf(preview).map((b) => b.text)).toEqual(["Nhập cả 1000 đồng chí (kể cả trùng tên)", "Gửi lại danh sách"]);
  }, 60_000);

  it("/status of 5,000 members in 5,000 party groups arrives in parts, the list buttons under the last", async () => {
    h = await startHarness();
    const members = roster(5000).map((m, i) => ({ ...m, group: `Tổ ${String(i).padStart(4, "0")} ${"x".repeat(40)}` }));
    await seedBranch(h.db, { members });
    const secretary = h.user(SECRETARY);
    await secretary.send("/status");
    await secretary.waitForMessage(/Chọn một nhóm để xem danh sách/, 60_000);
    const all = secretary.messages();
    expect(all.length).toBeGreaterThan(10);
    for (const m of all) expect(fits(m)).toBe(true);
    expect(all.filter((m) => buttonsOf(m).length > 0)).toEqual([all.at(-1)]);
    expect(all.map((m) => m.text).join("\n")).toContain("Tổ 4999");
  }, 120_000);
});

describe("counts bounded by the roster", () => {
  it("ballot counts are bounded by the roster: 999,999 official members refused in a branch of 3, exactly 3 accepted", async () => {
    const world = await startMeetingWorld(3);
    h = world.h;
    const secretary = h.user(MEETING_SECRETARY);
    await openCard(secretary, world.memberIds[2]!);
    await secretary.click(`tl:enter:${world.memberIds[2]}`);
    await secretary.waitForMessage(/hình thức/);
    await secretary.click("tc:secret");
    await secretary.waitForMessage(/chính thức của chi bộ/);
    await secretary.send("999999");
    const refused = await secretary.waitForMessage(/không được lớn hơn/);
    expect(refused.text).toContain(
      "Số đảng viên chính thức (999999) không được lớn hơn số đảng viên chính thức trong danh sách chi bộ (3).",
    );
    await secretary.send("4");
    await secretary.waitForMessage(/\(4\) không được lớn hơn/);
    await secretary.send("3");
    await secretary.waitForMessage(/có mặt/);
  }, 30_000);
});
