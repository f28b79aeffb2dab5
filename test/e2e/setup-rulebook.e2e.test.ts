import { afterEach, describe, expect, it } from "vitest";
import { hd07_2011, qd366_2025 } from "../../domain/rulebooks";
import { startHarness, type Harness } from "../support/bot-harness";
import { pick, setupUntilDeadline } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

describe("/setup chooses the period's rulebook", () => {
  it("offers the 366 rules first for 2026 and creates the period with them", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(801);
    await setupUntilDeadline(lan, { name: "Chi bộ Mới", doubleEntry: "Không", year: "2026" });
    await lan.click(/^Dùng ngày/);
    const summary = await lan.waitForMessage(/Đồng chí kiểm tra lại/);
    expect(summary.text).toContain(`Văn bản áp dụng: ${qd366_2025.title}`);
    await lan.click("Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo/);
    expect(await h.db.reviewPeriod.findFirstOrThrow()).toMatchObject({ year: 2026, quarter: 0, rulebookId: qd366_2025.id });
  });

  it("the summary's button changes it to the 2011 rules, and the year before 2025 offers those first", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(802);
    await setupUntilDeadline(lan, { name: "Chi bộ Cũ", doubleEntry: "Không", year: "2026" });
    await lan.click(/^Dùng ngày/);
    await pick(lan, /Đồng chí kiểm tra lại/, "Đổi văn bản áp dụng");
    const question = await lan.waitForMessage(/chọn văn bản áp dụng/);
    expect(question.text).toContain(qd366_2025.title);
    await lan.click(hd07_2011.title);
    expect((await lan.waitForMessage(/Đồng chí kiểm tra lại/)).text).toContain(`Văn bản áp dụng: ${hd07_2011.title}`);
    await lan.click("Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo/);
    expect(await h.db.reviewPeriod.findFirstOrThrow()).toMatchObject({ rulebookId: hd07_2011.id });
  });
});
