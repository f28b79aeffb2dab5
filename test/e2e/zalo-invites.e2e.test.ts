// Issue 14: where the bot serves Zalo too, the invite a secretary forwards (from Telegram) says both ways in: the
// Telegram link, and the code to type in the bot's Zalo chat; a member on Zalo joins by typing exactly that code.
import { afterEach, expect, it } from "vitest";
import { issueInvites } from "../../store/invites";
import { type Harness, startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

let h: Harness;
afterEach(() => h.stop());

it("a Telegram secretary's /invites gives the link and the Zalo code; the member types the code on Zalo and joins", async () => {
  h = await startHarness({ now: "2026-12-10T02:00:00.000Z", zalo: true });
  await seedBranch(h.db, {
    members: [
      { fullName: "Nguyễn Văn An", kind: "official" },
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 102, roles: ["secretary"], isLeader: true },
    ],
  });
  const secretary = h.user(102);
  await secretary.send("/invites");
  await secretary.waitForMessage(/1 đồng chí chưa tham gia/);
  await secretary.click("Nguyễn Văn An");
  const invite = (await secretary.waitForMessage(/Lời mời mới cho đồng chí Nguyễn Văn An/)).text ?? "";
  const telegram = /Trên Telegram: https:\/\/t\.me\/\S+\?start=(\S+)/.exec(invite);
  const zalo = /Trên Zalo: mở khung trò chuyện với trợ lý kiểm điểm trên Zalo và gõ mã (\S+)$/m.exec(invite);
  expect(telegram?.[1]).toBeDefined();
  expect(zalo?.[1]).toBe(telegram?.[1]); // one code, two ways: whichever the member uses first

  const an = h.zalo.user("Nguyễn Văn An");
  an.send(zalo![1]);
  await an.waitFor(/Chào mừng đồng chí Nguyễn Văn An/);
  await secretary.waitForMessage(/Nguyễn Văn An đã tham gia/);
});

it("Zalo only: a secretary on Zalo gets codes, not links, and the member types the code", async () => {
  h = await startHarness({ now: "2026-12-10T02:00:00.000Z", zalo: true, zaloOnly: true });
  const ids = await seedBranch(h.db, {
    members: [
      { fullName: "Nguyễn Văn An", kind: "official" },
      { fullName: "Trần Thị Bình", kind: "official" },
    ],
  });
  const [own] = await issueInvites(
    h.db,
    { orgId: ids.orgId, memberIds: [ids.memberIds["Trần Thị Bình"]], role: "secretary" },
    null,
    h.clock.now(),
  );
  const secretary = h.zalo.user("Trần Thị Bình");
  secretary.send(own.code);
  await secretary.waitFor(/Chào mừng đồng chí Trần Thị Bình/);

  secretary.send("/invites");
  const picker = await secretary.waitFor(/1 đồng chí chưa tham gia/);
  secretary.send(/^(\d+|[a-z])\. Nguyễn Văn An$/m.exec(picker.text ?? "")![1]);
  const invite = (await secretary.waitFor(/Mã mời mới cho đồng chí Nguyễn Văn An/)).text ?? "";
  expect(invite).not.toContain("t.me");
  const code = /^Trên Zalo: mở khung trò chuyện với trợ lý kiểm điểm trên Zalo và gõ mã (\S+)$/m.exec(invite)![1];

  const an = h.zalo.user("Nguyễn Văn An");
  an.send(code);
  await an.waitFor(/Chào mừng đồng chí Nguyễn Văn An/);
});
