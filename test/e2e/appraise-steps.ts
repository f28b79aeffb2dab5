// Acting as the branch committee in /appraise (N7 step 2): small steps shared by the end-to-end tests.
import type { EmulatedUser } from "../emulator/bot-api-emulator";

/** From the list to the computed level: accept the self-score, keep the tasks, no ground, residence comment received. */
export async function appraiseAccepting(user: EmulatedUser, memberId: string) {
  await user.click(`apr:member:${memberId}`);
  const card = await user.waitForMessage(/Chi ủy thẩm định — đồng chí/);
  await user.waitForMessage(/chấp nhận điểm tự chấm/);
  await user.click("aps:accept");
  await user.waitForMessage(/giữ nguyên hay sửa lại/);
  await user.click("aps:keep");
  await user.waitForMessage(/Căn cứ xếp loại «Không hoàn thành nhiệm vụ»/);
  await user.click("aps:done");
  await user.waitForMessage(/nhận xét của cấp ủy nơi cư trú/);
  await user.click("aps:yes");
  const computed = await user.waitForMessage(/Mức xếp loại theo quy định/);
  await user.waitForMessage(/Ý kiến của hội nghị chi bộ/);
  return { card, computed };
}
