import { afterEach, describe, expect, it } from "vitest";
import { createOrganization } from "../../store/orgs";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, seedSubmission } from "../support/seed";

const UPPER = 901;
let h: Harness | undefined;
afterEach(async () => h?.stop());

describe("/status for an upper committee", () => {
  it("shows the totals and one line per branch, 30 branches a page, with buttons to page", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const parent = await createOrganization(h.db, { name: "Đảng ủy Khối", kind: "base-committee" }, null, h.clock.now());
    for (let i = 1; i <= 35; i++) {
      const branch = await seedBranch(h.db, {
        name: `Chi bộ ${String(i).padStart(2, "0")}`,
        parentId: parent.id,
        members: [
          { fullName: `Đảng viên ${i}a`, kind: "official" },
          { fullName: `Đảng viên ${i}b`, kind: "official" },
        ],
        ...(i === 1 && { outsiders: [{ telegramId: UPPER, roles: ["committee" as const] }] }),
      });
      // The first member of every third branch submitted on time.
      if (i % 3 === 0)
        await seedSubmission(h.db, {
          periodId: branch.periodId,
          memberId: branch.memberIds[`Đảng viên ${i}a`]!,
          submittedAt: "2026-12-10T02:00:00Z",
        });
    }
    const upper = h.user(UPPER);
    await upper.send("/status");
    const first = await upper.waitForMessage(/trang 1\/2/);
    expect(first.text).toContain("Tổng cộng 35 chi bộ: 70 đảng viên; nộp 11, muộn 0, chưa nộp 59");
    expect(first.text).toContain("Chi bộ 01: 2 đảng viên; nộp 0, muộn 0, chưa nộp 2");
    expect(first.text).toContain("Chi bộ 30: 2 đảng viên; nộp 1, muộn 0, chưa nộp 1");
    expect(first.text).not.toContain("Chi bộ 31");
    await upper.click("stu:1");
    const second = await upper.waitForMessage(/trang 2\/2/);
    expect((second.text ?? "").split("\n").filter((line) => line.startsWith("Chi bộ"))).toHaveLength(5);
    expect(second.text).toContain("Chi bộ 35");
    expect((second.replyMarkup?.inline_keyboard ?? []).flat().map((b: { callback_data?: string }) => b.callback_data)).toEqual(["stu:0"]);
  }, 60_000);
});
