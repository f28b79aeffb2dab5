// Acting as a member in the self-review: small steps shared by the end-to-end tests.
import { expect } from "vitest";
import type { EmulatedUser, SentMessage } from "../emulator/bot-api-emulator";
import { getReview } from "../../store/reviews";
import { startHarness, type HarnessOptions } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

export const DEADLINE = "2026-12-20T16:59:59.000Z";

/** The bot on a fresh database with a branch: An (101) a member, Bình (102) secretary and leader, 301 an upper committee outside the roster. */
export async function startReviewWorld(options: HarnessOptions = {}) {
  const h = await startHarness({ now: "2026-12-10T02:00:00.000Z", ...options });
  const ids = await seedBranch(h.db, {
    selfReviewDeadline: DEADLINE,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 102, roles: ["secretary"], isLeader: true },
    ],
    outsiders: [{ telegramId: 301, roles: ["committee"] }],
  });
  const review = (name = "Nguyễn Văn An") => getReview(h.db, ids.periodId, ids.memberIds[name]);
  return { h, ids, review };
}

export const TEXTS = {
  a: "Luôn kiên định lập trường chính trị, chấp hành nghiêm chủ trương của Đảng.",
  b: "Giữ gìn phẩm chất đạo đức, lối sống giản dị, đoàn kết với đồng nghiệp.",
  c: "Hoàn thành đúng hạn các nhiệm vụ chuyên môn được giao trong năm.",
  d: "Sinh hoạt đảng đầy đủ, đóng đảng phí đúng quy định.",
  hcm: "Tiết kiệm giấy in, đi làm đúng giờ, giúp đỡ đồng nghiệp mới.",
} as const;

/** The new "Saved" message (not the earlier one losing its Done button, which is an edit). */
export const SAVED = (m: SentMessage) => !m.edited && (m.text ?? "").startsWith("Đã lưu");

/** One more message of a part already begun: stored once the bot marks it with a reaction (no reply). */
export async function writeMore(user: EmulatedUser, text: string): Promise<void> {
  expect(await user.waitForReaction(await user.send(text))).toEqual(["✍"]);
}

/** Types one answer and presses Done. */
export async function answer(user: EmulatedUser, text: string): Promise<void> {
  await user.send(text);
  await user.waitForMessage(SAVED);
  await user.click("Xong ✓");
}

/** From the question of content a to the summary's buttons, answering everything. */
export async function writeEverything(user: EmulatedUser, rating = "Đủ tư cách, hoàn thành tốt nhiệm vụ"): Promise<void> {
  for (const part of ["a", "b", "c", "d", "hcm"] as const) await answer(user, TEXTS[part]);
  await user.waitForMessage(/Tự nhận mức xếp loại: /);
  await user.click(rating);
  await user.waitForMessage(/chọn «Xác nhận gửi»/);
}

export async function startReview(user: EmulatedUser): Promise<void> {
  await user.send("/review");
  await user.waitForMessage(/Về tư tưởng chính trị/);
}

/** /review, every part, confirm: a submitted review. */
export async function submitEverything(user: EmulatedUser): Promise<void> {
  await startReview(user);
  await writeEverything(user);
  await user.click("Xác nhận gửi ✓");
  await user.waitForMessage(/Cảm ơn đồng chí/);
}
