// Issue 14: one person on both channels. A member joined on Telegram gets a fresh invite from the secretary's
// /invites, types its code on Zalo: the Zalo account is bound to the same roster entry. They choose Zalo with
// /notify, and the scheduler's reminder reaches them there only, never on Telegram as well.
import { afterEach, expect, it } from "vitest";
import { issueInvites } from "../../store/invites";
import type { ZaloSentMessage } from "../emulator/zalo/zalo-emulator";
import { type Harness, startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

let h: Harness;
afterEach(() => h.stop());

const AN = 201;
const SECRETARY = 102;

/** The number or letter a Zalo menu gives the choice labelled `label`. */
function choiceOf(message: ZaloSentMessage, label: string): string {
  const line = (message.text ?? "").split("\n").find((l) => l.endsWith(`. ${label}`));
  if (!line) throw new Error(`no «${label}» in the menu of: ${message.text}`);
  return line.split(".")[0];
}

it("a member joined on Telegram binds Zalo with a fresh invite, chooses Zalo, and the reminder arrives only there", async () => {
  h = await startHarness({ now: "2026-12-10T02:00:00.000Z", zalo: true });
  const branch = await seedBranch(h.db, {
    members: [
      { fullName: "Nguyễn Văn An", kind: "official" },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: SECRETARY, roles: ["secretary"], isLeader: true },
    ],
  });
  const anId = branch.memberIds["Nguyễn Văn An"];
  const [first] = await issueInvites(h.db, { orgId: branch.orgId, memberIds: [anId] }, null, h.clock.now());
  const onTelegram = h.user(AN, { firstName: "An" });
  const secretary = h.user(SECRETARY);
  await onTelegram.send(`/start ${first.code}`);
  await onTelegram.waitForMessage(/Chào mừng đồng chí Nguyễn Văn An/);
  await secretary.waitForMessage(/Nguyễn Văn An đã tham gia/);

  // The secretary asks for An's invite that adds Zalo: only the Zalo way in, no Telegram link.
  await secretary.send("/invites");
  await secretary.waitForMessage(/mọi đồng chí đã tham gia/);
  await secretary.click("Nguyễn Văn An — thêm Zalo");
  const invite = (await secretary.waitForMessage(/Lời mời mới để đồng chí Nguyễn Văn An dùng thêm Zalo/)).text ?? "";
  expect(invite).not.toContain("t.me");
  const code = /gõ mã (\S+)$/m.exec(invite)![1];

  const onZalo = h.zalo.user("Nguyễn Văn An");
  onZalo.send(code);
  await onZalo.waitFor(/Nguyễn Văn An \(Chi bộ Văn phòng\) đã dùng thêm Zalo/);
  await secretary.waitForMessage(/Nguyễn Văn An \(Chi bộ Văn phòng\) đã dùng thêm Zalo/);
  expect(await h.db.member.count()).toBe(2); // the same roster entry, not a second one

  // The same member from Zalo: their own status, and /notify offers both channels.
  onZalo.send("/status");
  await onZalo.waitFor(/Nguyễn Văn An/);
  onZalo.send("/notify");
  const menu = await onZalo.waitFor(/đang gửi đến đồng chí trên Telegram/);
  expect(menu.text).toMatch(/Telegram ✓/);
  onZalo.send(choiceOf(menu, "Zalo"));
  await onZalo.waitFor(/Từ nay nhắc việc và thông báo gửi đến đồng chí trên Zalo/);

  // 08:00 three days before the deadline (20/12): An has written nothing.
  h.clock.set("2026-12-17T01:00:00.000Z");
  const sentBefore = h.emulator.sent.length;
  const report = await h.sweep();
  expect(report.sent).toBeGreaterThan(0);
  const reminder = await onZalo.waitFor(/^Kính gửi đồng chí Nguyễn Văn An/);
  expect(reminder.text).toMatch(/Viết bản tự kiểm điểm/); // the button, as a menu
  const toAnOnTelegram = h.emulator.sent.slice(sentBefore).filter((m) => m.chatId === AN);
  expect(toAnOnTelegram).toEqual([]);
  expect(onZalo.messages().filter((m) => /^Kính gửi/.test(m.text ?? ""))).toHaveLength(1);
  await h.sweep(); // nothing twice
  expect(onZalo.messages().filter((m) => /^Kính gửi/.test(m.text ?? ""))).toHaveLength(1);
});
