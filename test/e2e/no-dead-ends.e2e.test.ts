// Issue 13: every refusal names the role needed and how to get it; /status shows a person their own review state
// whatever other roles they hold.
import { afterEach, expect, it } from "vitest";
import type { Harness } from "../support/bot-harness";
import { COMMITTEE, SECRETARY, startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

it("a member pressing a counting button is told which roles may count and how they are given", async () => {
  const world = await startMeetingWorld(3);
  h = world.h;
  const member = h.user(1002);
  await member.send("/status");
  await member.waitForMessage(/Bản tự kiểm điểm/);
  await member.pressForged(`tl:enter:${world.memberIds[2]}`);
  const refusal = (await member.waitForMessage(/chỉ dành cho/)).text ?? "";
  expect(refusal).not.toContain(": .");
  expect(refusal).toContain("chỉ dành cho: bí thư chi bộ, chi ủy viên.");
  expect(refusal).toContain("/committee");
});

it("the secretary and a committee member see their branch and, under it, their own review state", async () => {
  const world = await startMeetingWorld(3);
  h = world.h;
  for (const [telegramId, name] of [
    [SECRETARY, world.names[0]],
    [COMMITTEE, world.names[1]],
  ] as const) {
    const person = h.user(telegramId);
    await person.send("/status");
    await person.waitForMessage(/Tình hình kiểm điểm — Chi bộ Văn phòng/);
    const own = (await person.waitForMessage(/Phần của riêng đồng chí/)).text ?? "";
    expect(own).toContain(`Đồng chí ${name} — Chi bộ Văn phòng, năm 2026`);
    expect(own).toMatch(/Bản tự kiểm điểm: /);
  }
});

it("the secretary pressing a button of another period is told so and where to look, not left without an answer", async () => {
  const world = await startMeetingWorld(3);
  h = world.h;
  const secretary = h.user(SECRETARY);
  await secretary.send("/status");
  await secretary.waitForMessage(/Phần của riêng đồng chí/);
  await secretary.pressForged(`rsend:c${"0".repeat(24)}`);
  expect((await secretary.waitForMessage(/đợt kiểm điểm đã qua/)).text).toContain("/status");
});
