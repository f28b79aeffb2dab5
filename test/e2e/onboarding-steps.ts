// Acting as a secretary and as members joining a branch: small steps shared by the onboarding tests.
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

/** A branch whose secretary Bình (201) has joined; no other member yet. */
export async function startBranchWorld() {
  const h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
  const ids = await seedBranch(h.db, {
    members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: 201, roles: ["secretary"] }],
  });
  return { h, ids, secretary: h.user(201) };
}

/** A branch world whose secretary has opened /roster and been asked for the list. */
export async function openRosterDialog() {
  const world = await startBranchWorld();
  await world.secretary.send("/roster");
  await world.secretary.waitForMessage(/Cách 2/);
  return world;
}

/** Every "n. Name\nlink" of the invite messages since the last action, as name → start code. */
export async function collectInviteCodes(user: EmulatedUser): Promise<Record<string, string>> {
  const messages = await user.waitForIdle();
  const codes: Record<string, string> = {};
  for (const { text } of messages) {
    for (const m of (text ?? "").matchAll(/^\d+\. (.+)\nhttps:\/\/t\.me\/\w+\?start=([A-Za-z0-9_-]+)$/gm)) codes[m[1]] = m[2];
  }
  return codes;
}

/** Pastes the roster and imports it; returns the invite codes by name. */
export async function importRoster(secretary: EmulatedUser, lines: string[]): Promise<Record<string, string>> {
  await secretary.send("/roster");
  await secretary.waitForMessage(/Cách 1/);
  await secretary.send(lines.join("\n"));
  await secretary.waitForMessage(/Danh sách gồm/);
  await secretary.click(/^Nhập \d+ đồng chí$/);
  await secretary.waitForMessage(/Đã nhập/);
  return collectInviteCodes(secretary);
}

/** /setup's first question answered (a branch under a base committee unless told), up to the name. */
export async function chooseKind(user: EmulatedUser, kind = "Chi bộ trực thuộc đảng ủy cơ sở"): Promise<void> {
  await user.send("/setup");
  await user.waitForMessage(/lập tổ chức đảng nào/);
  await user.click(kind);
}

/** /setup of a branch up to the question about double entry, with the branch's name answered. */
export async function startSetup(user: EmulatedUser, name: string): Promise<void> {
  await chooseKind(user);
  await user.waitForMessage(/Tên chi bộ là gì/);
  await user.send(name);
  await user.waitForMessage(/nhập hai lần/);
}

/** Answers a button question once it is asked. */
export async function pick(user: EmulatedUser, question: RegExp, button: string): Promise<void> {
  await user.waitForMessage(question);
  await user.click(button);
}

/** /setup of a branch answered up to the deadline question; returns that question. */
export async function setupUntilDeadline(user: EmulatedUser, a: { name: string; doubleEntry: "Có" | "Không"; year: string }) {
  await startSetup(user, a.name);
  await user.click(a.doubleEntry);
  await pick(user, /năm nào/, a.year);
  return user.waitForMessage(/Hạn chót nộp bản tự kiểm điểm/);
}

/** The branch with a roster imported and An (101) joined with their link. */
export async function startBranchWithMember(roster: string[]) {
  const world = await startBranchWorld();
  const codes = await importRoster(world.secretary, roster);
  const an = world.h.user(101);
  await an.send(`/start ${codes["Nguyễn Văn An"]}`);
  await an.waitForMessage(/Chào mừng/);
  return { ...world, codes, an };
}
