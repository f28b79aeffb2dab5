// N11 (RULES-2025): setting the meeting date under 366 tells the secretary by when the draft collective report must
// reach the participants; /deadline repeats it; a 2011 period says nothing of it.
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";

const SECRETARY = 801;
let h: Harness | undefined;
afterEach(async () => h?.stop());

async function branchUnder(rulebookId: string) {
  h = await startHarness({ now: "2026-12-02T02:00:00.000Z" });
  const members = [{ fullName: "Trần Thị Bình", kind: "official" as const, telegramId: SECRETARY, roles: ["secretary" as const] }];
  await seedBranch(h.db, { members, rulebookId });
  return h.user(SECRETARY);
}

describe("/deadline: the draft report's day (N11)", () => {
  it("N11: a meeting on Monday 28/12 needs the draft out by Wednesday 23/12, said on setting and on /deadline", async () => {
    const secretary = await branchUnder("qd366-2025");
    await secretary.send("/deadline");
    const shown = await secretary.waitForMessage(/Ngày họp chi bộ: chưa đặt/);
    expect(shown.text).not.toContain("Dự thảo báo cáo");
    await secretary.click("Đổi ngày họp");
    await secretary.waitForMessage(/ngày họp chi bộ/);
    await secretary.send("28/12/2026 08:00");
    const set = await secretary.waitForMessage(/Đã đặt ngày họp chi bộ: 08:00 28\/12\/2026/);
    expect(set.text).toContain("chậm nhất ngày 23/12/2026 (3 ngày làm việc trước ngày họp");
    await secretary.send("/deadline");
    const again = await secretary.waitForMessage(/Ngày họp chi bộ: 08:00 28\/12\/2026/);
    expect(again.text).toContain("chậm nhất ngày 23/12/2026");
  });

  it("under 2011 the meeting date is set as before, with no draft report line", async () => {
    const secretary = await branchUnder("hd07-2011");
    await secretary.send("/deadline");
    await secretary.waitForMessage(/Ngày họp chi bộ: chưa đặt/);
    await secretary.click("Đổi ngày họp");
    await secretary.waitForMessage(/ngày họp chi bộ/);
    await secretary.send("28/12/2026 08:00");
    const set = await secretary.waitForMessage(/Đã đặt ngày họp chi bộ/);
    expect(set.text).not.toContain("Dự thảo báo cáo");
  });
});
