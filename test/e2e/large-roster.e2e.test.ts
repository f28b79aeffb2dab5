// Rosters at the sizes real party committees have, and the secretary told in a sentence when invites cannot be made.
import { afterEach, describe, expect, it } from "vitest";
import { connectionOf } from "../../store/client";
import type { Harness } from "../support/bot-harness";
import { collectInviteCodes, startBranchWorld } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

function rosterCsv(size: number): string {
  const rows = Array.from({ length: size }, (_, i) => `Đảng viên Số ${i + 1};chính thức`);
  return ["name;kind", ...rows].join("\r\n");
}

async function uploadRoster(world: Awaited<ReturnType<typeof startBranchWorld>>, size: number) {
  await world.secretary.send("/roster");
  await world.secretary.waitForMessage(/Cách 2/);
  await world.secretary.sendDocument("danh-sach.csv", rosterCsv(size), "text/csv");
  await world.secretary.waitForMessage(new RegExp(`Danh sách gồm ${size} đồng chí`), 20_000);
  await world.secretary.click(`Nhập ${size} đồng chí`);
}

describe("large rosters", () => {
  // With the secretary already on it, 4,999 more make a branch of 5,000: the largest a branch may be.
  for (const size of [1_000, 4_999]) {
    it(`a CSV roster of ${size} members is imported with one invite link each`, async () => {
      const world = await startBranchWorld();
      h = world.h;
      await uploadRoster(world, size);
      await world.secretary.waitForMessage(new RegExp(`Đã nhập ${size} đồng chí`), 60_000);
      const codes = await collectInviteCodes(world.secretary);
      expect(Object.keys(codes)).toHaveLength(size);
      expect(await h.db.invite.count()).toBe(size);
    }, 120_000);
  }

  it("when the invites cannot be stored, nothing is imported and the secretary is told so", async () => {
    const world = await startBranchWorld();
    h = world.h;
    // Any failure after the members are written: their invites refused by the database.
    (await connectionOf(h.db)).exec(`CREATE TRIGGER refuse_invites BEFORE INSERT ON "Invite" BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await uploadRoster(world, 3);
    await world.secretary.waitForMessage(/Chưa nhập được danh sách: không có đồng chí nào được lưu/);
    expect(await h.db.member.count()).toBe(1); // the secretary only
  });

  it("when /invites cannot store fresh links, the secretary is told the earlier ones still work", async () => {
    const world = await startBranchWorld();
    h = world.h;
    await uploadRoster(world, 3);
    await world.secretary.waitForMessage(/Lời mời cho 3 đồng chí chưa tham gia/); // the links, not only the import's word
    const first = await collectInviteCodes(world.secretary);
    (await connectionOf(h.db)).exec(`CREATE TRIGGER refuse_invites BEFORE INSERT ON "Invite" BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await world.secretary.send("/invites");
    await world.secretary.waitForMessage(/Chọn một đồng chí để cấp lại/);
    await world.secretary.click("Cấp lại tất cả (3)");
    await world.secretary.waitForMessage(/Chưa tạo được lời mời mới; các lời mời đã gửi vẫn như trước/);
    const an = h.user(101);
    await an.send(`/start ${first["Đảng viên Số 1"]}`);
    await an.waitForMessage(/Chào mừng đồng chí Đảng viên Số 1/);
  });
});
