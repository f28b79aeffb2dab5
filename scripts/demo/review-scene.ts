import type { BranchPerson, DemoWorld } from "./world";
import type { Scene } from "./scene";

type Answers = { a: string; b: string; c: string; d: string; hcm: string; rating: string };

export const ANSWERS: Record<BranchPerson, Answers> = {
  "Trần Thị Bình": {
    a: "Kiên định chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh; chấp hành nghiêm chủ trương, đường lối của Đảng.",
    b: "Giữ gìn phẩm chất đạo đức, lối sống giản dị; không có biểu hiện suy thoái.",
    c: "Lãnh đạo chi bộ hoàn thành các chỉ tiêu năm 2026; phòng đạt danh hiệu tập thể lao động tiên tiến.",
    d: "Chấp hành nghiêm nguyên tắc tập trung dân chủ; sinh hoạt đảng đầy đủ.",
    hcm: "Xây dựng kế hoạch làm theo gương Bác của chi bộ; kết quả: 100% đảng viên đăng ký và thực hiện việc làm cụ thể.",
    rating: "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
  },
  "Nguyễn Văn An": {
    a: "Luôn kiên định lập trường chính trị, chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước.",
    b: "Sống giản dị, đoàn kết với đồng nghiệp, gương mẫu nơi cư trú.",
    c: "Hoàn thành đúng hạn 12/12 nhiệm vụ chuyên môn được giao.",
    d: "Sinh hoạt đảng đầy đủ, đóng đảng phí đúng quy định.",
    hcm: "Tiết kiệm văn phòng phẩm, đi làm đúng giờ, hướng dẫn đồng nghiệp mới.",
    rating: "Đủ tư cách, hoàn thành tốt nhiệm vụ",
  },
  "Lê Văn Cường": {
    a: "Chấp hành tốt chủ trương của Đảng; tích cực học tập nghị quyết.",
    b: "Lối sống lành mạnh, trung thực, khiêm tốn.",
    c: "Hoàn thành các nhiệm vụ được giao; còn chậm tiến độ một báo cáo quý III.",
    d: "Chấp hành kỷ luật của cơ quan và chi bộ.",
    hcm: "Tham gia hiến máu tình nguyện, giúp đỡ gia đình khó khăn trong khu phố.",
    rating: "Đủ tư cách, hoàn thành nhiệm vụ",
  },
  "Phạm Thị Dung": {
    a: "Tin tưởng tuyệt đối vào sự lãnh đạo của Đảng; nghiêm túc học tập lý luận chính trị.",
    b: "Giữ gìn đạo đức, lối sống; quan hệ tốt với quần chúng.",
    c: "Hoàn thành tốt nhiệm vụ kế toán của phòng; không để sai sót.",
    d: "Thực hiện đúng nhiệm vụ của đảng viên dự bị.",
    hcm: "Thực hành tiết kiệm, chống lãng phí trong chi tiêu của phòng.",
    rating: "Đủ tư cách, hoàn thành tốt nhiệm vụ",
  },
  "Hoàng Văn Em": {
    a: "Giữ vững lập trường chính trị, không dao động trước thông tin xấu độc.",
    b: "Sống giản dị, đoàn kết nội bộ.",
    c: "Hoàn thành nhiệm vụ chuyên môn; nộp báo cáo năm còn chậm.",
    d: "Có một lần vắng sinh hoạt chi bộ có lý do.",
    hcm: "Tham gia dọn vệ sinh môi trường khu dân cư hằng tháng.",
    rating: "Đủ tư cách, hoàn thành nhiệm vụ",
  },
};

/** One member writes the whole self-review: /review, the four contents, Ho Chi Minh, the rating, confirm. */
export async function writeReview(w: DemoWorld, who: BranchPerson, expectConfirmation: RegExp): Promise<void> {
  const answers = ANSWERS[who];
  await w.say(who, "/review", /Về tư tưởng chính trị/);
  for (const part of ["a", "b", "c", "d", "hcm"] as const) {
    await w.say(who, answers[part], /Đã lưu/);
    await w.press(who, "Xong ✓", part === "hcm" ? /Tự nhận mức xếp loại: / : /Đồng chí gõ câu trả lời/);
  }
  await w.press(who, answers.rating, /Đồng chí kiểm tra lại rồi/); // on Zalo: "rồi trả lời 1"
  await w.press(who, "Xác nhận gửi ✓", expectConfirmation);
}

/** Four members submit on time; one of them reads it back with /myreview. */
export const reviewScene: Scene = {
  title: "4. Các đồng chí viết và gửi bản tự kiểm điểm (/review)",
  async play(w) {
    for (const who of ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"] as const) {
      await writeReview(w, who, /đã được gửi lúc/);
    }
    await w.say("Nguyễn Văn An", "/myreview", /Bản tự kiểm điểm năm 2026 của đồng chí/);
  },
};

/** The clock moves past the deadline: the last member still submits; it is kept and marked late (T2). */
export const lateReviewScene: Scene = {
  title: "5. Một đồng chí nộp sau hạn chót: vẫn được nhận, ghi là nộp muộn",
  async play(w) {
    w.h.clock.set("2026-12-21T02:00:00.000Z");
    w.transcript.narrate("Đồng hồ của bot được chuyển tới 09:00 21/12/2026, sau hạn chót 23:59 20/12/2026.");
    await writeReview(w, "Hoàng Văn Em", /nộp muộn/);
  },
};
