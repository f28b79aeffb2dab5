import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../support/bot-harness";
import { docxText } from "../support/zip";
import { startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

describe("/myreview_docx", () => {
  it("sends the member their own filled self-review as DOCX, Vietnamese intact, with a place to sign", async () => {
    const world = await startMeetingWorld(3);
    h = world.h;
    const member = h.user(1002);
    await member.send("/myreview_docx");
    expect((await member.waitForMessage()).text).toContain("chưa có bản tự kiểm điểm");

    await h.db.selfReview.create({
      data: {
        periodId: world.ids.periodId,
        memberId: world.memberIds[2]!,
        contentA: "Luôn giữ vững lập trường tư tưởng.\nKiên định mục tiêu.",
        contentB: "Giữ gìn phẩm chất đạo đức.",
        contentC: "Hoàn thành tốt nhiệm vụ được giao.",
        contentD: "Chấp hành nghiêm Điều lệ Đảng.",
        hcmActions: "Tiết kiệm, chống lãng phí.",
        selfRating: "L2",
        submittedAt: new Date("2026-12-10T02:00:00Z"),
      },
    });
    await member.send("/myreview_docx");
    const sent = await member.waitForMessage((m) => m.document !== undefined);
    expect(sent.document!.caption).toBe("Bản tự kiểm điểm năm 2026 — Nguyễn Văn Đức 03");
    const text = docxText(sent.document!.bytes);
    expect(text).toContain("BẢN TỰ KIỂM ĐIỂM CỦA ĐẢNG VIÊN NĂM 2026");
    expect(text).toContain("Họ và tên: Nguyễn Văn Đức 03");
    expect(text).toContain("a. Về tư tưởng chính trị Luôn giữ vững lập trường tư tưởng. Kiên định mục tiêu.");
    expect(text).toContain("Việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh Tiết kiệm, chống lãng phí.");
    expect(text).toContain("Tự nhận mức xếp loại Đủ tư cách, hoàn thành tốt nhiệm vụ");
    expect(text).toContain("NGƯỜI TỰ KIỂM ĐIỂM");
  }, 60_000);
});
