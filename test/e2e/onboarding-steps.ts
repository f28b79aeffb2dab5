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

/** /setup up to the question about the base committee, with the branch's name answered. */
export async function startSetup(user: EmulatedUser, name: string): Promise<void> {
  await user.send("/setup");
  await user.waitForMessage(/Tên chi bộ là gì/);
  await user.send(name);
  await user.waitForMessage(/trực thuộc cấp ủy nào/);
}

/** Answers a button question once it is asked. */
export async function pick(user: EmulatedUser, question: RegExp, button: string): Promise<void> {
  await user.waitForMessage(question);
  await user.click(button);
}

/** /setup answered up to the deadline question (upper null = Skip); returns that question. */
export async function setupUntilDeadline(
  user: EmulatedUser,
  a: { name: string; upper: string | null; doubleEntry: "Có" | "Không"; year: string },
) {
  await startSetup(user, a.name);
  if (a.upper === null) await user.click("Bỏ qua");
  else await user.send(a.upper);
  await pick(user, /nhập hai lần/, a.doubleEntry);
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
