// A dialog left halfway does not keep what the person typed: its state is forgotten after DIALOG_IDLE_MS.
import { afterEach, expect, it } from "vitest";
import { DIALOG_IDLE_MS, tidyOnce } from "../../bot/housekeeping";
import type { Harness } from "../support/bot-harness";
import { startBranchWorld } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

it("a roster pasted and never confirmed is forgotten after three idle days; the secretary can start again", async () => {
  const world = await startBranchWorld();
  h = world.h;
  await world.secretary.send("/roster");
  await world.secretary.waitForMessage(/Cách 1/);
  await world.secretary.send("Lê Văn Bí Mật;chính thức");
  await world.secretary.waitForMessage(/Danh sách gồm/);
  await h.settled();
  const typed = async () => (await h.db.conversationState.findMany()).filter((row) => row.value.includes("Bí Mật")).length;
  expect(await typed()).toBe(1);

  h.clock.set(new Date(Date.now() + DIALOG_IDLE_MS - 60_000).toISOString());
  expect((await tidyOnce(h.deps)).dialogs).toBe(0);
  h.clock.set(new Date(Date.now() + DIALOG_IDLE_MS + 60_000).toISOString());
  expect((await tidyOnce(h.deps)).dialogs).toBe(1);
  expect(await typed()).toBe(0);

  await world.secretary.send("/roster");
  await world.secretary.waitForMessage(/Cách 1/);
});
