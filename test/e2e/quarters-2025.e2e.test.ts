// N10 (RULES-2025, qd366-2025) in the chat: a branch opens its third quarter, a member self-scores in it, the
// secretary appraises and proposes, the committee above sees the quarter as its own line in /recognize, the secretary
// closes the quarter (the confirmation says what is unfinished), /review opens the year again, and the year's
// /appraise, /myreview and /status show the quarter's results beside the year (information only).
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { createOrganization } from "../../store/orgs";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { appraiseAccepting } from "./appraise-steps";
import { SAVED } from "./self-review-steps";

const SECRETARY = 601;
const CUONG = 602;
const DUNG = 603;
const UPPER = 900;
const L1 = "Hoàn thành xuất sắc nhiệm vụ";

let h: Harness | undefined;
afterEach(async () => h?.stop());

async function world() {
  h = await startHarness({ now: "2026-09-10T02:00:00.000Z" });
  const upper = await createOrganization(h.db, { name: "Đảng ủy Sở", kind: "base-committee" }, null, h.clock.now());
  const ids = await seedBranch(h.db, {
    name: "Chi bộ A",
    parentId: upper.id,
    rulebookId: "qd366-2025",
    members: [
      { fullName: "Trần Thị Bí Thư", kind: "official", telegramId: SECRETARY, roles: ["secretary"] },
      { fullName: "Lê Văn Cường", kind: "official", telegramId: CUONG, form: "2C" },
      { fullName: "Đỗ Văn Chưa Nộp", kind: "official" },
      { fullName: "Phạm Thị Dung", kind: "official", telegramId: DUNG, form: "2C" },
    ],
    outsiders: [{ telegramId: UPPER, roles: ["committee"] }],
  });
  return { h, ids, cuongId: ids.memberIds["Lê Văn Cường"]! };
}

/** The member's whole self-review on form 2C: the parts, 93 points (30 + 63), five tasks with two exceeded, L1. */
async function selfScoreOn2C(user: EmulatedUser) {
  await user.send("/review");
  await user.waitForMessage(/1\. Ưu điểm về chính trị tư tưởng/);
  for (let part = 0; part < 5; part++) {
    await user.send("Nội dung của quý.");
    await user.waitForMessage(SAVED);
    await user.click("Xong ✓");
  }
  await user.waitForMessage(/6\. Giải trình/);
  await user.click("Không có gợi ý, bỏ qua");
  await user.waitForMessage(/7\. Phương hướng, biện pháp/);
  await user.send("Nội dung của quý.");
  await user.waitForMessage(SAVED);
  await user.click("Xong ✓");
  await user.waitForMessage(/Mức độ khắc phục những hạn chế/);
  await user.click("Đã khắc phục xong");
  const graded: Record<number, string> = { 6: "38", 7: "15", 8: "10" };
  for (let n = 1; n <= 8; n++) {
    const question = await user.waitForMessage(new RegExp(`Tiêu chí ${n}/8:`));
    if (question.text!.includes("gõ số điểm")) await user.send(graded[n]!);
    else await user.click(/^Đạt \(/);
  }
  await user.waitForMessage(/gõ 5 số trong một tin nhắn/);
  await user.send("5 5 0 0 2");
  await user.waitForMessage(/Đề xuất mức xếp loại: đồng chí chọn/);
  await user.click(L1);
  await user.waitForMessage(/chọn «Xác nhận gửi»/);
  await user.click("Xác nhận gửi ✓");
  await user.waitForMessage(/Cảm ơn đồng chí/);
}

/** /appraise: the member's appraisal accepted (./appraise-steps.ts), no meeting note, the computed level proposed. */
async function appraiseAndPropose(secretary: EmulatedUser, memberId: string) {
  await secretary.send("/appraise");
  await secretary.waitForMessage(/Thẩm định, đề xuất xếp loại — Chi bộ A/);
  const { card } = await appraiseAccepting(secretary, memberId);
  await secretary.click("aps:skip");
  await secretary.waitForMessage(/Chi bộ đề xuất mức xếp loại nào/);
  await secretary.click("aps:propose");
  await secretary.waitForMessage(/Đã ghi đề xuất của chi bộ/);
  return card;
}

describe("quarterly periods end to end (N10)", () => {
  it("N10: open Q3, self-score, appraise, the labelled /recognize line, close Q3, the year again with Q3's results beside it", async () => {
    const { h, ids, cuongId } = await world();
    const secretary = h.user(SECRETARY);
    const cuong = h.user(CUONG);

    // The secretary opens the third quarter (no quarter open yet: /period goes straight to the dialog).
    await secretary.send("/period");
    await secretary.waitForMessage(/năm nào/);
    await secretary.click("2026");
    await secretary.waitForMessage(/chọn văn bản áp dụng/);
    await secretary.click(/Quy định 366|366/);
    await secretary.waitForMessage(/cả năm 2026 hay một quý/);
    await secretary.click("quý 3 năm 2026");
    await secretary.waitForMessage(/mặc định là/);
    await secretary.click(/^Dùng ngày/);
    await secretary.waitForMessage(/kỳ kiểm điểm mới/);
    await secretary.click("Mở kỳ kiểm điểm");
    await secretary.waitForMessage(/Đã mở kỳ kiểm điểm quý 3 năm 2026 của Chi bộ A/);
    const q3 = await h.db.reviewPeriod.findFirstOrThrow({ where: { orgId: ids.orgId, year: 2026, quarter: 3 } });

    // The member self-scores in the quarter; the secretary appraises and proposes (the quarter's card has no quarters block).
    await selfScoreOn2C(cuong);
    expect(cuong.messages().some((m) => m.text?.startsWith("Bản tự kiểm điểm quý 3 năm 2026 — Chi bộ A, theo mẫu 2C"))).toBe(true);
    expect(cuong.messages().some((m) => m.text?.startsWith("Bản tự kiểm điểm quý 3 năm 2026 của đồng chí Lê Văn Cường"))).toBe(true);
    expect(await h.db.selfReview.count({ where: { periodId: q3.id, memberId: cuongId, submittedAt: { not: null } } })).toBe(1);
    const quarterCard = await appraiseAndPropose(secretary, cuongId);
    expect(quarterCard.text).not.toContain("Kết quả các quý");

    // The committee above: the quarter is its own line, labelled with it.
    const upper = h.user(UPPER);
    await upper.send("/recognize");
    const listed = await upper.waitForMessage(/Các chi bộ trực thuộc có kết quả xếp loại/);
    expect(listed.text).toContain("Chi bộ A — quý 3/2026: 1 chờ công nhận, 0 đã công nhận");

    // Another member is half-way through the quarter's self-review when it closes.
    const dung = h.user(DUNG);
    await dung.send("/review");
    await dung.waitForMessage(/1\. Ưu điểm về chính trị tư tưởng/);
    await dung.send("Nháp của quý.");
    await dung.waitForMessage(SAVED);

    // A member cannot close the quarter, even with a forged button; the secretary is told what is unfinished.
    await cuong.pressForged(`pclose:confirm:${q3.id}`);
    await cuong.waitForMessage(/bí thư/);
    await secretary.send("/period");
    const menu = await secretary.waitForMessage(/có kỳ đánh giá quý đang mở: quý 3 năm 2026/);
    expect(menu.text).not.toMatch(/bấm|nhấn|nút/);
    await secretary.click("Đóng quý 3/2026");
    const confirm = await secretary.waitForMessage(/xác nhận đóng kỳ đánh giá quý 3 năm 2026 của Chi bộ A/);
    expect(confirm.text).toContain("Lưu ý: chưa đến hạn chót nộp bản tự kiểm điểm của quý (23:59 30/09/2026).");
    expect(confirm.text).toContain("mới có 1/4 đảng viên nộp bản tự kiểm điểm của quý");
    expect(confirm.text).toContain("mới có 1/4 đảng viên được chi ủy đánh giá trong quý");
    expect((await h.db.reviewPeriod.findUniqueOrThrow({ where: { id: q3.id } })).closedAt).toBeNull();
    await secretary.click("Xác nhận đóng quý 3/2026");
    const closed = await secretary.waitForMessage(/Đã đóng kỳ đánh giá quý 3 năm 2026 của Chi bộ A/);
    expect(closed.text).toContain("Kỳ hiện tại của chi bộ: năm 2026.");
    expect((await h.db.reviewPeriod.findUniqueOrThrow({ where: { id: q3.id } })).closedAt).not.toBeNull();

    // The half-written self-review takes nothing more, says why, and keeps what was saved.
    await dung.send("Viết thêm sau khi đóng.");
    await dung.waitForMessage(/đã được bí thư chi bộ đóng: không ghi thêm được nữa/);
    const draft = await h.db.selfReview.findFirstOrThrow({ where: { periodId: q3.id, memberId: ids.memberIds["Phạm Thị Dung"]! } });
    expect(draft.contentA).toBe("Nháp của quý.");

    // Closed, it still waits for recognition; recognizing it is the quarter's, outside the year's cap.
    await upper.send("/recognize");
    expect((await upper.waitForMessage(/Các chi bộ trực thuộc/)).text).toContain("Chi bộ A — quý 3/2026: 1 chờ công nhận");
    await upper.click(`rc:all:${q3.id}`);
    await upper.waitForMessage(/Đã công nhận 1 kết quả của Chi bộ A — quý 3\/2026/);
    expect((await cuong.waitForMessage(/Kết quả đánh giá quý 3 năm 2026/)).text).toContain(L1);

    // /review opens the year now.
    await cuong.send("/review");
    await cuong.waitForMessage(/1\. Ưu điểm về chính trị tư tưởng/);
    await cuong.send("Nội dung của năm.");
    await cuong.waitForMessage(SAVED);
    await cuong.send("/cancel");
    await cuong.waitForMessage(/Đã hủy/);
    const drafts = await h.db.selfReview.findMany({ where: { memberId: cuongId }, select: { periodId: true, submittedAt: true } });
    expect(drafts.find((r) => r.periodId === ids.periodId)).toMatchObject({ submittedAt: null });

    // The year's /status: Q3 closed with its counts per level.
    await secretary.send("/status");
    const status = await secretary.waitForMessage(/Tình hình kiểm điểm/);
    expect(status.text).toContain("Tình hình kiểm điểm — Chi bộ A, năm 2026");
    expect(status.text).toMatch(
      /Quý 3: đã nộp 1 bản tự kiểm điểm \(muộn 0\), hạn chót .* — đã đóng — kết quả: xuất sắc 1, tốt 0, hoàn thành 0, không hoàn thành 0/,
    );

    // The year's /appraise of the member: the Q3 result under the card.
    await secretary.send("/appraise");
    await secretary.waitForMessage(/Thẩm định, đề xuất xếp loại — Chi bộ A, năm 2026/);
    await secretary.click(`apr:member:${cuongId}`);
    const yearCard = await secretary.waitForMessage(/Chi ủy thẩm định — đồng chí Lê Văn Cường/);
    expect(yearCard.text).toContain("Kết quả các quý năm 2026 (để tham khảo khi đánh giá cả năm):");
    expect(yearCard.text).toContain(
      "Quý 3 (đã đóng): tự chấm 93 điểm, tự nhận Hoàn thành xuất sắc; chi ủy đánh giá 93 điểm, Hoàn thành xuất sắc; kết quả: Hoàn thành xuất sắc (đã công nhận)",
    );
    await secretary.send("/cancel");
    await secretary.waitForMessage(/Đã hủy/);

    // The member's /myreview of the year: nothing written yet for the year, and the quarter beside it.
    await cuong.send("/myreview");
    const mine = await cuong.waitForMessage(/Kết quả các quý năm 2026/);
    expect(mine.text).toContain("Quý 3 (đã đóng): tự chấm 93 điểm");
  }, 120_000);
});
