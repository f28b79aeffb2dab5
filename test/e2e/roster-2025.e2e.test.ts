import { afterEach, expect, it } from "vitest";
import type { Harness } from "../support/bot-harness";
import { openRosterDialog } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

it("/roster takes the 366 facts of each member (form, admission day, suspension, special case) and shows them before importing", async () => {
  const world = await openRosterDialog();
  h = world.h;
  const { secretary } = world;
  await secretary.send(
    [
      "Nguyễn Văn An; chính thức; mẫu 2A, cấp ủy",
      "Lê Văn Cường; chính thức; mẫu 2C, ốm dài ngày",
      "Phạm Thị Dung; dự bị; kết nạp 15/08/2026, thai sản",
      "Hoàng Văn Em; chính thức; đình chỉ",
    ].join("\n"),
  );
  const preview = await secretary.waitForMessage(/Danh sách gồm/);
  expect(preview.text).toContain("• Mẫu bản tự kiểm điểm: mẫu 2A (1), mẫu 2C (1)");
  expect(preview.text).toContain("• Có ngày kết nạp (dưới 6 tháng đến kỳ kiểm điểm thì không đánh giá): 1");
  expect(preview.text).toContain("• Đình chỉ sinh hoạt (không đánh giá): 1");
  expect(preview.text).toContain("• Ốm dài ngày (đánh giá theo thời gian công tác thực tế): 1");
  expect(preview.text).toContain("• Nghỉ thai sản (đánh giá theo thời gian công tác thực tế): 1");
  await secretary.click(/^Nhập \d+ đồng chí$/);
  await secretary.waitForMessage(/Đã nhập/);
  const members = await h.db.member.findMany({
    where: { fullName: { not: "Trần Thị Bình" } },
    orderBy: { createdAt: "asc" },
    select: { fullName: true, form: true, admittedOn: true, suspended: true, specialCase: true, isLeader: true },
  });
  expect(members).toEqual([
    { fullName: "Nguyễn Văn An", form: "2A", admittedOn: null, suspended: false, specialCase: null, isLeader: true },
    { fullName: "Lê Văn Cường", form: "2C", admittedOn: null, suspended: false, specialCase: "sick", isLeader: false },
    {
      fullName: "Phạm Thị Dung",
      form: null,
      admittedOn: new Date("2026-08-15T00:00:00.000Z"),
      suspended: false,
      specialCase: "maternity",
      isLeader: false,
    },
    { fullName: "Hoàng Văn Em", form: null, admittedOn: null, suspended: true, specialCase: null, isLeader: false },
  ]);
});

it("/roster: a wrong form is named on its line and nothing is saved", async () => {
  const world = await openRosterDialog();
  h = world.h;
  const { secretary } = world;
  await secretary.send("Nguyễn Văn An; chính thức; mẫu 2D");
  await secretary.waitForMessage(/Dòng 1: không nhận ra mẫu «mẫu 2D»; chỉ dùng mẫu 2A, 2B hoặc 2C/);
  expect(await h.db.member.count()).toBe(1);
});
