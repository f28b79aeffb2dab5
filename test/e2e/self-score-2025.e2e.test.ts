// The member's self-review under the 366 rulebook (RULES-2025 N2–N4, issue 15 point 3): the parts of form 2A/2B/2C,
// the status of earlier shortcomings, the self-score item by item with its running total, the task results, the
// proposed level checked against them, the summary and the submission; drafts survive /cancel and a restart.
import { docxText } from "../support/zip";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { getScoreReview } from "../../store/score-reviews";
import { startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { SAVED } from "./self-review-steps";

const DEADLINE = "2026-12-20T16:59:59.000Z";
let h: Awaited<ReturnType<typeof startHarness>>;
afterEach(() => h.stop());

/** A branch on the 366 rulebook: An (201) on form 2B, Cường (202) on 2C, Bình (203) a leader (2A by default). */
async function startWorld() {
  h = await startHarness({ now: "2026-12-10T02:00:00.000Z" });
  const ids = await seedBranch(h.db, {
    rulebookId: "qd366-2025",
    selfReviewDeadline: DEADLINE,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: 201, form: "2B" },
      { fullName: "Lê Văn Cường", kind: "official", telegramId: 202, form: "2C" },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 203, isLeader: true, roles: ["secretary"] },
    ],
  });
  const review = (name: string) => getScoreReview(h.db, ids.periodId, ids.memberIds[name]);
  return { ids, review };
}

const TEXT = "Nội dung tự kiểm điểm của đồng chí.";

/** Types one part and presses Done. */
async function writePart(user: EmulatedUser, text = TEXT): Promise<void> {
  await user.send(text);
  await user.waitForMessage(SAVED);
  await user.click("Xong ✓");
}

/** From /review to the status of earlier shortcomings: the seven parts, the explanation skipped. */
async function writeParts(user: EmulatedUser): Promise<void> {
  await user.send("/review");
  await user.waitForMessage(/1\. Ưu điểm về chính trị tư tưởng/);
  for (const _ of ["strengths", "task-results", "pledge", "shortcomings", "earlier-fixes"]) await writePart(user);
  await user.waitForMessage(/6\. Giải trình những vấn đề được gợi ý kiểm điểm/);
  await user.click("Không có gợi ý, bỏ qua");
  await user.waitForMessage(/7\. Phương hướng, biện pháp/);
  await writePart(user);
  await user.waitForMessage(/Mức độ khắc phục những hạn chế/);
}

/** N2: /review names the member's form in its introduction (then /cancel, nothing written). */
async function expectForm(user: EmulatedUser, form: string): Promise<void> {
  await user.send("/review");
  expect((await user.waitForMessage(/Bản tự kiểm điểm năm 2026/)).text).toContain(`theo mẫu ${form}`);
  await user.send("/cancel");
  await user.waitForMessage(/Đã hủy/);
}

/** Scores items from `from` to `to` (1-based, of `count`): all-or-nothing ones met, graded ones by `graded`. */
async function scoreItems(user: EmulatedUser, from: number, to: number, count: number, graded: (n: number) => string) {
  for (let n = from; n <= to; n++) {
    const question = await user.waitForMessage(new RegExp(`Tiêu chí ${n}/${count}:`));
    if (question.text!.includes("gõ số điểm")) await user.send(graded(n));
    else await user.click(/^Đạt \(/);
  }
}

async function tasksAndProposal(user: EmulatedUser, tasks: string, level: string): Promise<void> {
  await user.waitForMessage(/gõ 5 số trong một tin nhắn/);
  await user.send(tasks);
  await user.waitForMessage(/Đề xuất mức xếp loại: đồng chí chọn/);
  await user.click(level);
}

describe("the self-review on the 366 forms, end to end", () => {
  it("N2–N4: a 2B member writes every part, scores 20 items with the running total, gives the tasks, proposes L2, submits", async () => {
    const { review } = await startWorld();
    const an = h.user(201);
    await expectForm(an, "2B");
    await writeParts(an);
    await an.click("Đã khắc phục xong");
    // 17 general items all or nothing (9 × 2, 4 × 1, 4 × 2), then 3 graded task items.
    await scoreItems(an, 1, 14, 20, () => "");
    const fifteenth = await an.waitForMessage(/Tiêu chí 15\/20:/);
    expect(fifteenth.text).toContain("Tổng: 24/30 điểm tiêu chí chung.");
    await an.click("Không đạt (0)");
    await scoreItems(an, 16, 17, 20, () => "");
    const firstTask = await an.waitForMessage(/Tiêu chí 18\/20:/);
    expect(firstTask.text).toContain("Tổng: 28/30 điểm tiêu chí chung, 0/70 điểm kết quả thực hiện nhiệm vụ.");
    await an.send("25");
    await scoreItems(an, 19, 20, 20, (n) => (n === 19 ? "20" : "12"));
    expect((await an.waitForMessage(/gõ 5 số/)).text).toContain("Tổng điểm tự chấm: 85/100 điểm.");
    await an.send("12 10");
    expect((await an.waitForMessage(/Cần đúng 5 số/)).text).toContain("Ví dụ");
    await an.send("12 10 1 0 4");
    await an.waitForMessage(/cộng lại phải bằng số nhiệm vụ được giao/);
    await an.send("12 12 0 0 4");
    await an.waitForMessage(/Đề xuất mức xếp loại: đồng chí chọn/);
    await an.click("Hoàn thành tốt nhiệm vụ");
    const summary = await an.waitForMessage(/Bản tự kiểm điểm năm 2026 của đồng chí Nguyễn Văn An/);
    expect(summary.text).toContain("Tiêu chí chung: 28/30 điểm");
    expect(summary.text).toContain("Kết quả thực hiện nhiệm vụ: 57/70 điểm");
    expect(summary.text).toContain("(không có gợi ý kiểm điểm)");
    await an.waitForMessage(/chọn «Xác nhận gửi»/);
    await an.click("Xác nhận gửi ✓");
    expect((await an.waitForMessage(/Cảm ơn đồng chí/)).text).toContain("đã được gửi lúc");
    const saved = review("Nguyễn Văn An")!;
    expect(saved).toMatchObject({ form: "2B", submittedAt: "2026-12-10T02:00:00.000Z", late: false });
    expect(saved.draft).toMatchObject({
      fixStatus: "fixed",
      tasks: { assigned: 12, onTime: 12, late: 0, notDone: 0, exceeded: 4 },
      proposal: "L2",
      texts: { strengths: TEXT, explanation: "", remedies: TEXT },
    });
    expect(Object.values(saved.draft.scores).reduce((a, b) => a + b, 0)).toBe(85);
    await an.send("/myreview");
    const shown = await an.waitForMessage(/Bản tự kiểm điểm năm 2026 của đồng chí Nguyễn Văn An/);
    expect(shown.text).toContain("Trạng thái: đã gửi lúc");
    expect(shown.text).toContain("Tổng điểm tự chấm: 85/100 điểm.");
    expect(shown.text).toContain("Được giao 12; đúng tiến độ 12; chậm tiến độ 0; không hoàn thành 0; vượt mức 4.");
    expect(shown.text).toContain("Đề xuất mức xếp loại:\nHoàn thành tốt nhiệm vụ");
    // The paper to print and sign is form 2B with the score per item and its totals.
    await an.send("/myreview_docx");
    const paper = docxText((await an.waitForMessage((m) => m.document !== undefined)).document!.bytes);
    expect(paper).toContain("BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2026");
    expect(paper).toContain("(Mẫu 2B)");
    expect(paper).toMatch(/Cộng tiêu chí chung\s*30\s*28/);
    expect(paper).toMatch(/Tổng điểm\s*100\s*85/);
  });

  it("N3: a 2C member scores the 2C items (5 general of 6 points, 3 graded tasks)", async () => {
    const { review } = await startWorld();
    const cuong = h.user(202);
    await writeParts(cuong);
    await cuong.click("Không có hạn chế, khuyết điểm phải khắc phục");
    const first = await cuong.waitForMessage(/Tiêu chí 1\/8:/);
    expect(first.text).toContain("Lập trường chính trị");
    expect(first.text).toContain("(tối đa 6 điểm)");
    await cuong.click("Đạt (6 điểm)");
    await scoreItems(cuong, 2, 8, 8, (n) => ({ 6: "38", 7: "15", 8: "10" })[n] ?? "");
    await tasksAndProposal(cuong, "5 5 0 0 2", "Hoàn thành xuất sắc nhiệm vụ");
    await cuong.waitForMessage(/chọn «Xác nhận gửi»/);
    const saved = review("Lê Văn Cường")!;
    expect(saved.draft.scores).toEqual({ g1: 6, g2: 6, g3: 6, g4: 6, g5: 6, t1: 38, t2: 15, t3: 10 });
    expect(saved.draft.proposal).toBe("L1");
  });

  it("T2: after submitting, a written part and the self-score are changed before the deadline and confirmed again", async () => {
    const { review } = await startWorld();
    const cuong = h.user(202);
    await writeParts(cuong);
    await cuong.click("Đã khắc phục xong");
    await scoreItems(cuong, 1, 8, 8, (n) => ({ 6: "30", 7: "10", 8: "10" })[n] ?? "");
    await tasksAndProposal(cuong, "4 4 0 0 0", "Hoàn thành tốt nhiệm vụ");
    await cuong.waitForMessage(/chọn «Xác nhận gửi»/);
    await cuong.click("Xác nhận gửi ✓");
    await cuong.waitForMessage(/Cảm ơn đồng chí/);
    h.clock.set("2026-12-15T02:00:00.000Z");
    await cuong.send("/review");
    await cuong.waitForMessage(/Đồng chí có thể sửa từng phần đến hạn chót/);
    await cuong.click("Sửa: cam kết");
    await cuong.waitForMessage(/Nội dung đang lưu ở trên/);
    await writePart(cuong, "Cam kết đã sửa.");
    await cuong.waitForMessage(/Đồng chí có thể sửa từng phần đến hạn chót/);
    await cuong.click("Sửa: chấm điểm");
    expect((await cuong.waitForMessage(/Tiêu chí 1\/8:/)).text).toContain("Tổng: 0/30 điểm tiêu chí chung.");
    await cuong.click("Đạt (6 điểm)");
    await scoreItems(cuong, 2, 8, 8, (n) => ({ 6: "40", 7: "15", 8: "15" })[n] ?? "");
    expect((await cuong.waitForMessage(/Bản tự kiểm điểm năm 2026 của đồng chí/)).text).toContain("Tổng điểm tự chấm: 100/100 điểm.");
    await cuong.waitForMessage(/Đồng chí có thể sửa từng phần/);
    await cuong.click("Xác nhận gửi ✓");
    expect((await cuong.waitForMessage(/Đã cập nhật bản tự kiểm điểm/)).text).toContain("Thời điểm gửi vẫn là");
    const saved = review("Lê Văn Cường")!;
    expect(saved).toMatchObject({ submittedAt: "2026-12-10T02:00:00.000Z", late: false });
    expect(saved.draft.texts.pledge).toBe("Cam kết đã sửa.");
    expect(saved.draft.scores.t1).toBe(40);
  });

  it("N4: a 2A member proposing L1 below its conditions is told what is missing, keeps the proposal, and the summary says so", async () => {
    const { review } = await startWorld();
    const binh = h.user(203);
    await expectForm(binh, "2A");
    await writeParts(binh);
    await binh.click("Đang khắc phục");
    await scoreItems(binh, 1, 20, 20, (n) => ({ 18: "30", 19: "20", 20: "15" })[n] ?? "");
    await tasksAndProposal(binh, "10 10 0 0 1", "Hoàn thành xuất sắc nhiệm vụ");
    const told = await binh.waitForMessage(/chưa đủ điều kiện của mức/);
    expect(told.text).toContain("đạt mức «Hoàn thành tốt nhiệm vụ»");
    expect(told.text).toContain("Đủ điểm nhưng chưa đạt mức «Hoàn thành xuất sắc nhiệm vụ»");
    expect(told.text).not.toContain("dưới mức tối thiểu");
    expect(told.text).toContain("chưa có từ 30% nhiệm vụ vượt mức");
    expect(told.text).toContain("chưa khắc phục xong hạn chế, khuyết điểm đã được chỉ ra");
    await binh.click("Chọn lại mức");
    await binh.waitForMessage(/Đề xuất mức xếp loại: đồng chí chọn/);
    await binh.click("Hoàn thành xuất sắc nhiệm vụ");
    await binh.waitForMessage(/chưa đủ điều kiện của mức/);
    await binh.click("Giữ mức đã đề xuất");
    const summary = await binh.waitForMessage(/Bản tự kiểm điểm năm 2026 của đồng chí Trần Thị Bình/);
    expect(summary.text).toContain("chưa đủ điều kiện của mức «Hoàn thành xuất sắc nhiệm vụ»");
    expect(review("Trần Thị Bình")!.draft.proposal).toBe("L1");
  });

  it("a restart in the middle of the self-score resumes at the item it was on with the total intact; /cancel and /review too", async () => {
    const { review } = await startWorld();
    const an = h.user(201);
    await writeParts(an);
    await an.click("Đã khắc phục xong");
    await scoreItems(an, 1, 5, 20, () => "");
    await an.waitForMessage(/Tiêu chí 6\/20:/);
    await h.restart();
    await an.click(/^Đạt \(/);
    expect((await an.waitForMessage(/Tiêu chí 7\/20:/)).text).toContain("Tổng: 12/30 điểm tiêu chí chung.");
    await an.send("/cancel");
    await an.waitForMessage(/Đã hủy/);
    await h.restart();
    await an.send("/review");
    expect((await an.waitForMessage(/tiếp tục bản tự kiểm điểm đang viết dở/)).text).toContain("Tự chấm điểm");
    expect((await an.waitForMessage(/Tiêu chí 7\/20:/)).text).toContain("Tổng: 12/30 điểm tiêu chí chung.");
    expect(Object.keys(review("Nguyễn Văn An")!.draft.scores)).toHaveLength(6);
  });

  it("a wrong number for a graded item is refused with a clear message, and the item is asked until it is right", async () => {
    const { review } = await startWorld();
    const an = h.user(201);
    await writeParts(an);
    await an.click("Đã khắc phục xong");
    await scoreItems(an, 1, 17, 20, () => "");
    await an.waitForMessage(/Tiêu chí 18\/20:.*\(tối đa 30 điểm\)/);
    await an.send("31");
    expect((await an.waitForMessage(/Số điểm chưa hợp lệ/)).text).toContain("tối đa 30 điểm");
    await an.send("27,5");
    expect((await an.waitForMessage(/Số điểm chưa hợp lệ/)).text).toContain("số nguyên từ 0 đến 30");
    await an.send("27");
    await an.waitForMessage(/Tiêu chí 19\/20:/);
    expect(review("Nguyễn Văn An")!.draft.scores.t1).toBe(27);
  });
});
