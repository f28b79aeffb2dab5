import { afterEach, expect, it } from "vitest";
import type { Harness } from "../support/bot-harness";
import { importRoster, startBranchWorld } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

it("the secretary is told who joined, under which name, with which account; a refused claim tells nobody", async () => {
  const world = await startBranchWorld();
  h = world.h;
  const codes = await importRoster(world.secretary, ["Nguyễn Văn An; chính thức", "Lê Văn Cường; dự bị"]);
  const an = h.user(101, { firstName: "An Nguyễn", username: "an_nguyen" });
  await an.send(`/start ${codes["Nguyễn Văn An"]}`);
  await an.waitForMessage(/Chào mừng/);
  const notice = await world.secretary.waitForMessage(/đã tham gia/);
  expect(notice.text).toBe("Đồng chí Nguyễn Văn An đã tham gia Chi bộ Văn phòng bằng lời mời (tài khoản: An Nguyễn @an_nguyen).");
  await an.send(`/start ${codes["Lê Văn Cường"]}`);
  await an.waitForMessage(/không nhận thêm tên khác được/);
  await an.waitForIdle();
  expect(world.secretary.messages().filter((m) => /đã tham gia/.test(m.text ?? ""))).toHaveLength(1);
});
