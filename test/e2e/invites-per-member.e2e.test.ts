// Issue 13: one member's lost link is reissued without touching the others' links, and links last past the deadline.
import { afterEach, expect, it } from "vitest";
import type { Harness } from "../support/bot-harness";
import { collectInviteCodes, importRoster, startBranchWorld } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

const ROSTER = ["Nguyễn Văn An; chính thức", "Lê Văn Cường; dự bị", "Phạm Thị Dung; chính thức"];

it("links last a week past the self-review deadline; reissuing one member's link leaves the others working", async () => {
  const world = await startBranchWorld();
  h = world.h;
  const { secretary } = world;
  const codes = await importRoster(secretary, ROSTER);
  // The seeded deadline is 20/12/2026: links imported on 01/12 last until 27/12, not the 14 days of old.
  expect(secretary.messages().some((m) => m.text?.includes("có hiệu lực đến ngày 27/12/2026"))).toBe(true);

  await secretary.send("/invites");
  const picker = await secretary.waitForMessage(/3 đồng chí chưa tham gia/);
  expect(picker.replyMarkup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual([
    ...ROSTER.map((l) => l.split(";")[0]),
    "Cấp lại tất cả (3)",
  ]);
  await secretary.click("Lê Văn Cường");
  await secretary.waitForMessage(/Lời mời mới cho đồng chí Lê Văn Cường/);
  const fresh = await collectInviteCodes(secretary);
  expect(Object.keys(fresh)).toEqual(["Lê Văn Cường"]);

  const cuong = h.user(102);
  await cuong.send(`/start ${codes["Lê Văn Cường"]}`);
  await cuong.waitForMessage(/hết hạn/);
  await cuong.send(`/start ${fresh["Lê Văn Cường"]}`);
  await cuong.waitForMessage(/Chào mừng đồng chí Lê Văn Cường/);
  const an = h.user(101);
  await an.send(`/start ${codes["Nguyễn Văn An"]}`);
  await an.waitForMessage(/Chào mừng đồng chí Nguyễn Văn An/);
  await secretary.waitForMessage(/Nguyễn Văn An đã tham gia/);
});

it("a press is checked against the member's branch: anyone else is told who may do it, and no link changes", async () => {
  const world = await startBranchWorld();
  h = world.h;
  await importRoster(world.secretary, ROSTER);
  const dung = await h.db.member.findFirstOrThrow({ where: { fullName: "Phạm Thị Dung" } });
  const before = await h.db.invite.findMany({ orderBy: { id: "asc" } });
  const stranger = h.user(777);
  await stranger.send("/status");
  expect((await stranger.waitForMessage()).text).toContain("đề nghị bí thư chi bộ gửi lời mời dành riêng cho mình");
  await stranger.pressForged(`invite:one:${dung.id}`);
  expect((await stranger.waitForMessage(/chỉ dành cho/)).text).toContain(
    "chỉ dành cho: bí thư chi bộ. Bí thư chi bộ là người lập chi bộ bằng /setup",
  );
  await stranger.pressForged(`invite:all:${dung.orgId}`);
  await stranger.waitForMessage(/chỉ dành cho: bí thư chi bộ/);
  expect(await h.db.invite.findMany({ orderBy: { id: "asc" } })).toEqual(before);
});
