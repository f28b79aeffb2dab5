import { hd07_2011 } from "../../domain/rulebooks";
// Acting as a committee's secretary and as the people its links are for: small steps shared by the org-tree tests.
import type { EmulatedUser } from "../emulator/bot-api-emulator";

const LINK = /https:\/\/t\.me\/\w+\?start=([A-Za-z0-9_-]+)/;

/** /orginvites, then the button that issues a link of one kind; returns the link's start code. */
export async function issueLink(secretary: EmulatedUser, button: string | RegExp): Promise<string> {
  await secretary.send("/orginvites");
  await secretary.waitForMessage(/lời mời còn hiệu lực|chưa có bí thư/);
  await secretary.click(button);
  const message = await secretary.waitForMessage(LINK);
  return LINK.exec(message.text ?? "")![1];
}

/** /setup of a committee (a base committee or the bloc) answered to the end; returns the message that confirms it. */
export async function setupCommittee(user: EmulatedUser, kind: "Đảng ủy cơ sở" | "Đảng ủy Khối", name: string) {
  await user.send("/setup");
  await user.waitForMessage(/lập tổ chức đảng nào/);
  await user.click(kind);
  await user.waitForMessage(/Tên (đảng ủy|Đảng ủy Khối) là gì/);
  await user.send(name);
  await user.waitForMessage(/Đồng chí kiểm tra lại/);
  await user.click(kind === "Đảng ủy Khối" ? "Tạo Đảng ủy Khối" : "Tạo đảng ủy cơ sở");
  return user.waitForMessage(/Đã tạo/);
}

/**
 * A branch's remaining /setup answers after its name: single entry, 2026, the default deadline, the 2011 rulebook in
 * place of the one 2026 offers first (these tests play the 2011 story), create.
 */
export async function finishBranchSetup(user: EmulatedUser, create = "Tạo chi bộ") {
  await user.waitForMessage(/nhập hai lần/);
  await user.click("Không");
  await user.waitForMessage(/năm nào/);
  await user.click("2026");
  await user.waitForMessage(/Hạn chót nộp/);
  await user.click(/^Dùng ngày/);
  await user.waitForMessage(/Đồng chí kiểm tra lại/);
  await user.click("Đổi văn bản áp dụng");
  await user.waitForMessage(/chọn văn bản áp dụng/);
  await user.click(hd07_2011.title);
  await user.waitForMessage(/Văn bản áp dụng: Hướng dẫn 07-HD\/BTCTW/);
  await user.click(create);
  return user.waitForMessage(/Đã tạo/);
}

/**
 * Opens a committee's link for a subordinate organization's secretary and sets up a new one under it: a base committee
 * (from the bloc's link, whose newcomer chooses the kind) or a branch (from a base committee's link).
 */
export async function setupFromLink(user: EmulatedUser, code: string, kind: "Đảng ủy cơ sở" | "Chi bộ", name: string) {
  await user.send(`/start ${code}`);
  if (kind === "Chi bộ") {
    await user.waitForMessage(/Tên chi bộ là gì/);
    await user.send(name);
    return finishBranchSetup(user);
  }
  await user.waitForMessage(/lập tổ chức đảng nào/);
  await user.click(kind);
  await user.waitForMessage(/Tên đảng ủy là gì/);
  await user.send(name);
  await user.waitForMessage(/Đồng chí kiểm tra lại/);
  await user.click("Tạo đảng ủy cơ sở");
  return user.waitForMessage(/Đã tạo/);
}
