// Button data is user input: an unknown action of a known prefix is refused with the stale-button toast and changes
// nothing (it used to fall through to "recognize all"), and an upper committee cannot act on another's branch.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOrganization } from "../../store/orgs";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, seedProposedResults } from "../support/seed";

const UPPER = 900;
const OTHER_UPPER = 901;
let h: Harness | undefined;
afterEach(async () => h?.stop());

async function world() {
  h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
  const parent = await createOrganization(h.db, { name: "Đảng ủy Khối", kind: "base-committee" }, null, h.clock.now());
  const branch = await seedBranch(h.db, {
    parentId: parent.id,
    members: [
      { fullName: "Nguyễn Văn An", kind: "official" },
      { fullName: "Trần Thị Bình", kind: "official" },
    ],
    outsiders: [{ telegramId: UPPER, roles: ["committee"] }],
  });
  const other = await createOrganization(h.db, { name: "Đảng ủy Khác", kind: "base-committee" }, null, h.clock.now());
  await seedBranch(h.db, {
    parentId: other.id,
    members: [{ fullName: "Lê Văn Cường", kind: "official" }],
    outsiders: [{ telegramId: OTHER_UPPER, roles: ["committee"] }],
  });
  await seedProposedResults(h.db, branch);
  return { h, branch };
}

const toasts = (harness: Harness) => harness.emulator.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
const recognized = (harness: Harness) => harness.db.memberResult.count({ where: { state: "recognized" } });

describe("forged button data", () => {
  it("an unknown /recognize action is refused with the stale-button toast and recognizes nobody", async () => {
    const { h, branch } = await world();
    const upper = h.user(UPPER);
    await upper.send("/recognize");
    await upper.waitForMessage(/2 chờ công nhận/);
    const forged = [`rc:bogus:${branch.periodId}`, `rc:${branch.periodId}`, `rc:all:${branch.periodId}:x`, "rc:member:1:2"];
    for (const data of forged) await upper.pressForged(data);
    // Each press is answered (the inbox handles them one after another): wait for all four answers.
    await vi.waitFor(() => expect(toasts(h).length).toBe(forged.length), { timeout: 30_000, interval: 50 });
    expect(toasts(h)).toEqual(forged.map(() => "Lựa chọn này đã hết hiệu lực."));
    expect(await recognized(h)).toBe(0);
    await upper.pressForged(`rc:all:${branch.periodId}`);
    await upper.waitForMessage(/Đã công nhận 2 kết quả/);
  }, 60_000);

  it("an upper committee's well-formed button for another committee's branch is refused and changes nothing", async () => {
    const { h, branch } = await world();
    const other = h.user(OTHER_UPPER);
    await other.send("/recognize");
    await other.waitForMessage(/./);
    await other.pressForged(`rc:all:${branch.periodId}`);
    await other.pressForged(`rc:member:${branch.periodId}:${Object.values(branch.memberIds)[0]}`);
    const refusals = () => other.messages().filter((m) => /Không tìm thấy kết quả này/.test(m.text ?? ""));
    await vi.waitFor(() => expect(refusals()).toHaveLength(2), { timeout: 30_000, interval: 50 });
    expect(await recognized(h)).toBe(0);
  }, 60_000);
});
