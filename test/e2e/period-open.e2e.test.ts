import { afterEach, describe, expect, it } from "vitest";
import { hd07_2011, qd366_2025 } from "../../domain/rulebooks";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

let h: Harness;
afterEach(() => h.stop());

async function world() {
  h = await startHarness({ now: "2027-01-10T02:00:00.000Z" });
  const ids = await seedBranch(h.db, {
    year: 2026,
    members: [
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 201, roles: ["secretary"] },
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 },
    ],
  });
  return { ids, secretary: h.user(201), member: h.user(101) };
}

describe("/period: the next review period of a branch (N10)", () => {
  it("opens a quarter under the 366 rules with the quarter's dates; /status shows it and the year's quarters", async () => {
    const { ids, secretary } = await world();
    await secretary.send("/period");
    await secretary.waitForMessage(/năm nào/);
    await secretary.click("2027");
    const rules = await secretary.waitForMessage(/chọn văn bản áp dụng/);
    expect(rules.text).toContain(`hiện là: ${qd366_2025.title}`);
    await secretary.click(qd366_2025.title);
    await secretary.waitForMessage(/cả năm 2027 hay một quý/);
    await secretary.click("quý 1 năm 2027");
    await secretary.waitForMessage(/mặc định là 31\/03\/2027/);
    await secretary.click("Dùng ngày 31/03/2027");
    const summary = await secretary.waitForMessage(/kỳ kiểm điểm mới/);
    expect(summary.text).toContain("Kỳ: quý 1 năm 2027");
    expect(summary.text).toContain("Hạn báo cáo: hết ngày 10/04/2027");
    await secretary.click("Mở kỳ kiểm điểm");
    await secretary.waitForMessage(/Đã mở kỳ kiểm điểm quý 1 năm 2027/);
    const period = await h.db.reviewPeriod.findFirstOrThrow({ where: { orgId: ids.orgId, year: 2027 } });
    expect(period).toMatchObject({ quarter: 1, rulebookId: qd366_2025.id });
    expect(period.selfReviewDeadline.toISOString()).toBe("2027-03-31T16:59:59.000Z");

    await secretary.send("/status");
    const status = await secretary.waitForMessage(/Tình hình kiểm điểm/);
    expect(status.text).toContain("quý 1 năm 2027");
    expect(status.text).toContain("Các kỳ đánh giá quý của năm 2027:");
    expect(status.text).toMatch(/Quý 1 \(số liệu ở trên\): đã nộp 0 bản tự kiểm điểm/);
  });

  it("under the 2011 rules a period is a year; one that exists is not opened twice", async () => {
    const { secretary } = await world();
    await secretary.send("/period");
    await secretary.waitForMessage(/năm nào/);
    await secretary.click("2026");
    await secretary.waitForMessage(/chọn văn bản áp dụng/);
    await secretary.click(hd07_2011.title);
    await secretary.waitForMessage(/đã có kỳ kiểm điểm năm 2026/);
    expect(await h.db.reviewPeriod.count()).toBe(1);
  });

  it("a member is refused", async () => {
    const { member } = await world();
    await member.send("/period");
    await member.waitForMessage(/bí thư/);
    expect(await h.db.reviewPeriod.count()).toBe(1);
  });
});
