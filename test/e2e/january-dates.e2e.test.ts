// Issue 13, point 4: a secretary who sets up last year's review in January gets dates that can be used, a report
// deadline apart from the self-review deadline, room for a meeting, and examples that are not already gone.
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../support/bot-harness";
import { startHarness } from "../support/bot-harness";
import { pick, setupUntilDeadline } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

/** Every dd/mm/yyyy in a text, as yyyymmdd numbers to compare with today. */
const daysIn = (text: string) => [...text.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)].map((m) => Number(`${m[3]}${m[2]}${m[1]}`));

const CHI_BO = { name: "Chi bộ Tháng Giêng", doubleEntry: "Không", year: "2026" } as const;

describe("January: /setup for the previous year", () => {
  it("offers a default deadline that lies ahead, and shows the report deadline apart from it", async () => {
    h = await startHarness({ now: "2027-01-05T02:00:00.000Z" });
    const lan = h.user(601);
    const question = await setupUntilDeadline(lan, CHI_BO);
    expect(question.text).not.toContain("20/12/2026");
    expect(Math.min(...daysIn(question.text ?? ""))).toBeGreaterThan(20270105);
    await lan.click("Dùng ngày 12/01/2027");
    const summary = await lan.waitForMessage(/Đồng chí kiểm tra lại/);
    expect(summary.text).toContain("hết ngày 12/01/2027");
    expect(summary.text).toContain("Hạn báo cáo: hết ngày 22/01/2027");
    expect(summary.text).toContain("Ngày họp chi bộ: chưa đặt");
    await lan.click("Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo/);
    const period = await h.db.reviewPeriod.findFirstOrThrow();
    expect([period.year, period.selfReviewDeadline.toISOString(), period.reportDeadline.toISOString()]).toEqual([
      2026,
      "2027-01-12T16:59:59.000Z",
      "2027-01-22T16:59:59.000Z",
    ]);
  });

  it("a typed deadline leaves room for the meeting; /deadline sets the meeting and changes the report deadline", async () => {
    h = await startHarness({ now: "2027-01-05T02:00:00.000Z" });
    const lan = h.user(602);
    await setupUntilDeadline(lan, CHI_BO);
    await lan.send("15/01/2027");
    expect((await lan.waitForMessage(/Đồng chí kiểm tra lại/)).text).toContain("Hạn báo cáo: hết ngày 25/01/2027");
    await lan.click("Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo/);

    await lan.send("/deadline");
    await lan.waitForMessage(/Hạn báo cáo: 23:59 25\/01\/2027/);
    await lan.click("Đổi ngày họp");
    const meetingQuestion = await lan.waitForMessage(/ngày họp chi bộ/);
    expect(Math.min(...daysIn(meetingQuestion.text ?? ""))).toBeGreaterThan(20270115);
    await lan.send("20/01/2027");
    await lan.waitForMessage(/Đã đặt ngày họp chi bộ: 08:00 20\/01\/2027/);

    await lan.send("/deadline");
    await lan.waitForMessage(/Ngày họp chi bộ: 08:00 20\/01\/2027/);
    await lan.click("Đổi hạn báo cáo");
    const reportQuestion = await lan.waitForMessage(/hạn báo cáo mới/);
    expect(Math.min(...daysIn(reportQuestion.text ?? ""))).toBeGreaterThan(20270105);
    await lan.send("19/01/2027");
    await lan.waitForMessage(/Hạn báo cáo phải sau ngày họp chi bộ \(08:00 20\/01\/2027\)/);
    await lan.send("28/01/2027");
    await lan.waitForMessage(/Đã đổi hạn báo cáo thành 23:59 28\/01\/2027/);
    expect((await h.db.reviewPeriod.findFirstOrThrow()).reportDeadline.toISOString()).toBe("2027-01-28T16:59:59.000Z");
  });

  it("the deadline question's example is never a day already gone", async () => {
    h = await startHarness({ now: "2027-01-05T02:00:00.000Z" });
    const lan = h.user(603);
    await setupUntilDeadline(lan, CHI_BO);
    await lan.click(/^Dùng ngày/);
    await pick(lan, /Đồng chí kiểm tra lại/, "Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo/);
    await lan.send("/deadline");
    await lan.waitForMessage(/Hạn nộp bản tự kiểm điểm/);
    await lan.click("Đổi hạn nộp");
    const question = await lan.waitForMessage(/hạn nộp mới/);
    expect(Math.min(...daysIn(question.text ?? ""))).toBeGreaterThan(20270105);
    await lan.send("5 tháng 1");
    expect(Math.min(...daysIn((await lan.waitForMessage(/Chưa đúng dạng ngày/)).text ?? ""))).toBeGreaterThan(20270105);
  });
});
