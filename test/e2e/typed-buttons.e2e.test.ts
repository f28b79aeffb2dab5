// Where buttons are offered, typing what a button says answers as the button ("không", "2026", "Đảng ủy cơ sở").
import { afterEach, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";

let h: Harness;
afterEach(() => h.stop());

it("/setup answered by typing the buttons' words, with or without diacritics", async () => {
  h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
  const lan = h.user(611);
  await lan.send("/setup");
  await lan.waitForMessage(/lập tổ chức đảng nào/);
  await lan.send("chi bo truc thuoc dang uy co so");
  await lan.waitForMessage(/Tên chi bộ là gì/);
  await lan.send("Chi bộ Gõ Chữ");
  await lan.waitForMessage(/nhập hai lần/);
  await lan.send("Không");
  await lan.waitForMessage(/năm nào/);
  await lan.send("2026");
  const deadline = await lan.waitForMessage(/Hạn chót nộp bản tự kiểm điểm/);
  expect(deadline.text).toContain("20/12/2026");
  expect(lan.messages().some((m) => /chọn một mục/.test(m.text ?? ""))).toBe(false);
});
